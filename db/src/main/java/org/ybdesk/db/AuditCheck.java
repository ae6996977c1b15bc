package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.AUDIT_STATE;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.ybdesk.db.jooq.tables.records.AuditLogRecord;
import org.ybdesk.db.jooq.tables.records.AuditStateRecord;
import org.ybdesk.db.jooq.tables.records.OutboxRecord;

/**
 * Tamper evidence over content (D71): the hash chain, every current case, person and unit against the content hash
 * of its last audit record, every pending outbox message against the audit record covering it, the tail against
 * the outbox and the anchored head. Also writes the baseline seal of data folders made before content hashes.
 * Findings are plain values; the service words them for people.
 */
public final class AuditCheck {
    /** The action of baseline records (one per row, then one closing record of entity type AUDIT). */
    public static final String SEAL = "AUDIT_SEAL";
    public static final String SEAL_ENTITY = "AUDIT";

    /** What kind of problem a finding is. */
    public enum Kind {
        /** The chain is broken at {@code seq} (a record edited, removed or inserted). */
        CHAIN_BROKEN,
        /** The row's content differs from what its last audit record ({@code seq}) vouches for. */
        CONTENT_CHANGED,
        /** A current row no audit record vouches for. */
        NOT_AUDITED,
        /** A row an audit record ({@code seq}) vouches for is gone. */
        ROW_MISSING,
        /**
         * A pending outbox message ({@code entityId}: its seq) whose payload, or actor, differs from its record
         * ({@code seq}).
         */
        OUTBOX_CHANGED,
        /** A pending outbox message without an audit record covering it ({@code seq}: the missing one, if known). */
        OUTBOX_NOT_AUDITED,
        /** Audit records after {@code seq} (the last one present) are missing: later rows refer to them. */
        TAIL_MISSING,
        /** The head the province accepted ({@code seq}, {@code entityId}: its hash) is not in this chain. */
        ANCHOR_MISMATCH,
        /** A second baseline seal at {@code seq}, after records with content hashes (the seal was forced again). */
        RESEALED
    }

    public record Finding(Kind kind, String entityType, String entityId, Long seq) {
    }

    /** The last record of the chain. */
    public record Head(long seq, String hash, OffsetDateTime at) {
    }

    /** The result: ok when there are no findings. {@code anchor}: the head the province last accepted, if any. */
    public record Result(long rows, Head head, Head anchor, List<Finding> findings) {
        public boolean ok() {
            return findings.isEmpty();
        }

        public Long firstBadSeq() {
            return findings.stream().filter(f -> f.kind() == Kind.CHAIN_BROKEN).map(Finding::seq).findFirst()
                    .orElse(null);
        }
    }

    private AuditCheck() {
    }

