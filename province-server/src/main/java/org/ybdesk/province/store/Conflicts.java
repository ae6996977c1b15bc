package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Sequences.CONFLICT_VERSION_SEQ;
import static org.ybdesk.province.jooq.Tables.DESK;
import static org.ybdesk.province.jooq.Tables.RECEIVED_MESSAGE;
import static org.ybdesk.province.jooq.Tables.REGISTRY_CONFLICT;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.RegistryConflict;
import org.ybdesk.protocol.RegistryConflicts;
import org.ybdesk.province.jooq.tables.records.AgencyRecord;
import org.ybdesk.province.jooq.tables.records.RegistryConflictRecord;

/**
 * Registry conflicts (issue 13, D134): the same person or unit registered by two agencies. {@link Uploads} records
 * one when the second registration arrives (under the registry lock, so conflict versions commit in order like
 * registry versions, D55); {@link #since} lists an agency's conflicts — where it holds the record or where it does
 * not — for {@code GET /api/v1/conflicts}.
 */
public final class Conflicts {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5_000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ProvinceDb db;

    public Conflicts(ProvinceDb db) {
        this.db = db;
    }

    /** One registration of a conflict: its agency, desk, message, when it occurred and whether it was back-filled. */
    record Side(String agencyCode, Long deskId, String msgid, LocalDateTime occurredAt, boolean backfill) {
    }

    /**
     * Records the conflict of {@code arriving} (the registration just received) with {@code held} (the registry's row
     * before it); {@code arrivingHolds} when the arriving one occurred first and replaced {@code replaced}.
     */
    static void record(DSLContext tx, OffsetDateTime now, Registration reg, boolean arrivingHolds, Side arriving,
                       Side held, JSONB replaced) {
        Side holder = arrivingHolds ? arriving : held;
        Side other = arrivingHolds ? held : arriving;
        tx.insertInto(REGISTRY_CONFLICT)
                .set(REGISTRY_CONFLICT.KIND, reg.kind())
                .set(REGISTRY_CONFLICT.RECORD_KEY, reg.keyValue())
                .set(REGISTRY_CONFLICT.RECORD_NAME, reg.name())
                .set(REGISTRY_CONFLICT.HOLDER_AGENCY, holder.agencyCode())
                .set(REGISTRY_CONFLICT.HOLDER_DESK_ID, holder.deskId())
                .set(REGISTRY_CONFLICT.HOLDER_MSGID, holder.msgid())
                .set(REGISTRY_CONFLICT.HOLDER_OCCURRED_AT, holder.occurredAt())
                .set(REGISTRY_CONFLICT.HOLDER_BACKFILL, holder.backfill())
                .set(REGISTRY_CONFLICT.OTHER_AGENCY, other.agencyCode())
                .set(REGISTRY_CONFLICT.OTHER_DESK_ID, other.deskId())
                .set(REGISTRY_CONFLICT.OTHER_MSGID, other.msgid())
                .set(REGISTRY_CONFLICT.OTHER_OCCURRED_AT, other.occurredAt())
                .set(REGISTRY_CONFLICT.OTHER_BACKFILL, other.backfill())
                // the held row reached the province first
                .set(REGISTRY_CONFLICT.ARRIVED_FIRST, arrivingHolds ? RegistryConflict.OTHER : RegistryConflict.HOLDER)
                .set(REGISTRY_CONFLICT.REPLACED, replaced)
                .set(REGISTRY_CONFLICT.CREATED_AT, now)
                .set(REGISTRY_CONFLICT.VERSION, CONFLICT_VERSION_SEQ.nextval())
                .execute();
    }

    /** Whether the message {@code msgid} carried 补录 details (its stored input's {@code backfill}). */
    static boolean backfilled(DSLContext tx, String msgid) {
        return !backfill(tx.select(RECEIVED_MESSAGE.PAYLOAD).from(RECEIVED_MESSAGE)
                .where(RECEIVED_MESSAGE.MSGID.eq(msgid)).fetchOne(RECEIVED_MESSAGE.PAYLOAD)).isMissingNode();
    }

    private static JsonNode backfill(JSONB payload) {
        if (payload == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            JsonNode b = ProtocolJson.mapper().readTree(payload.data()).path("input").path("backfill");
            return b.isObject() ? b : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A time as the conflict's texts show it ({@code yyyy-MM-dd HH:mm}). */
    static String shown(LocalDateTime t) {
        return SHOWN.format(t);
    }

    /** The conflicts of the desk's agency after {@code since}, in version order, one page. */
    public RegistryConflicts since(Desks.Desk desk, long since, int limit) {
        DSLContext dsl = db.dsl();
        List<RegistryConflictRecord> rows = dsl.selectFrom(REGISTRY_CONFLICT)
                .where(REGISTRY_CONFLICT.VERSION.gt(since), REGISTRY_CONFLICT.HOLDER_AGENCY.eq(desk.agencyCode())
                        .or(REGISTRY_CONFLICT.OTHER_AGENCY.eq(desk.agencyCode())))
                .orderBy(REGISTRY_CONFLICT.VERSION).limit(limit + 1).fetch();
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        List<RegistryConflict> out = new ArrayList<>();
        for (RegistryConflictRecord r : rows) {
            out.add(new RegistryConflict(r.getId(), r.getVersion(), r.getKind(), r.getRecordKey(), r.getRecordName(),
                    party(dsl, r.getHolderAgency(), r.getHolderDeskId(), r.getHolderMsgid(), r.getHolderOccurredAt(),
                            r.getHolderBackfill()),
                    party(dsl, r.getOtherAgency(), r.getOtherDeskId(), r.getOtherMsgid(), r.getOtherOccurredAt(),
                            r.getOtherBackfill()),
                    r.getArrivedFirst(), r.getReplaced() != null,
                    AT.format(r.getCreatedAt().atZoneSameInstant(ProvinceDb.ZONE))));
        }
        return new RegistryConflicts(rows.isEmpty() ? since : rows.get(rows.size() - 1).getVersion(), more, out);
    }

    private static RegistryConflict.Party party(DSLContext dsl, String agency, Long deskId, String msgid,
                                                LocalDateTime occurred, boolean backfilled) {
        String agencyName = CaseLog.agency(dsl, agency).map(AgencyRecord::getName).orElse(null);
        Record d = deskId == null ? null
                : dsl.select(DESK.WINDOW_NO, DESK.NAME).from(DESK).where(DESK.ID.eq(deskId)).fetchOne();
        Record m = dsl.select(RECEIVED_MESSAGE.RECEIVED_AT, RECEIVED_MESSAGE.PAYLOAD).from(RECEIVED_MESSAGE)
                .where(RECEIVED_MESSAGE.MSGID.eq(msgid)).fetchOne();
        String paperRef = null;
        if (m != null) {
            JsonNode b = backfill(m.get(RECEIVED_MESSAGE.PAYLOAD));
            paperRef = b.hasNonNull("paperRef") ? b.get("paperRef").asText() : null;
        }
        return new RegistryConflict.Party(agency, agencyName, d == null ? null : d.get(DESK.WINDOW_NO),
                d == null ? null : d.get(DESK.NAME), AT.format(occurred),
                m == null ? null : AT.format(m.get(RECEIVED_MESSAGE.RECEIVED_AT).atZoneSameInstant(ProvinceDb.ZONE)),
                backfilled, paperRef);
    }
}
