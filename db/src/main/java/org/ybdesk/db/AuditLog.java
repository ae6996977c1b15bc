package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.ybdesk.db.jooq.tables.records.AuditLogRecord;

/**
 * The append-only audit log. Each record's hash is SHA-256 over the previous record's hash and this record's
 * content, so changing or deleting any row breaks the chain from that row on. Only {@link #append} writes here.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);

    /** Who did it, as recorded. actorId is null for system actions (setup, import). */
    public record Who(Long actorId, String actorName) {
    }

    /** Result of checking the chain: ok, or the first row whose hash does not match. */
    public record Verification(boolean ok, long rows, Long firstBadSeq) {
    }

    private AuditLog() {
    }

    /** Appends a record inside the caller's transaction (which must hold the writer lock). */
    public static long append(DSLContext tx, Who who, OffsetDateTime at, String action, String entityType,
                              String entityId, String beforeJson, String afterJson) {
        return append(tx, who, at, action, entityType, entityId, beforeJson, afterJson, null, null);
    }

    /**
     * Appends a record vouching for content: {@code contentHash} of the changed record after the change
     * ({@link AuditContent}), {@code payloadHash} of the outbox message the change enqueues; either may be null.
     */
    public static long append(DSLContext tx, Who who, OffsetDateTime at, String action, String entityType,
                              String entityId, String beforeJson, String afterJson, String contentHash,
                              String payloadHash) {
        Record2<Long, String> last = tx.select(AUDIT_LOG.SEQ, AUDIT_LOG.HASH).from(AUDIT_LOG)
                .orderBy(AUDIT_LOG.SEQ.desc()).limit(1).fetchOne();
        long seq = last == null ? 1 : last.value1() + 1;
        String prev = last == null ? GENESIS : last.value2();
        AuditLogRecord r = tx.newRecord(AUDIT_LOG);
        r.setSeq(seq);
        r.setOccurredAt(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        r.setActorId(who.actorId());
        r.setActorName(who.actorName());
        r.setAction(action);
        r.setEntityType(entityType);
        r.setEntityId(entityId);
        r.setBeforeJson(beforeJson);
        r.setAfterJson(afterJson);
        r.setContentHash(contentHash);
        r.setPayloadHash(payloadHash);
        r.setPrevHash(prev);
        r.setHash(hash(r));
        r.insert();
        return seq;
    }

    /** Recomputes the whole chain. */
    public static Verification verify(DSLContext dsl) {
        String prev = GENESIS;
        long expectedSeq = 1;
        long rows = 0;
        try (var cursor = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetchLazy()) {
            for (AuditLogRecord r : cursor) {
                rows++;
                if (r.getSeq() != expectedSeq || !r.getPrevHash().equals(prev) || !r.getHash().equals(hash(r))) {
                    return new Verification(false, rows, r.getSeq());
                }
                prev = r.getHash();
                expectedSeq++;
            }
        }
        return new Verification(true, rows, null);
    }

    public static Optional<AuditLogRecord> last(DSLContext dsl) {
        return dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ.desc()).limit(1).fetchOptional();
    }

    public static String hash(AuditLogRecord r) {
        String canonical = String.join("\u001f",
                r.getPrevHash(),
                Long.toString(r.getSeq()),
                r.getOccurredAt().toInstant().toString(),
                String.valueOf(r.getActorId()),
                r.getActorName(),
                r.getAction(),
                r.getEntityType(),
                r.getEntityId(),
                String.valueOf(r.getBeforeJson()),
                String.valueOf(r.getAfterJson()));
        // records written before V8 have neither hash: their chained hash stays what it was
        if (r.getContentHash() != null || r.getPayloadHash() != null) {
            canonical = canonical + "\u001f" + r.getContentHash() + "\u001f" + r.getPayloadHash();
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String iso(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