    /** Checks everything; {@code limit} caps the findings listed per kind (counts beyond are not needed to act). */
    public static Result verify(DSLContext dsl, int limit) {
        List<Finding> findings = new ArrayList<>();
        Map<Kind, Integer> perKind = new HashMap<>();
        // 1. the chain, and the last content hash of each entity on the way
        Map<String, Map<String, long[]>> lastSeq = new HashMap<>();
        Map<String, Map<String, String>> lastHash = new HashMap<>();
        for (String k : AuditContent.KINDS) {
            lastSeq.put(k, new HashMap<>());
            lastHash.put(k, new HashMap<>());
        }
        Map<Long, String> payloadHashes = new HashMap<>();
        // the actor (id, name) of every non-seal record that vouches for a message: the message's actor must be it
        Map<Long, List<Object>> payloadActors = new HashMap<>();
        String prev = AuditLog.GENESIS;
        long expected = 1;
        long rows = 0;
        Head head = null;
        boolean broken = false;
        boolean contentSeen = false;
        Map<Long, String> hashAt = new HashMap<>();
        AuditStateRecord state = dsl.selectFrom(AUDIT_STATE).where(AUDIT_STATE.ID.eq(1)).fetchOne();
        Long anchoredSeq = state == null ? null : state.getAnchoredSeq();
        try (var cursor = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetchLazy()) {
            for (AuditLogRecord r : cursor) {
                rows++;
                if (!broken && (r.getSeq() != expected || !r.getPrevHash().equals(prev)
                        || !r.getHash().equals(AuditLog.hash(r)))) {
                    add(findings, perKind, limit, new Finding(Kind.CHAIN_BROKEN, null, null,
                            r.getSeq() != expected ? Math.min(expected, r.getSeq()) : r.getSeq()));
                    broken = true;
                }
                prev = r.getHash();
                expected = r.getSeq() + 1;
                if (SEAL.equals(r.getAction())) {
                    if (SEAL_ENTITY.equals(r.getEntityType())) {
                        if (contentSeen) {
                            add(findings, perKind, limit, new Finding(Kind.RESEALED, null, null, r.getSeq()));
                        }
                        contentSeen = true;
                    }
                } else if (r.getContentHash() != null) {
                    contentSeen = true;
                }
                if (r.getContentHash() != null && AuditContent.covers(r.getEntityType())) {
                    lastHash.get(r.getEntityType()).put(r.getEntityId(), r.getContentHash());
                    lastSeq.get(r.getEntityType()).put(r.getEntityId(), new long[] {r.getSeq()});
                }
                if (r.getPayloadHash() != null) {
                    payloadHashes.put(r.getSeq(), r.getPayloadHash());
                    if (!SEAL.equals(r.getAction())) {
                        payloadActors.put(r.getSeq(), java.util.Arrays.asList(r.getActorId(), r.getActorName()));
                    }
                }
                if (anchoredSeq != null && r.getSeq() == anchoredSeq) {
                    hashAt.put(r.getSeq(), r.getHash());
                }
                head = new Head(r.getSeq(), r.getHash(), r.getOccurredAt());
            }
        }
        // 2. every current row against its last record
        for (String kind : new TreeMap<>(lastHash).keySet()) {
            Map<String, String> current = AuditContent.current(dsl, kind);
            Map<String, String> vouched = lastHash.get(kind);
            for (var e : new TreeMap<>(current).entrySet()) {
                String v = vouched.get(e.getKey());
                if (v == null) {
                    add(findings, perKind, limit, new Finding(Kind.NOT_AUDITED, kind, e.getKey(), null));
                } else if (!v.equals(e.getValue())) {
                    add(findings, perKind, limit, new Finding(Kind.CONTENT_CHANGED, kind, e.getKey(),
                            lastSeq.get(kind).get(e.getKey())[0]));
                }
            }
            String none = AuditContent.hash(kind, List.of());
            for (String id : new TreeMap<>(vouched).keySet()) {
                // a last record that vouches for no row at all records a legitimate removal (a person's ID number
                // changed by item 5/6 leaves the old number without a row, issue 10)
                if (!current.containsKey(id) && !none.equals(vouched.get(id))) {
                    add(findings, perKind, limit, new Finding(Kind.ROW_MISSING, kind, id,
                            lastSeq.get(kind).get(id)[0]));
                }
            }
        }
        // 3. pending outbox messages against their records; the tail against the outbox
        long headSeq = head == null ? 0 : head.seq();
        long maxReferenced = 0;
        java.util.Set<Long> covered = new java.util.HashSet<>();
        try (var cursor = dsl.selectFrom(OUTBOX).orderBy(OUTBOX.SEQ).fetchLazy()) {
            for (OutboxRecord o : cursor) {
                if (o.getAuditSeq() != null) {
                    covered.add(o.getAuditSeq());
                    maxReferenced = Math.max(maxReferenced, o.getAuditSeq());
                }
                if (!Outbox.PENDING.equals(o.getStatus())) {
                    continue;
                }
                String vouched = o.getAuditSeq() == null ? null : payloadHashes.get(o.getAuditSeq());
                if (vouched == null) {
                    add(findings, perKind, limit, new Finding(Kind.OUTBOX_NOT_AUDITED, OUTBOX.getName(),
                            String.valueOf(o.getSeq()), o.getAuditSeq()));
                } else if (!vouched.equals(AuditContent.outboxHash(o))
                        || !sameActor(payloadActors.get(o.getAuditSeq()), o)) {
                    add(findings, perKind, limit, new Finding(Kind.OUTBOX_CHANGED, OUTBOX.getName(),
                            String.valueOf(o.getSeq()), o.getAuditSeq()));
                }
            }
        }
        for (Long seq : new java.util.TreeSet<>(payloadHashes.keySet())) {
            if (!covered.contains(seq)) {
                add(findings, perKind, limit, new Finding(Kind.ROW_MISSING, OUTBOX.getName(), null, seq));
            }
        }
        if (maxReferenced > headSeq) {
            add(findings, perKind, limit, new Finding(Kind.TAIL_MISSING, null, null, headSeq));
        }
        // 4. the head the province accepted
        Head anchor = null;
        if (anchoredSeq != null) {
            anchor = new Head(anchoredSeq, state.getAnchoredHash(), state.getAnchoredAt());
            if (anchoredSeq > headSeq) {
                add(findings, perKind, limit, new Finding(Kind.TAIL_MISSING, null, null, headSeq));
            } else if (!state.getAnchoredHash().equals(hashAt.get(anchoredSeq))) {
                add(findings, perKind, limit, new Finding(Kind.ANCHOR_MISMATCH, null, state.getAnchoredHash(),
                        anchoredSeq));
            }
        }
        return new Result(rows, head, anchor, List.copyOf(findings));
    }

    private static void add(List<Finding> out, Map<Kind, Integer> perKind, int limit, Finding f) {
        int n = perKind.merge(f.kind(), 1, Integer::sum);
        if (n <= limit) {
            out.add(f);
        }
    }

    /** The chain's last record, if any. */
    public static java.util.Optional<Head> head(DSLContext dsl) {
        return AuditLog.last(dsl).map(r -> new Head(r.getSeq(), r.getHash(), r.getOccurredAt()));
    }

