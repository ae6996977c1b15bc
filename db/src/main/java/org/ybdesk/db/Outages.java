package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.OUTAGE;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.ybdesk.core.calendar.OutagePeriod;

/** The recorded outages (停机, issue 13): read and appended inside the caller's transaction. */
public final class Outages {
    private Outages() {
    }

    /** One recorded outage as stored. */
    public record Row(long id, LocalDateTime startsAt, LocalDateTime endsAt, String scope, String reason,
                      String noticeRef, long recordedBy, String recordedByName, String recordedByPerson,
                      OffsetDateTime recordedAt) {
        public OutagePeriod period() {
            return new OutagePeriod(startsAt, endsAt);
        }
    }

    /** Every outage, earliest first. */
    public static List<Row> all(DSLContext dsl) {
        return dsl.selectFrom(OUTAGE).orderBy(OUTAGE.STARTS_AT, OUTAGE.ID).fetch(r -> new Row(r.getId(),
                r.getStartsAt(), r.getEndsAt(), r.getScope(), r.getReason(), r.getNoticeRef(), r.getRecordedBy(),
                r.getRecordedByName(), r.getRecordedByPerson(), r.getRecordedAt()));
    }

    /** The periods of the outages ending after {@code after} (the clock stops of cases accepted then), in order. */
    public static List<OutagePeriod> endingAfter(DSLContext dsl, LocalDateTime after) {
        return dsl.select(OUTAGE.STARTS_AT, OUTAGE.ENDS_AT).from(OUTAGE).where(OUTAGE.ENDS_AT.gt(after))
                .orderBy(OUTAGE.STARTS_AT).fetch(r -> new OutagePeriod(r.value1(), r.value2()));
    }

    /** Stores an outage (validated by the caller); returns its key. */
    public static long insert(DSLContext tx, Row r) {
        return tx.insertInto(OUTAGE).set(OUTAGE.STARTS_AT, r.startsAt()).set(OUTAGE.ENDS_AT, r.endsAt())
                .set(OUTAGE.SCOPE, r.scope()).set(OUTAGE.REASON, r.reason()).set(OUTAGE.NOTICE_REF, r.noticeRef())
                .set(OUTAGE.RECORDED_BY, r.recordedBy()).set(OUTAGE.RECORDED_BY_NAME, r.recordedByName())
                .set(OUTAGE.RECORDED_BY_PERSON, r.recordedByPerson()).set(OUTAGE.RECORDED_AT, r.recordedAt())
                .returningResult(OUTAGE.ID).fetchOne().value1();
    }
}
