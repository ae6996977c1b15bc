package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.OUTBOX;
import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.REFERENCE_DATA;
import static org.ybdesk.db.jooq.Tables.SYNC_STATE;
import static org.ybdesk.db.jooq.Tables.SYNC_TASK;
import static org.ybdesk.db.jooq.Tables.SYNC_TASK_MESSAGE;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.ybdesk.core.calendar.WorkingCalendar;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.db.Outbox;
import org.ybdesk.db.jooq.tables.records.OutboxRecord;
import org.ybdesk.db.jooq.tables.records.PersonRecord;
import org.ybdesk.db.jooq.tables.records.SyncTaskRecord;
import org.ybdesk.db.jooq.tables.records.UnitRecord;
import org.ybdesk.protocol.change.Change;
import org.ybdesk.protocol.change.ChangeKind;
import org.ybdesk.service.CaseViews.CaseSummary;

/**
 * The desk-side storage of provincial sync: the outbox as the uploader sees it, the answers it records, the clerk's
 * tasks for refused messages (退回任务), the pulled reference data and registry deltas, and the sync state. Every
 * method is one short local transaction; nothing here talks to the network (module {@code sync} does, and never
 * holds the writer lock across a request). Wire formats stay in {@code sync}: these types are plain values.
 */
public final class SyncStore {
    public static final String TASK_OPEN = "OPEN";
    public static final String TASK_HANDLED = "HANDLED";
    /**
     * Outbox status of a message set aside (D124): the province rejected it as malformed, alone, or this release
     * could not send it, {@link #QUARANTINE_AFTER} times. Its chain's later messages wait; every other chain flows on.
     */
    public static final String QUARANTINED = "QUARANTINED";
    /** How many rejections (400 alone, or an unsendable row) quarantine a message. */
    public static final int QUARANTINE_AFTER = 3;
    private static final int ERROR_MAX = 1000;

    private final Desk desk;

    public SyncStore(Desk desk) {
        this.desk = desk;
    }

    public Desk desk() {
        return desk;
    }

    // ------------------------------------------------------------------------------------------------ values

    /**
     * An outbox row to upload: its typed change (null when the row's type or JSON is not one this release knows:
     * the uploader refuses it locally) and its actor as stored with it ({@code operator}: the login name).
     */
    public record PendingMessage(long seq, String msgType, String entityType, String entityId, Change change,
                                 OffsetDateTime createdAt, int attempts, String operator, String operatorName) {
    }

    /** The desk's agency as its envelopes name it: agency code and admin-division code (admdvs). */
    public record Identity(String agencyCode, String adminDivisionCode) {
    }

    /** The server's result for one message: accepted with an acknowledgement id, or refused with a reason. */
    public record Answer(long seq, boolean accepted, String ackId, String errCode, String errMsg) {
    }

    /**
     * Outbox and task counts. {@code failing}: pending rows that were tried at least once; {@code quarantined}:
     * messages set aside (D124).
     */
    public record Counts(int pending, int acked, int refused, int failing, int openTasks, int quarantined) {
    }

    /**
     * A chain of messages whose order matters (D124): one case (entity type CASE, its number), one person (PERSON,
     * ID number) or one unit (UNIT, credit code) — the outbox row's entity type and id.
     */
    public record Chain(String entityType, String entityId) {
    }

    /**
     * A quarantined chain for the clerk and the supervisor: its first quarantined message (seq, type, the reason,
     * since when) and how many messages of the chain wait behind it.
     */
    public record QuarantinedChain(String entityType, String entityId, long seq, String msgType, String reason,
                                   OffsetDateTime since, int waiting) {
    }

    public record State(OffsetDateTime lastSuccessAt, OffsetDateTime lastAttemptAt, String lastError,
                        long referenceVersion, long registryVersion) {
    }

    /** One outbox row for the sync screen. */
    public record MessageRow(long seq, String msgType, String entityType, String entityId, OffsetDateTime createdAt,
                             String status, int attempts, String lastError, String errCode) {
        /** Waiting to be sent (again). */
        public boolean pending() {
            return Outbox.PENDING.equals(status);
        }

        /** Refused by the province: a task for the clerk. */
        public boolean refused() {
            return Outbox.REFUSED.equals(status);
        }

        /** Set aside after repeated rejection: its chain waits until an administrator retries it (D124). */
        public boolean quarantined() {
            return QUARANTINED.equals(status);
        }
    }

    public record TaskMessage(long seq, String msgType, OffsetDateTime createdAt, String errCode, String errMsg) {
    }

    /** A 退回任务: the refused messages of one case (or person/unit record) for the clerk to handle. */
    public record Task(long id, String entityType, String entityId, String status, OffsetDateTime createdAt,
                       OffsetDateTime handledAt, String handledNote, List<TaskMessage> messages) {
    }

    /** One reference-data entry as pulled (content as text: JSON or YAML). */
    public record ReferenceEntry(String kind, String key, long version, String content) {
    }

    public record RemotePerson(String idType, String idNumber, String name, String gender, LocalDate birthDate,
                               String insuranceType, String status, String phone, String unitCreditCode,
                               long version) {
    }

    public record RemoteUnit(String creditCode, String name, String unitType, String status, String admdvs,
                             long version) {
    }

    /** What applying a registry page did. {@code keptLocal}: rows left alone because a local change is pending. */
    public record RegistryApplied(int persons, int units, int keptLocal, int skipped) {
    }

    // ------------------------------------------------------------------------------------------------ upload side

    private void requireProduction() {
        if (desk.mode() != Mode.PRODUCTION) {
            throw new ServiceException(Texts.get("sync.sandbox"));
        }
    }

    /** The desk's agency (a clear Chinese error when it is not set up yet). */
    public Identity identity() {
        var agency = desk.requireAgency();
        return new Identity(agency.getCode(), agency.getAdminDivisionCode());
    }

    /** {@link #pending(int, Set)} with no chain held back by the caller. */
    public List<PendingMessage> pending(int limit) {
        return pending(limit, Set.of());
    }