    /** The hash of the record {@code seq} as the chain holds it now (null when there is none). */
    public static String hashAt(DSLContext dsl, long seq) {
        return dsl.select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).fetchOne(AUDIT_LOG.HASH);
    }

    /** The head the province last accepted, as this desk stored it. */
    public static java.util.Optional<Head> anchored(DSLContext dsl) {
        AuditStateRecord s = dsl.selectFrom(AUDIT_STATE).where(AUDIT_STATE.ID.eq(1)).fetchOne();
        return s == null || s.getAnchoredSeq() == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Head(s.getAnchoredSeq(), s.getAnchoredHash(), s.getAnchoredAt()));
    }

    /** Stores the head the province accepted (never lowers it). */
    public static void storeAnchor(DSLContext tx, Head head, OffsetDateTime at) {
        tx.update(AUDIT_STATE).set(AUDIT_STATE.ANCHORED_SEQ, head.seq()).set(AUDIT_STATE.ANCHORED_HASH, head.hash())
                .set(AUDIT_STATE.ANCHORED_AT, at)
                .where(AUDIT_STATE.ID.eq(1), AUDIT_STATE.ANCHORED_SEQ.isNull().or(AUDIT_STATE.ANCHORED_SEQ.le(head.seq())))
                .execute();
    }

    /**
     * The baseline seal, once per data folder (inside the caller's write transaction): when {@code audit_state} says
     * the folder was never sealed, one AUDIT_SEAL record per current case, person and unit no record vouches for yet
     * (its content hash) and per pending outbox message without its record (its payload hash; the message then
     * points at it), then a closing record with the counts. Rows the current release left without content hashes are thereby vouched for as they are at the first
     * opening after the upgrade. Returns the number of rows sealed, or -1 when the folder was sealed before.
     */
    public static int sealIfNeeded(DSLContext tx, AuditLog.Who who, OffsetDateTime at) {
        AuditStateRecord s = tx.selectFrom(AUDIT_STATE).where(AUDIT_STATE.ID.eq(1)).forUpdate().fetchOne();
        if (s == null) {
            tx.insertInto(AUDIT_STATE).set(AUDIT_STATE.ID, 1).execute();
            s = tx.selectFrom(AUDIT_STATE).where(AUDIT_STATE.ID.eq(1)).forUpdate().fetchOne();
        }
        if (s.getSealedAt() != null) {
            return -1;
        }
        Map<String, Integer> counts = new TreeMap<>();
        int n = 0;
        for (String kind : new java.util.TreeSet<>(AuditContent.KINDS)) {
            Map<String, String> current = new TreeMap<>(AuditContent.current(tx, kind));
            // only what no record vouches for yet: a forced second seal cannot whitewash a changed row
            current.keySet().removeAll(tx.selectDistinct(AUDIT_LOG.ENTITY_ID).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ENTITY_TYPE.eq(kind), AUDIT_LOG.CONTENT_HASH.isNotNull())
                    .fetchSet(AUDIT_LOG.ENTITY_ID));
            for (var e : current.entrySet()) {
                AuditLog.append(tx, who, at, SEAL, kind, e.getKey(), null, null, e.getValue(), null);
            }
            counts.put(kind, current.size());
            n += current.size();
        }
        List<OutboxRecord> pending = tx.selectFrom(OUTBOX).where(OUTBOX.STATUS.eq(Outbox.PENDING),
                OUTBOX.AUDIT_SEQ.isNull()).orderBy(OUTBOX.SEQ).fetch();
        for (OutboxRecord o : pending) {
            long seq = AuditLog.append(tx, who, at, SEAL, AuditContent.OUTBOX_KIND, String.valueOf(o.getSeq()), null,
                    null, null, AuditContent.outboxHash(o));
            tx.update(OUTBOX).set(OUTBOX.AUDIT_SEQ, seq).where(OUTBOX.SEQ.eq(o.getSeq())).execute();
        }
        counts.put(AuditContent.OUTBOX_KIND, pending.size());
        n += pending.size();
        // a seal of a folder that has content hashes already means the seal mark was cleared: recorded all the same
        if (n > 0 || tx.fetchExists(AUDIT_LOG, AUDIT_LOG.CONTENT_HASH.isNotNull())) {
            AuditLog.append(tx, who, at, SEAL, SEAL_ENTITY, "baseline", null, Json.write(counts), null, null);
        }
        tx.update(AUDIT_STATE).set(AUDIT_STATE.SEALED_AT, at).where(AUDIT_STATE.ID.eq(1)).execute();
        return n;
    }

    /** Whether a message names the actor of the (non-seal) record vouching for it; a seal vouches for no actor. */
    private static boolean sameActor(List<Object> recorded, OutboxRecord o) {
        return recorded == null || (java.util.Objects.equals(recorded.get(0), o.getActorId())
                && java.util.Objects.equals(recorded.get(1), o.getActorName()));
    }
}
