package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.ybdesk.db.jooq.tables.records.OutboxRecord;

/** The outbox: every change to upload to the provincial server, in order of occurrence (seq). */
public final class Outbox {
    public static final String PENDING = "PENDING";
    public static final String ACKED = "ACKED";
    public static final String REFUSED = "REFUSED";

    private Outbox() {
    }

    /**
     * Who made a message's change: the account id and login name ({@code null} both for the desk itself) and the
     * name shown, as on the audit record that vouches for the message (the envelope's opter and opter_name).
     */
    public record Actor(Long userId, String username, String displayName) {
    }

    /**
     * Adds a message covered by the audit record {@code auditSeq} (whose payload_hash vouches for it), made by
     * {@code actor}, inside the caller's transaction (which must hold the writer lock).
     */
    public static long enqueue(DSLContext tx, NumberLedger ledger, String msgType, String entityType,
                               String entityId, String payloadJson, OffsetDateTime at, Long auditSeq, Actor actor) {
        Long max = tx.select(DSL.max(OUTBOX.SEQ)).from(OUTBOX).fetchOne(0, Long.class);
        // the sequence goes into message ids the province keeps: never reuse one, even after a lost tail
        long seq = ledger.reserveInBlocks("OUTBOX", max == null ? 1 : max + 1, 100);
        OutboxRecord r = tx.newRecord(OUTBOX);
        r.setSeq(seq);
        r.setMsgType(msgType);
        r.setEntityType(entityType);
        r.setEntityId(entityId);
        r.setPayloadJson(payloadJson);
        r.setCreatedAt(at);
        r.setStatus(PENDING);
        r.setAttempts(0);
        r.setAuditSeq(auditSeq);
        r.setActorId(actor.userId());
        r.setActorUsername(actor.username());
        r.setActorName(actor.displayName());
        r.insert();
        return seq;
    }

    public static List<OutboxRecord> pending(DSLContext dsl, int limit) {
        return dsl.selectFrom(OUTBOX).where(OUTBOX.STATUS.eq(PENDING)).orderBy(OUTBOX.SEQ).limit(limit).fetch();
    }

    public static int count(DSLContext dsl, String status) {
        return dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq(status));
    }
}