    /**
     * The first {@code limit} pending messages in order of occurrence (seq), each with its stored actor (D103),
     * skipping every chain (D124) that has a quarantined message or that the caller holds back ({@code held}: chains
     * whose message was rejected earlier in this round). A skipped row's chain stays skipped for the rest of the
     * list, so no message of a chain is ever sent before an earlier one of the same chain.
     */
    public List<PendingMessage> pending(int limit, Set<Chain> held) {
        requireProduction();
        DSLContext dsl = desk.db().dsl();
        Set<Chain> blocked = new HashSet<>(held);
        dsl.selectDistinct(OUTBOX.ENTITY_TYPE, OUTBOX.ENTITY_ID).from(OUTBOX).where(OUTBOX.STATUS.eq(QUARANTINED))
                .fetch().forEach(r -> blocked.add(new Chain(r.value1(), r.value2())));
        List<PendingMessage> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        try (var cursor = dsl.selectFrom(OUTBOX).where(OUTBOX.STATUS.eq(Outbox.PENDING)).orderBy(OUTBOX.SEQ)
                .fetchSize(Math.min(limit * 2, 1000)).fetchLazy()) {
            for (OutboxRecord r : cursor) {
                if (blocked.contains(new Chain(r.getEntityType(), r.getEntityId()))) {
                    continue;
                }
                out.add(new PendingMessage(r.getSeq(), r.getMsgType(), r.getEntityType(), r.getEntityId(), change(r),
                        r.getCreatedAt(), r.getAttempts(), r.getActorUsername(), r.getActorName()));
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** The stored change of an outbox row; null when its type or JSON is not one this release knows. */
    private static Change change(OutboxRecord r) {
        try {
            return ChangeKind.ofMsgType(r.getMsgType()).map(k -> k.parse(r.getPayloadJson())).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Records the server's answers of one response in one transaction: ACKED with the acknowledgement id, or REFUSED
     * with the reason and a task for the clerk. A row that is no longer pending (answered by an earlier response) is
     * left as it is, so recording the same answer twice changes nothing.
     */
    public int recordAnswers(List<Answer> answers) {
        requireProduction();
        if (answers.isEmpty()) {
            return 0;
        }
        return desk.db().write(tx -> {
            OffsetDateTime now = desk.now();
            int changed = 0;
            Map<Long, OutboxRecord> rows = tx.selectFrom(OUTBOX)
                    .where(OUTBOX.SEQ.in(answers.stream().map(Answer::seq).toList()))
                    .fetchMap(OUTBOX.SEQ);
            List<OutboxRecord> updated = new ArrayList<>();
            for (Answer a : answers) {
                OutboxRecord r = rows.get(a.seq());
                if (r == null || !Outbox.PENDING.equals(r.getStatus())) {
                    continue;
                }
                r.setAttempts(r.getAttempts() + 1);
                r.setAnsweredAt(now);
                if (a.accepted()) {
                    r.setStatus(Outbox.ACKED);
                    r.setAckId(a.ackId());
                    r.setAckedAt(now);
                    // accepted with a note (issue 13: a registry conflict, whose task arrives with the conflicts)
                    r.setErrCode(cut(a.errCode(), 40));
                    r.setLastError(a.errCode() == null ? null : cut(a.errMsg(), ERROR_MAX));
                } else {
                    r.setStatus(Outbox.REFUSED);
                    r.setErrCode(cut(a.errCode(), 40));
                    r.setLastError(cut(a.errMsg(), ERROR_MAX));
                    addToTask(tx, r, a, now);
                }
                updated.add(r);
                changed++;
                if (HAND_OFFS.contains(r.getMsgType()) && "CASE".equals(r.getEntityType())) {
                    // the province carried out (or refused) a forward / release: the desk's holding follows (D126)
                    desk.holdings().handOffAnswered(tx, r.getEntityId(), a.accepted());
                }
            }
            if (!updated.isEmpty()) {
                tx.batchUpdate(updated).execute();
                // the answers leave the hashed content alone (status, attempts, errors and acknowledgements are sync
                // bookkeeping, D71) but are part of the record: one audit record per response
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("acked", updated.stream().filter(x -> Outbox.ACKED.equals(x.getStatus()))
                        .map(OutboxRecord::getSeq).toList());
                after.put("refused", updated.stream().filter(x -> Outbox.REFUSED.equals(x.getStatus()))
                        .map(OutboxRecord::getSeq).toList());
                desk.audited().record(tx, null, now, "SYNC_ANSWERS", "SYNC", updated.get(0).getSeq() + "-"
                        + updated.get(updated.size() - 1).getSeq(), null, after, null);
            }
            return changed;
        });
    }

    /** Hand-off messages whose answer changes what the desk holds. */
    private static final Set<String> HAND_OFFS = Set.of(ChangeKind.CASE_FORWARDED.name(),
            ChangeKind.CASE_RELEASED.name());

    /**
     * A message the province rejected as malformed when sent alone (HTTP 400), or that this release cannot send
     * (unreadable row, an envelope that cannot be made): one more rejection and attempt with the reason. At the
     * {@link #QUARANTINE_AFTER}th it becomes QUARANTINED (audited, actor 系统) and its chain waits (D124). Returns
     * whether it is quarantined now. A row no longer pending is left alone.
     */
    public boolean recordRejection(long seq, String reason) {
        requireProduction();
        return desk.db().write(tx -> {
            OutboxRecord r = tx.selectFrom(OUTBOX).where(OUTBOX.SEQ.eq(seq)).forUpdate().fetchOne();
            if (r == null || !Outbox.PENDING.equals(r.getStatus())) {
                return false;
            }
            OffsetDateTime now = desk.now();
            r.setAttempts(r.getAttempts() + 1);
            r.setRejections(r.getRejections() + 1);
            r.setLastError(cut(reason, ERROR_MAX));
            boolean quarantined = r.getRejections() >= QUARANTINE_AFTER;
            if (quarantined) {
                r.setStatus(QUARANTINED);
                r.setQuarantinedAt(now);
            }
            r.update();
            tx.update(SYNC_STATE).set(SYNC_STATE.LAST_ATTEMPT_AT, now).set(SYNC_STATE.LAST_ERROR, cut(reason, ERROR_MAX))
                    .where(SYNC_STATE.ID.eq(1)).execute();
            if (quarantined) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("seq", r.getSeq());
                after.put("msgType", r.getMsgType());
                after.put("entityType", r.getEntityType());
                after.put("entityId", r.getEntityId());
                after.put("reason", cut(reason, ERROR_MAX));
                desk.audited().record(tx, null, now, "SYNC_QUARANTINE", "OUTBOX", String.valueOf(r.getSeq()), null,
                        after, null);
            }
            return quarantined;
        });
    }

    /** The quarantined chains, oldest first: each with its first quarantined message and the messages waiting. */
    public List<QuarantinedChain> quarantined() {
        DSLContext dsl = desk.db().dsl();
        Map<Chain, QuarantinedChain> out = new LinkedHashMap<>();
        for (OutboxRecord r : dsl.selectFrom(OUTBOX).where(OUTBOX.STATUS.eq(QUARANTINED)).orderBy(OUTBOX.SEQ)
                .fetch()) {
            Chain c = new Chain(r.getEntityType(), r.getEntityId());
            if (out.containsKey(c)) {
                continue;
            }
            int waiting = dsl.fetchCount(OUTBOX, OUTBOX.ENTITY_TYPE.eq(c.entityType()),
                    OUTBOX.ENTITY_ID.eq(c.entityId()), OUTBOX.STATUS.in(Outbox.PENDING, QUARANTINED),
                    OUTBOX.SEQ.gt(r.getSeq()));
            out.put(c, new QuarantinedChain(c.entityType(), c.entityId(), r.getSeq(), r.getMsgType(), r.getLastError(),
                    r.getQuarantinedAt(), waiting));
        }
        return new ArrayList<>(out.values());
    }

    /** The quarantined chain of one case or registry record, if any. */
    public Optional<QuarantinedChain> quarantinedChain(String entityType, String entityId) {
        return quarantined().stream().filter(q -> q.entityType().equals(entityType) && q.entityId().equals(entityId))
                .findFirst();
    }

    /**
     * {@code ybdesk sync retry}: an administrator or the agency head puts quarantined messages back (one by its
     * {@code seq}, or all when null): PENDING with no rejections, sent again in the next round. Audited
     * ({@code SYNC_RETRY}). Returns the sequence numbers put back.
     */
    public List<Long> retry(Long seq, Actor actor) {
        requireProduction();
        if (actor == null) {
            throw new ServiceException(Texts.get("login.required"));
        }
        if (!actor.has(org.ybdesk.core.lifecycle.Role.ADMIN) && !actor.has(org.ybdesk.core.lifecycle.Role.HEAD)) {
            throw new ServiceException(Texts.get("sync.retry.forbidden"));
        }
        return desk.db().write(tx -> {
            var which = OUTBOX.STATUS.eq(QUARANTINED);
            if (seq != null) {
                String status = tx.select(OUTBOX.STATUS).from(OUTBOX).where(OUTBOX.SEQ.eq(seq)).fetchOne(OUTBOX.STATUS);
                if (!QUARANTINED.equals(status)) {
                    throw new ServiceException(Texts.get("sync.retry.notQuarantined", String.valueOf(seq)));
                }
                which = which.and(OUTBOX.SEQ.eq(seq));
            }
            List<Long> seqs = tx.select(OUTBOX.SEQ).from(OUTBOX).where(which).orderBy(OUTBOX.SEQ).fetch(OUTBOX.SEQ);
            if (seqs.isEmpty()) {
                return seqs;
            }
            tx.update(OUTBOX).set(OUTBOX.STATUS, Outbox.PENDING).set(OUTBOX.REJECTIONS, 0)
                    .setNull(OUTBOX.QUARANTINED_AT).where(OUTBOX.SEQ.in(seqs)).execute();
            desk.audited().record(tx, actor, desk.now(), "SYNC_RETRY", "OUTBOX", seqs.get(0) + "-"
                    + seqs.get(seqs.size() - 1), Map.of("status", QUARANTINED), Map.of("status", Outbox.PENDING,
                    "seqs", seqs), null);
            return seqs;
        });
    }

    private void addToTask(DSLContext tx, OutboxRecord r, Answer a, OffsetDateTime now) {
        SyncTaskRecord t = tx.selectFrom(SYNC_TASK).where(SYNC_TASK.ENTITY_TYPE.eq(r.getEntityType()),
                SYNC_TASK.ENTITY_ID.eq(r.getEntityId()), SYNC_TASK.STATUS.eq(TASK_OPEN)).fetchOne();
        if (t == null) {
            t = tx.newRecord(SYNC_TASK);
            t.setEntityType(r.getEntityType());
            t.setEntityId(r.getEntityId());
            t.setStatus(TASK_OPEN);
            t.setCreatedAt(now);
            t.setUpdatedAt(now);
            t.store();
        } else {
            t.setUpdatedAt(now);
            t.update();
        }
        tx.insertInto(SYNC_TASK_MESSAGE).set(SYNC_TASK_MESSAGE.TASK_ID, t.getId())
                .set(SYNC_TASK_MESSAGE.OUTBOX_SEQ, r.getSeq()).set(SYNC_TASK_MESSAGE.ERR_CODE, cut(a.errCode(), 40))
                .set(SYNC_TASK_MESSAGE.ERR_MSG, cut(a.errMsg(), ERROR_MAX)).execute();
    }

    /**
     * A request that got no answer (refused connection, timeout, 5xx): the messages stay pending; their attempts
     * grow and the error is kept on them and on the sync state.
     */
    public void recordFailure(List<Long> seqs, String error) {
        requireProduction();
        desk.db().write(tx -> {
            OffsetDateTime now = desk.now();
            if (!seqs.isEmpty()) {
                tx.update(OUTBOX).set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                        .set(OUTBOX.LAST_ERROR, cut(error, ERROR_MAX))
                        .where(OUTBOX.SEQ.in(seqs), OUTBOX.STATUS.eq(Outbox.PENDING)).execute();
            }
            tx.update(SYNC_STATE).set(SYNC_STATE.LAST_ATTEMPT_AT, now).set(SYNC_STATE.LAST_ERROR, cut(error, ERROR_MAX))
                    .where(SYNC_STATE.ID.eq(1)).execute();
            return null;
        });
    }

    /** A whole sync round (uploads and pulls) went through. */
    public void recordSuccess() {
        requireProduction();
        desk.db().write(tx -> {
            OffsetDateTime now = desk.now();
            tx.update(SYNC_STATE).set(SYNC_STATE.LAST_SUCCESS_AT, now).set(SYNC_STATE.LAST_ATTEMPT_AT, now)
                    .setNull(SYNC_STATE.LAST_ERROR).where(SYNC_STATE.ID.eq(1)).execute();
            return null;
        });
    }

    public State state() {
        var r = desk.db().dsl().selectFrom(SYNC_STATE).where(SYNC_STATE.ID.eq(1)).fetchOne();
        return new State(r.getLastSuccessAt(), r.getLastAttemptAt(), r.getLastError(), r.getReferenceVersion(),
                r.getRegistryVersion());
    }

    public Counts counts() {
        DSLContext dsl = desk.db().dsl();
        Map<String, Integer> by = dsl.select(OUTBOX.STATUS, DSL.count()).from(OUTBOX).groupBy(OUTBOX.STATUS)
                .fetchMap(OUTBOX.STATUS, DSL.count());
        int failing = dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq(Outbox.PENDING).and(OUTBOX.ATTEMPTS.gt(0)));
        int tasks = dsl.fetchCount(SYNC_TASK, SYNC_TASK.STATUS.eq(TASK_OPEN));
        return new Counts(by.getOrDefault(Outbox.PENDING, 0), by.getOrDefault(Outbox.ACKED, 0),
                by.getOrDefault(Outbox.REFUSED, 0), failing, tasks, by.getOrDefault(QUARANTINED, 0));
    }

    /** Quarantined, then pending (oldest first), then refused (newest first) messages for the sync screen. */
    public List<MessageRow> messages(int limit) {
        DSLContext dsl = desk.db().dsl();
        List<MessageRow> out = new ArrayList<>();
        dsl.selectFrom(OUTBOX).where(OUTBOX.STATUS.eq(QUARANTINED)).orderBy(OUTBOX.SEQ).limit(limit).fetch()
                .forEach(r -> out.add(row(r)));
        dsl.selectFrom(OUTBOX).where(OUTBOX.STATUS.eq(Outbox.PENDING)).orderBy(OUTBOX.SEQ)
                .limit(Math.max(0, limit - out.size())).fetch().forEach(r -> out.add(row(r)));
        dsl.selectFrom(OUTBOX).where(OUTBOX.STATUS.eq(Outbox.REFUSED)).orderBy(OUTBOX.SEQ.desc())
                .limit(Math.max(0, limit - out.size())).fetch().forEach(r -> out.add(row(r)));
        return out;
    }

    private static MessageRow row(OutboxRecord r) {
        return new MessageRow(r.getSeq(), r.getMsgType(), r.getEntityType(), r.getEntityId(), r.getCreatedAt(),
                r.getStatus(), r.getAttempts(), r.getLastError(), r.getErrCode());
    }

    // ------------------------------------------------------------------------------------------------ audit anchor

    /** A point of the audit chain: its sequence number, hash and time. */
    public record AuditHead(long seq, String hash, OffsetDateTime at) {
    }

    /**
     * What an upload tells the province about the audit chain (D71): its head now, and the proof — this chain's
     * hash now at the sequence number of the head the province last accepted (null when it never accepted one; the
     * hash is null when that record is gone).
     */
    public record AuditAnchor(AuditHead head, AuditHead proof) {
    }

    /** The anchor to send; empty while the audit log is empty. */
    public Optional<AuditAnchor> auditAnchor() {
        DSLContext dsl = desk.db().dsl();
        return org.ybdesk.db.AuditCheck.head(dsl).map(h -> new AuditAnchor(new AuditHead(h.seq(), h.hash(), h.at()),
                org.ybdesk.db.AuditCheck.anchored(dsl).map(a -> new AuditHead(a.seq(),
                        org.ybdesk.db.AuditCheck.hashAt(dsl, a.seq()), a.at())).orElse(null)));
    }

    /** The anchor with the proof at {@code seq} (the head the province says it holds); empty if the log has no such. */
    public Optional<AuditAnchor> auditAnchorProving(long seq) {
        DSLContext dsl = desk.db().dsl();
        String hash = org.ybdesk.db.AuditCheck.hashAt(dsl, seq);
        if (hash == null) {
            return Optional.empty();
        }
        return org.ybdesk.db.AuditCheck.head(dsl).map(h -> new AuditAnchor(new AuditHead(h.seq(), h.hash(), h.at()),
                new AuditHead(seq, hash, null)));
    }

    /** True when the chain has grown since the province last accepted its head (or it never did). */
    public boolean anchorBehind() {
        DSLContext dsl = desk.db().dsl();
        var head = org.ybdesk.db.AuditCheck.head(dsl);
        var anchored = org.ybdesk.db.AuditCheck.anchored(dsl);
        return head.isPresent() && (anchored.isEmpty() || anchored.get().seq() < head.get().seq());
    }

    /** The province accepted {@code head} with an upload: the desk keeps it (verify checks the chain against it). */
    public void recordAnchored(AuditHead head) {
        requireProduction();
        desk.db().write(tx -> {
            org.ybdesk.db.AuditCheck.storeAnchor(tx, new org.ybdesk.db.AuditCheck.Head(head.seq(), head.hash(),
                    head.at()), desk.now());
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------ tasks

    public List<Task> openTasks(int limit) {
        return desk.db().dsl().selectFrom(SYNC_TASK).where(SYNC_TASK.STATUS.eq(TASK_OPEN))
                .orderBy(SYNC_TASK.CREATED_AT, SYNC_TASK.ID).limit(limit).fetch().map(this::task);
    }

    /** The tasks (open first, then handled) of a case or a person/unit record. */
    public List<Task> tasksFor(String entityType, String entityId) {
        return desk.db().dsl().selectFrom(SYNC_TASK).where(SYNC_TASK.ENTITY_TYPE.eq(entityType),
                        SYNC_TASK.ENTITY_ID.eq(entityId))
                .orderBy(DSL.when(SYNC_TASK.STATUS.eq(TASK_OPEN), 0).otherwise(1), SYNC_TASK.ID.desc())
                .fetch().map(this::task);
    }

    public Optional<Task> openTaskFor(String entityType, String entityId) {
        return tasksFor(entityType, entityId).stream().filter(t -> t.status().equals(TASK_OPEN)).findFirst();
    }

    private Task task(SyncTaskRecord t) {
        List<TaskMessage> msgs = desk.db().dsl().select(OUTBOX.SEQ, OUTBOX.MSG_TYPE, OUTBOX.CREATED_AT,
                        SYNC_TASK_MESSAGE.ERR_CODE, SYNC_TASK_MESSAGE.ERR_MSG)
                .from(SYNC_TASK_MESSAGE).join(OUTBOX).on(OUTBOX.SEQ.eq(SYNC_TASK_MESSAGE.OUTBOX_SEQ))
                .where(SYNC_TASK_MESSAGE.TASK_ID.eq(t.getId())).orderBy(OUTBOX.SEQ)
                .fetch(r -> new TaskMessage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        return new Task(t.getId(), t.getEntityType(), t.getEntityId(), t.getStatus(), t.getCreatedAt(),
                t.getHandledAt(), t.getHandledNote(), msgs);
    }

    /** Cases with an open 退回任务 (the workbench's 同步退回 list). */
    public List<CaseSummary> casesWithOpenTasks(int limit) {
        LocalDate today = desk.today();
        CaseService cases = desk.cases();
        return desk.db().dsl().selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.in(
                        DSL.select(SYNC_TASK.ENTITY_ID).from(SYNC_TASK).where(SYNC_TASK.STATUS.eq(TASK_OPEN),
                                SYNC_TASK.ENTITY_TYPE.eq("CASE"))))
                .orderBy(CASE_FILE.ID.desc()).limit(limit).fetch()
                .map(r -> cases.queries().summaryOf(r, today));
    }

    /** The clerk marks a task handled (with what was done); audited. A handled task cannot be handled again. */
    public Task handleTask(long taskId, String note, Actor actor) {
        if (actor == null) {
            throw new ServiceException(Texts.get("login.required"));
        }
        java.util.List<String> flaws = org.ybdesk.core.validation.InputHygiene.lines(Texts.get("label.taskNote"), note,
                org.ybdesk.core.validation.FieldLimits.TASK_NOTE);
        if (!flaws.isEmpty()) {
            throw new ServiceException(flaws);
        }
        if (note == null || note.isBlank()) {
            throw new ServiceException(Texts.get("sync.task.note.missing"));
        }
        desk.db().write(tx -> {
            SyncTaskRecord t = tx.selectFrom(SYNC_TASK).where(SYNC_TASK.ID.eq(taskId)).forUpdate().fetchOne();
            if (t == null) {
                throw new ServiceException(Texts.get("sync.task.unknown", String.valueOf(taskId)));
            }
            if (!TASK_OPEN.equals(t.getStatus())) {
                throw new ServiceException(Texts.get("sync.task.handled.already", String.valueOf(taskId)));
            }
            Map<String, Object> before = taskMap(t);
            OffsetDateTime now = desk.now();
            t.setStatus(TASK_HANDLED);
            t.setHandledAt(now);
            t.setHandledBy(actor.id());
            t.setHandledNote(org.ybdesk.core.validation.InputHygiene.tidy(note));
            t.setUpdatedAt(now);
            t.update();
            desk.audited().record(tx, actor, now, "SYNC_TASK_HANDLED", "SYNC_TASK", String.valueOf(taskId), before,
                    taskMap(t), null);
            return null;
        });
        return task(desk.db().dsl().selectFrom(SYNC_TASK).where(SYNC_TASK.ID.eq(taskId)).fetchOne());
    }

    private static Map<String, Object> taskMap(SyncTaskRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entityType", t.getEntityType());
        m.put("entityId", t.getEntityId());
        m.put("status", t.getStatus());
        m.put("handledNote", t.getHandledNote());
        return m;
    }

    // ------------------------------------------------------------------------------ registry conflicts (issue 13)

    /** {@code sync_task.entity_type} and {@code reference_data.kind} of a registry conflict (D138). */
    public static final String CONFLICT = "REGISTRY_CONFLICT";
    /** The {@code desk_setting} holding the version of the last conflict page applied. */
    static final String SETTING_CONFLICT_VERSION = "sync.conflict-version";

    /**
     * A registry conflict as this desk keeps it (D138): the province's record, its 退回任务 ({@code taskId}, open or
     * handled with the note) and whether this desk's agency holds the record ({@code holderHere}).
     */
    public record Conflict(long taskId, String status, OffsetDateTime handledAt, String handledNote,
                           org.ybdesk.protocol.RegistryConflict conflict, boolean holderHere) {
        public boolean open() {
            return TASK_OPEN.equals(status);
        }
    }

    /**
     * The conflicts for a supervisor (D138): an administrator or 负责人 only, {@code openOnly} leaving out handled ones.
     */
    public List<Conflict> conflicts(boolean openOnly, Actor actor) {
        if (actor == null) {
            throw new ServiceException(Texts.get("login.required"));
        }
        if (!actor.has(org.ybdesk.core.lifecycle.Role.ADMIN) && !actor.has(org.ybdesk.core.lifecycle.Role.HEAD)) {
            throw new ServiceException(Texts.get("sync.conflict.forbidden"));
        }
        return conflicts(openOnly);
    }

    /**
     * One line for people (CLI and the sync screen): who holds the record and when that registration happened, who
     * else registered it and when, which arrived first, and whether this desk's agency holds it. ID numbers masked.
     */
    public static String describe(Conflict c) {
        org.ybdesk.protocol.RegistryConflict r = c.conflict();
        String key = org.ybdesk.protocol.RegistryConflict.PERSON.equals(r.kind()) ? CaseViews.mask(r.key()) : r.key();
        return Texts.get("sync.conflict.line", String.valueOf(c.taskId()),
                Texts.get(c.open() ? "sync.conflict.open" : "sync.conflict.handled"),
                Texts.get("sync.conflict.kind." + r.kind()), r.name() == null ? "" : r.name(), key,
                party(r.holder()), party(r.other()),
                Texts.get(org.ybdesk.protocol.RegistryConflict.HOLDER.equals(r.arrivedFirst())
                        ? "sync.conflict.arrived.holder" : "sync.conflict.arrived.other"),
                Texts.get(c.holderHere() ? "sync.conflict.here.holder" : "sync.conflict.here.other"));
    }

    private static String party(org.ybdesk.protocol.RegistryConflict.Party p) {
        if (p == null) {
            return "";
        }
        String where = (p.agencyName() == null ? p.agencyCode() : p.agencyName() + "（" + p.agencyCode() + "）")
                + (p.windowNo() == null ? "" : Texts.get("sync.conflict.window", String.format("%02d", p.windowNo())));
        String backfill = !p.backfill() ? "" : p.paperRef() == null ? Texts.get("sync.conflict.backfill")
                : Texts.get("sync.conflict.backfillRef", p.paperRef());
        return Texts.get("sync.conflict.party", where, p.occurredAt(), backfill);
    }

    /** The version of the last conflict page applied (0: none yet). */
    public long conflictVersion() {
        String v = desk.db().dsl().select(org.ybdesk.db.jooq.Tables.DESK_SETTING.SETTING)
                .from(org.ybdesk.db.jooq.Tables.DESK_SETTING)
                .where(org.ybdesk.db.jooq.Tables.DESK_SETTING.NAME.eq(SETTING_CONFLICT_VERSION))
                .fetchOne(org.ybdesk.db.jooq.Tables.DESK_SETTING.SETTING);
        try {
            return v == null ? 0 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Applies one page of the province's registry conflicts with its version, in one transaction (D138): each
     * conflict's record is kept in {@code reference_data} (kind {@value #CONFLICT}, key its id — a newer version of
     * the same conflict replaces the older) and gets one 退回任务 ({@code sync_task}, entity {@value #CONFLICT} +
     * id), opened once: a conflict seen again does not reopen a handled task. Returns how many were new or changed.
     */
    public int applyConflicts(long version, List<org.ybdesk.protocol.RegistryConflict> conflicts) {
        requireProduction();
        return desk.db().write(tx -> {
            var ds = org.ybdesk.db.jooq.Tables.DESK_SETTING;
            String stored = tx.select(ds.SETTING).from(ds).where(ds.NAME.eq(SETTING_CONFLICT_VERSION))
                    .fetchOne(ds.SETTING);
            long current = stored == null ? 0 : Long.parseLong(stored.strip());
            if (version <= current) {
                return 0;
            }
            OffsetDateTime now = desk.now();
            int n = 0;
            List<Long> ids = new ArrayList<>();
            for (org.ybdesk.protocol.RegistryConflict c : conflicts) {
                String key = String.valueOf(c.id());
                String ver = key + "@" + c.version();
                if (tx.fetchExists(REFERENCE_DATA, REFERENCE_DATA.KIND.eq(CONFLICT), REFERENCE_DATA.VERSION.eq(ver))) {
                    continue;
                }
                tx.update(REFERENCE_DATA).set(REFERENCE_DATA.ACTIVE, false)
                        .where(REFERENCE_DATA.KIND.eq(CONFLICT), REFERENCE_DATA.VERSION.like(key + "@%")).execute();
                var r = tx.newRecord(REFERENCE_DATA);
                r.setKind(CONFLICT);
                r.setVersion(ver);
                try {
                    r.setContent(org.ybdesk.protocol.ProtocolJson.mapper().writeValueAsString(c));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                r.setImportedAt(now);
                r.setActive(true);
                r.insert();
                if (!tx.fetchExists(SYNC_TASK, SYNC_TASK.ENTITY_TYPE.eq(CONFLICT), SYNC_TASK.ENTITY_ID.eq(key))) {
                    SyncTaskRecord t = tx.newRecord(SYNC_TASK);
                    t.setEntityType(CONFLICT);
                    t.setEntityId(key);
                    t.setStatus(TASK_OPEN);
                    t.setCreatedAt(now);
                    t.setUpdatedAt(now);
                    t.store();
                }
                ids.add(c.id());
                n++;
            }
            tx.mergeInto(ds).using(DSL.selectOne()).on(ds.NAME.eq(SETTING_CONFLICT_VERSION))
                    .whenMatchedThenUpdate().set(ds.SETTING, String.valueOf(version)).set(ds.UPDATED_AT, now)
                    .whenNotMatchedThenInsert(ds.NAME, ds.SETTING, ds.UPDATED_AT)
                    .values(SETTING_CONFLICT_VERSION, String.valueOf(version), now).execute();
            if (n > 0) {
                desk.audited().record(tx, null, now, "REGISTRY_CONFLICT_PULL", "SYNC", String.valueOf(version), null,
                        Map.of("version", version, "conflicts", ids), null);
            }
            return n;
        });
    }

    /** The registry conflicts this desk knows, open first, each newest first; {@code openOnly} leaves out handled. */
    public List<Conflict> conflicts(boolean openOnly) {
        DSLContext dsl = desk.db().dsl();
        String agency = desk.agency().map(x -> x.getCode()).orElse(null);
        Map<String, String> content = new LinkedHashMap<>();
        dsl.select(REFERENCE_DATA.VERSION, REFERENCE_DATA.CONTENT).from(REFERENCE_DATA)
                .where(REFERENCE_DATA.KIND.eq(CONFLICT), REFERENCE_DATA.ACTIVE.isTrue())
                .fetch().forEach(r -> content.put(r.value1().substring(0, r.value1().indexOf('@')), r.value2()));
        List<Conflict> out = new ArrayList<>();
        for (SyncTaskRecord t : dsl.selectFrom(SYNC_TASK).where(SYNC_TASK.ENTITY_TYPE.eq(CONFLICT),
                        openOnly ? SYNC_TASK.STATUS.eq(TASK_OPEN) : DSL.noCondition())
                .orderBy(DSL.when(SYNC_TASK.STATUS.eq(TASK_OPEN), 0).otherwise(1), SYNC_TASK.ID.desc()).fetch()) {
            String json = content.get(t.getEntityId());
            if (json == null) {
                continue;
            }
            org.ybdesk.protocol.RegistryConflict c;
            try {
                c = org.ybdesk.protocol.ProtocolJson.mapper().readValue(json, org.ybdesk.protocol.RegistryConflict.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored registry conflict " + t.getEntityId() + " unreadable", e);
            }
            out.add(new Conflict(t.getId(), t.getStatus(), t.getHandledAt(), t.getHandledNote(), c,
                    c.holder() != null && agency != null && c.holder().agencyCode().equals(agency)));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ pulls

    /**
     * Applies one reference-data answer and its version in one transaction. CALENDAR years are merged into the
     * working calendar (in force at once); CATALOG versions are stored and take effect at the next start (a desk
     * never changes its rules under an open case screen); POLICY and INSTITUTIONS replace their previous entry of the
     * same key. Content that does not parse is refused whole: nothing of the answer is applied.
     */
    public int applyReference(long version, List<ReferenceEntry> entries) {
        requireProduction();
        WorkingCalendar[] merged = {null};
        for (ReferenceEntry e : entries) {
            if (Desk.REF_CALENDAR.equals(e.kind())) {
                try {
                    WorkingCalendar.parse(e.content());
                } catch (RuntimeException ex) {
                    throw new ServiceException(Texts.get("calendar.import.invalid", ex.getMessage()));
                }
            } else if (Desk.REF_ADMIN_DIVISIONS.equals(e.kind())) {
                try {
                    org.ybdesk.core.validation.AdminDivisions.parse(e.content());
                } catch (IllegalArgumentException ex) {
                    throw new ServiceException(Texts.get("sync.reference.invalid", e.kind(), e.key(),
                            String.valueOf(ex.getMessage())));
                }
            } else if (Organisation.REF_AGENCIES.equals(e.kind()) || Organisation.REF_ROUTING.equals(e.kind())) {
                // the organisation (issue 12): one entry per key, replaced by a newer one like POLICY
                try {
                    if (Organisation.REF_AGENCIES.equals(e.kind())) {
                        Organisation.parseAgencies(e.content());
                    } else {
                        Organisation.parseRouting(e.content());
                    }
                } catch (IllegalArgumentException ex) {
                    throw new ServiceException(Texts.get("sync.reference.invalid", e.kind(), e.key(),
                            String.valueOf(ex.getMessage())));
                }
            } else if (Desk.REF_CATALOG.equals(e.kind())) {
                try {
                    org.ybdesk.core.catalog.Catalog.parse(e.content());
                } catch (java.io.IOException | RuntimeException ex) {
                    throw new ServiceException(Texts.get("sync.reference.invalid", e.kind(), e.key(),
                            String.valueOf(ex.getMessage())));
                }
            }
        }
        int applied = desk.db().write(tx -> {
            long current = tx.select(SYNC_STATE.REFERENCE_VERSION).from(SYNC_STATE).where(SYNC_STATE.ID.eq(1))
                    .fetchOne(SYNC_STATE.REFERENCE_VERSION);
            if (version <= current) {
                return 0;
            }
            OffsetDateTime now = desk.now();
            WorkingCalendar cal = desk.calendar();
            int n = 0;
            for (ReferenceEntry e : entries) {
                String ver = cut(e.key() + "@" + e.version(), 40);
                if (tx.fetchExists(REFERENCE_DATA, REFERENCE_DATA.KIND.eq(e.kind()), REFERENCE_DATA.VERSION.eq(ver))) {
                    continue;
                }
                if (!Desk.REF_CALENDAR.equals(e.kind())) {
                    // one admin-division list is in force: a newer one replaces every earlier one (D95)
                    tx.update(REFERENCE_DATA).set(REFERENCE_DATA.ACTIVE, false)
                            .where(REFERENCE_DATA.KIND.eq(e.kind()), Desk.REF_ADMIN_DIVISIONS.equals(e.kind())
                                    ? DSL.noCondition() : REFERENCE_DATA.VERSION.like(e.key() + "@%"))
                            .execute();
                }
                var r = tx.newRecord(REFERENCE_DATA);
                r.setKind(e.kind());
                r.setVersion(ver);
                r.setContent(e.content());
                r.setImportedAt(now);
                r.setActive(true);
                r.insert();
                if (Desk.REF_CALENDAR.equals(e.kind())) {
                    WorkingCalendar arrived = WorkingCalendar.parse(e.content());
                    WorkingCalendar next = cal.merge(arrived);
                    // every open case whose due date the arrived year moves: updated, with a timeline entry (D83)
                    desk.cases().recomputeDueDates(tx, cal, next,
                            SetupService.arrivalReason("calendar.arrived.sync", arrived), null, now);
                    cal = next;
                }
                n++;
            }
            tx.update(SYNC_STATE).set(SYNC_STATE.REFERENCE_VERSION, version).where(SYNC_STATE.ID.eq(1)).execute();
            if (n > 0) {
                desk.audited().record(tx, null, now, "REFERENCE_PULL", "REFERENCE_DATA", String.valueOf(version),
                        null, Map.of("version", version, "entries", n), null);
            }
            merged[0] = cal;
            return n;
        });
        if (merged[0] != null && applied > 0) {
            desk.setCalendar(merged[0]);
        }
        if (applied > 0 && entries.stream().anyMatch(e -> Desk.REF_ADMIN_DIVISIONS.equals(e.kind()))) {
            Desk.loadAdminDivisions(desk.db());
        }
        return applied;
    }

    /** The active entries of a reference kind (e.g. INSTITUTIONS, POLICY), by stored version. */
    public Map<String, String> reference(String kind) {
        Map<String, String> out = new LinkedHashMap<>();
        desk.db().dsl().select(REFERENCE_DATA.VERSION, REFERENCE_DATA.CONTENT).from(REFERENCE_DATA)
                .where(REFERENCE_DATA.KIND.eq(kind), REFERENCE_DATA.ACTIVE.isTrue())
                .orderBy(REFERENCE_DATA.IMPORTED_AT).fetch().forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /**
     * Applies one registry page and its version in one transaction. A person or unit with a local change still
     * pending upload is left alone (the local edit wins until the province has answered it; the next delta after
     * that carries the province's view); an older province version never overwrites a newer one.
     */
    public RegistryApplied applyRegistry(long version, List<RemotePerson> persons, List<RemoteUnit> units) {
        requireProduction();
        return desk.db().write(tx -> {
            OffsetDateTime now = desk.now();
            int p = 0;
            int u = 0;
            int kept = 0;
            int skipped = 0;
            for (RemoteUnit ru : units) {
                if (ru.creditCode() == null || ru.name() == null) {
                    skipped++;
                    continue;
                }
                if (pendingLocal(tx, "UNIT", ru.creditCode())) {
                    kept++;
                    continue;
                }
                UnitRecord r = tx.selectFrom(UNIT).where(UNIT.CREDIT_CODE.eq(ru.creditCode())).fetchOne();
                if (r != null && r.getProvinceVersion() != null && r.getProvinceVersion() >= ru.version()) {
                    continue;
                }
                if (r == null) {
                    r = tx.newRecord(UNIT);
                    r.setCreditCode(ru.creditCode());
                    r.setCreatedAt(now);
                }
                r.setName(ru.name());
                r.setUnitType(ru.unitType());
                if (ru.status() != null) {
                    r.setStatus(ru.status());
                }
                if (ru.admdvs() != null && ru.admdvs().length() == 6) {
                    r.setAdminDivisionCode(ru.admdvs());
                }
                r.setProvinceVersion(ru.version());
                r.setUpdatedAt(now);
                r.store();
                // a pulled row is a change like any other: its audit record vouches for the new content (D71)
                desk.audited().record(tx, null, now, "REGISTRY_PULL", "UNIT", r.getCreditCode(), null,
                        RegistryService.unitMap(r), null);
                u++;
            }
            for (RemotePerson rp : persons) {
                if (rp.idType() == null || rp.idNumber() == null || rp.name() == null || rp.insuranceType() == null
                        || rp.status() == null) {
                    skipped++;
                    continue;
                }
                if (pendingLocal(tx, "PERSON", rp.idNumber())) {
                    kept++;
                    continue;
                }
                PersonRecord r = tx.selectFrom(PERSON).where(PERSON.ID_TYPE.eq(rp.idType()),
                        PERSON.ID_NUMBER.eq(rp.idNumber())).fetchOne();
                if (r != null && r.getProvinceVersion() != null && r.getProvinceVersion() >= rp.version()) {
                    continue;
                }
                if (r == null) {
                    r = tx.newRecord(PERSON);
                    r.setIdType(rp.idType());
                    r.setIdNumber(rp.idNumber());
                    r.setAccountBalanceFen(0L);
                    r.setCreatedAt(now);
                }
                r.setName(rp.name());
                r.setNameInitials(NameIndex.initials(rp.name()));
                if (rp.gender() != null) {
                    r.setGender(rp.gender());
                }
                if (rp.birthDate() != null) {
                    r.setBirthDate(rp.birthDate());
                }
                r.setInsuranceType(rp.insuranceType());
                r.setStatus(rp.status());
                if (rp.phone() != null) {
                    r.setPhone(rp.phone());
                }
                if (rp.unitCreditCode() != null) {
                    r.setUnitId(tx.select(UNIT.ID).from(UNIT).where(UNIT.CREDIT_CODE.eq(rp.unitCreditCode()))
                            .fetchOne(UNIT.ID));
                }
                r.setProvinceVersion(rp.version());
                r.setUpdatedAt(now);
                r.store();
                desk.audited().record(tx, null, now, "REGISTRY_PULL", "PERSON", r.getIdNumber(), null,
                        RegistryService.personMap(tx, r), null);
                p++;
            }
            long current = tx.select(SYNC_STATE.REGISTRY_VERSION).from(SYNC_STATE).where(SYNC_STATE.ID.eq(1))
                    .fetchOne(SYNC_STATE.REGISTRY_VERSION);
            tx.update(SYNC_STATE).set(SYNC_STATE.REGISTRY_VERSION, Math.max(current, version))
                    .where(SYNC_STATE.ID.eq(1)).execute();
            return new RegistryApplied(p, u, kept, skipped);
        });
    }

    private static boolean pendingLocal(DSLContext tx, String entityType, String entityId) {
        return tx.fetchExists(OUTBOX, OUTBOX.STATUS.eq(Outbox.PENDING), OUTBOX.ENTITY_TYPE.eq(entityType),
                OUTBOX.ENTITY_ID.eq(entityId));
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
