package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Sequences.REGISTRY_VERSION_SEQ;
import static org.ybdesk.province.jooq.Tables.DESK;
import static org.ybdesk.province.jooq.Tables.PROVINCE_CASE;
import static org.ybdesk.province.jooq.Tables.RECEIVED_MESSAGE;
import static org.ybdesk.province.jooq.Tables.REGISTRY_PERSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.protocol.change.CaseAttachment;
import org.ybdesk.protocol.change.CaseChange;
import org.ybdesk.protocol.change.CaseMaterials;
import org.ybdesk.protocol.change.CaseReceived;
import org.ybdesk.protocol.change.CaseStepped;
import org.ybdesk.protocol.change.Change;
import org.ybdesk.protocol.change.PersonRegistered;
import org.ybdesk.protocol.change.UnitRegistered;
import org.ybdesk.province.jooq.tables.records.AgencyRecord;
import org.ybdesk.province.jooq.tables.records.ProvinceCaseRecord;
import org.ybdesk.province.jooq.tables.records.ReceivedMessageRecord;
import org.ybdesk.protocol.change.CaseForwarded;
import org.ybdesk.protocol.change.CaseReleased;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.province.EnvelopeCheck;
import org.ybdesk.province.InputCheck;
import org.ybdesk.province.Refusal;
import org.ybdesk.province.Texts;

/**
 * Applies an uploaded batch in ONE transaction, message by message in the batch's order (D112, replacing D52/D53's
 * transaction per message): the first statement locks the desk's row (two requests of one desk never interleave),
 * each message's acknowledgement ({@code received_message}) is written first, and its effect on the registry or the
 * case runs inside a savepoint: a refusal rolls back only that message's effect, its acknowledgement stays (REFUSED,
 * with the reason). A known {@code msgid} answers with its stored result and applies nothing; a serialization
 * failure, deadlock or key race retries the whole batch ({@link ProvinceDb#write}), which then sees the winner's
 * rows. The batch's feed entries are numbered just before the one synchronous commit ({@link CaseLog#stamp}); waiting
 * feed readers are woken after it. Registry changes take a transaction-level advisory lock so registry versions
 * commit in version order (D55).
 *
 * <p>Case messages (4102–4107) are applied only from the case's holding desk ({@code NOT_HOLDER} naming the holder
 * otherwise); the order is per case (D113): a message whose {@code seq} is not above the last one applied to the case
 * from the same desk is refused {@code SEQ_OUT_OF_ORDER}.
 */
public final class Uploads {
    static final String ACCEPTED = "ACCEPTED";
    static final String REFUSED = "REFUSED";
    /** Key of the advisory lock serialising registry versions. */
    static final long REGISTRY_LOCK = 42_014_202L;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ACK_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter REF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String ACK_INSERT = "insert into received_message (msgid, desk_id, seq, infno, inf_time, "
            + "received_at, ack_id, status, case_no, payload) values (?, ?, ?, ?, ?, ?, "
            + "? || lpad(cast(nextval('ack_seq') as varchar), 10, '0'), 'ACCEPTED', ?, cast(? as jsonb)) "
            + "on conflict (msgid) do nothing returning ack_id";

    private final ProvinceDb db;
    private final Catalog catalog;
    private final FeedSignal signal;

    public Uploads(ProvinceDb db, Catalog catalog) {
        this(db, catalog, new FeedSignal());
    }

    public Uploads(ProvinceDb db, Catalog catalog, FeedSignal signal) {
        this.db = db;
        this.catalog = catalog;
        this.signal = signal;
    }

    /** What one attempt at a batch produced. */
    private static final class Batch {
        final List<UploadResult> results = new ArrayList<>();
        final CaseLog.Written written = new CaseLog.Written();
        boolean registryLocked;
        /** The note of the message being applied when it is accepted with one (a registry conflict, D134). */
        Refusal note;
        /** Cases of this batch whose receipt was answered "not yet" (D136): their later messages wait too. */
        final java.util.Set<String> waiting = new java.util.HashSet<>();
    }

    /** Processes a checked batch of {@code desk}: one result per envelope, same order. */
    public List<UploadResult> process(Desks.Desk desk, List<Envelope> messages) {
        Batch done = db.write(tx -> {
            Batch b = new Batch();
            long maxSeq = tx.select(DESK.LAST_SEQ).from(DESK).where(DESK.ID.eq(desk.id())).forUpdate()
                    .fetchSingle(DESK.LAST_SEQ);
            for (Envelope e : messages) {
                b.results.add(processOne(tx, desk, e, b));
                maxSeq = Math.max(maxSeq, e.seq());
            }
            tx.update(DESK).set(DESK.LAST_SEQ, maxSeq).set(DESK.LAST_UPLOAD_AT, db.now())
                    .where(DESK.ID.eq(desk.id())).execute();
            CaseLog.stamp(tx, b.written);
            return b;
        });
        if (!done.written.isEmpty()) {
            signal.fire();
        }
        return done.results;
    }

    private UploadResult processOne(DSLContext tx, Desks.Desk desk, Envelope e, Batch batch) {
        OffsetDateTime now = db.now();
        // every field checked before anything is stored: a refused message keeps only a digest of its input (its
        // text may hold what PostgreSQL cannot store, such as NUL) and a case number only when it is the agency's own
        InputCheck.Checked checked = InputCheck.check(desk, e);
        Refusal invalid = checked.refusal();
        String caseNo = checked.change() instanceof CaseChange c ? c.caseNo() : null;
        boolean ownNumber = CaseNumbers.belongsTo(caseNo, desk.agencyCode())
                || (invalid == null && caseNo != null && CaseNumbers.wellFormed(caseNo));
        // the acknowledgement: the hottest statement (every message), written with plain JDBC (jOOQ's rendering was
        // half of the server's CPU per message, measured); the savepoint of the message's effect follows it
        String ackId = tx.connectionResult(conn -> {
            try (java.sql.PreparedStatement ps = conn.prepareStatement(ACK_INSERT)) {
                ps.setString(1, e.msgid());
                ps.setLong(2, desk.id());
                ps.setLong(3, e.seq());
                ps.setString(4, e.infno());
                ps.setObject(5, EnvelopeCheck.infTime(e));
                ps.setObject(6, now);
                ps.setString(7, "A" + ACK_TIME.format(now));
                ps.setString(8, ownNumber ? caseNo : null);
                ps.setString(9, invalid == null ? json(e) : digest(e));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (ackId == null) {
            // received before: the stored result, nothing applied
            return result(tx.selectFrom(RECEIVED_MESSAGE).where(RECEIVED_MESSAGE.MSGID.eq(e.msgid())).fetchSingle(),
                    true);
        }
        Refusal refusal = invalid;
        if (refusal == null) {
            // the message's effect in a savepoint: a refusal takes back only what this message wrote
            int mark = batch.written.mark();
            java.util.Set<String> cases = new java.util.HashSet<>(batch.written.cases);
            // (not released: releasing costs a round trip and frees nothing; the next message's savepoint of the
            // same name is the one a rollback returns to)
            tx.execute("savepoint msg");
            boolean locked = batch.registryLocked;
            batch.note = null;
            refusal = apply(tx, desk, e, checked.change(), batch);
            if (refusal != null) {
                tx.execute("rollback to savepoint msg");
                batch.written.rollback(mark, cases);
                batch.registryLocked = locked; // a lock taken inside the savepoint went with it
            }
        }
        String at = REF_TIME.format(now.atZoneSameInstant(ZONE));
        if (refusal != null && Refusal.NOT_YET_INSURED.equals(refusal.code())) {
            // not judged yet (D136): nothing is kept, not even the acknowledgement, so the same msgid is judged
            // again when the desk sends it again
            tx.deleteFrom(RECEIVED_MESSAGE).where(RECEIVED_MESSAGE.MSGID.eq(e.msgid())).execute();
            return new UploadResult(e.msgid(), UploadResult.WAIT, null, at, false, refusal.code(),
                    refusal.message());
        }
        if (refusal != null) {
            tx.update(RECEIVED_MESSAGE).set(RECEIVED_MESSAGE.STATUS, REFUSED)
                    .set(RECEIVED_MESSAGE.ERR_CODE, refusal.code()).set(RECEIVED_MESSAGE.ERR_MSG, refusal.message())
                    .where(RECEIVED_MESSAGE.MSGID.eq(e.msgid())).execute();
            return new UploadResult(e.msgid(), UploadResult.REFUSED, ackId, at, false, refusal.code(),
                    refusal.message());
        }
        if (batch.note != null) {
            // accepted with a note (a registry conflict): kept with the acknowledgement, so a resend answers the same
            tx.update(RECEIVED_MESSAGE).set(RECEIVED_MESSAGE.ERR_CODE, batch.note.code())
                    .set(RECEIVED_MESSAGE.ERR_MSG, batch.note.message())
                    .where(RECEIVED_MESSAGE.MSGID.eq(e.msgid())).execute();
            return new UploadResult(e.msgid(), UploadResult.OK, ackId, at, false, batch.note.code(),
                    batch.note.message());
        }
        return new UploadResult(e.msgid(), UploadResult.OK, ackId, at, false, null, null);
    }

    /** The message's effect; a refusal when a check fails (the caller rolls back what it wrote). */
    private Refusal apply(DSLContext tx, Desks.Desk desk, Envelope e, Change change, Batch batch) {
        if (change instanceof PersonRegistered p) {
            return register(tx, desk, e, Registration.person(p), batch);
        }
        if (change instanceof UnitRegistered u) {
            return register(tx, desk, e, Registration.unit(u), batch);
        }
        if (change instanceof CaseReceived r) {
            return receiveCase(tx, desk, e, r, batch);
        }
        return caseChange(tx, desk, e, (CaseChange) change, batch);
    }

    /**
     * Registers a person or a unit (D105): once in the province. A second registration by the SAME agency is refused,
     * naming the first (as before issue 13). One by ANOTHER agency is a registry conflict (D134): the registry keeps
     * the registration that occurred first (the new one replaces the held row when it occurred earlier), the conflict
     * is recorded for both agencies, and the message is accepted with the conflict as its note.
     */
    private Refusal register(DSLContext tx, Desks.Desk desk, Envelope e, Registration reg, Batch batch) {
        Refusal missing = reg.missing();
        if (missing != null) {
            return missing;
        }
        if (!batch.registryLocked) {
            // held to the batch's commit: registry versions commit in version order (D55)
            lockRegistry(tx);
            batch.registryLocked = true;
        }
        LocalDateTime occurred = Occurrence.of(reg.occurredAt(), EnvelopeCheck.infTime(e));
        int inserted = tx.insertInto(reg.table())
                .set(reg.values())
                .set(reg.agency(), desk.agencyCode())
                .set(reg.admdvs(), desk.admdvs())
                .set(reg.registeredOn(), occurred.toLocalDate())
                .set(reg.occurredAtField(), occurred)
                .set(reg.msgid(), e.msgid())
                .set(reg.version(), REGISTRY_VERSION_SEQ.nextval())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            // registered before (the lock is held: the row read here is the committed winner)
            Record held = tx.selectFrom(reg.table()).where(reg.key().eq(reg.keyValue())).fetchSingle();
            String heldAgency = held.get(reg.agency());
            String heldMsgid = held.get(reg.msgid());
            Record heldDesk = tx.select(DESK.ID, DESK.NAME).from(RECEIVED_MESSAGE).join(DESK)
                    .on(DESK.ID.eq(RECEIVED_MESSAGE.DESK_ID)).where(RECEIVED_MESSAGE.MSGID.eq(heldMsgid)).fetchSingle();
            if (heldAgency.equals(desk.agencyCode())) {
                // the same agency twice: refused as before issue 13 (its own windows share one registry view)
                return reg.registeredBefore(held.get(reg.registeredOn()), heldDesk.get(DESK.NAME), heldAgency);
            }
            LocalDateTime heldOccurred = Optional.ofNullable(held.get(reg.occurredAtField()))
                    .orElse(held.get(reg.registeredOn()).atStartOfDay());
            boolean earlier = occurred.isBefore(heldOccurred);
            boolean heldBackfill = Conflicts.backfilled(tx, heldMsgid);
            JSONB replaced = null;
            if (earlier) {
                // the new registration happened first: it becomes the registry's record, whichever arrived first
                replaced = JSONB.valueOf(held.formatJSON(new org.jooq.JSONFormat()
                        .header(false).recordFormat(org.jooq.JSONFormat.RecordFormat.OBJECT)));
                tx.update(reg.table())
                        .set(reg.values())
                        .set(reg.agency(), desk.agencyCode())
                        .set(reg.admdvs(), desk.admdvs())
                        .set(reg.registeredOn(), occurred.toLocalDate())
                        .set(reg.occurredAtField(), occurred)
                        .set(reg.msgid(), e.msgid())
                        .set(reg.version(), REGISTRY_VERSION_SEQ.nextval())
                        .where(reg.key().eq(reg.keyValue()))
                        .execute();
            }
            Conflicts.record(tx, db.now(), reg, earlier,
                    new Conflicts.Side(desk.agencyCode(), desk.id(), e.msgid(), occurred, reg.backfill() != null),
                    new Conflicts.Side(heldAgency, heldDesk.get(DESK.ID), heldMsgid, heldOccurred, heldBackfill),
                    replaced);
            String subject = Texts.get("conflict.subject." + reg.kind(), reg.keyValue());
            String heldBy = CaseLog.agency(tx, heldAgency).map(a -> a.getName()).orElse(heldAgency) + "（"
                    + heldDesk.get(DESK.NAME) + "）";
            batch.note = new Refusal(Refusal.REGISTRY_CONFLICT, earlier
                    ? Texts.get("conflict.note.replaced", subject, heldBy, Conflicts.shown(heldOccurred),
                    Conflicts.shown(occurred))
                    : Texts.get("conflict.note.kept", subject, heldBy, Conflicts.shown(heldOccurred),
                    Conflicts.shown(occurred)));
        }
        return null;
    }

    /** 受理登记: the case is created, held by the sending desk, which is also its acceptor. */
    private Refusal receiveCase(DSLContext tx, Desks.Desk desk, Envelope e, CaseReceived in, Batch batch) {
        Refusal missing = missing(in.caseNo(), in.itemNo());
        if (missing != null) {
            return missing;
        }
        String caseNo = in.caseNo();
        int itemNo = in.itemNo();
        Optional<ServiceItem> item = catalog.find(itemNo);
        if (item.isEmpty()) {
            return new Refusal(Refusal.ITEM_UNKNOWN, Texts.get("refuse.itemUnknown", String.valueOf(itemNo)));
        }
        String applicant = in.applicantIdNumber();
        LocalDateTime at = EnvelopeCheck.infTime(e);
        // when the case happened (its 收件 time; a back-filled paper's own time): the registry is judged as of then
        LocalDateTime occurred = Occurrence.of(in.occurredAt(), at);
        if (item.get().group() == ItemGroup.OUT_OF_AREA_FILING) {
            Refusal notInsured = insuredAt(tx, applicant, occurred, in.backfill() != null, item.get().name());
            if (notInsured != null) {
                if (Refusal.NOT_YET_INSURED.equals(notInsured.code())) {
                    batch.waiting.add(caseNo);
                }
                return notInsured;
            }
        }
        OffsetDateTime now = db.now();
        ProvinceCaseRecord c = tx.insertInto(PROVINCE_CASE)
                .set(PROVINCE_CASE.CASE_NO, caseNo)
                .set(PROVINCE_CASE.AGENCY_CODE, desk.agencyCode())
                .set(PROVINCE_CASE.DESK_ID, desk.id())
                .set(PROVINCE_CASE.ITEM_NO, itemNo)
                .set(PROVINCE_CASE.APPLICANT_ID_NUMBER, applicant)
                .set(PROVINCE_CASE.APPLICANT_NAME, in.applicantName())
                .set(PROVINCE_CASE.STATE, Optional.ofNullable(in.toState()).orElse("RECEIVED"))
                .set(PROVINCE_CASE.RECEIVED_AT, at)
                .set(PROVINCE_CASE.UPDATED_AT, at)
                .set(PROVINCE_CASE.LAST_SEQ, e.seq())
                .set(PROVINCE_CASE.LAST_SEQ_DESK_ID, desk.id())
                .set(PROVINCE_CASE.HOLDER_AGENCY, desk.agencyCode())
                .set(PROVINCE_CASE.HOLDER_DESK_ID, desk.id())
                .set(PROVINCE_CASE.HOLDER_SINCE, now)
                .set(PROVINCE_CASE.DUE_ON, date(in.dueOn()))
                .set(PROVINCE_CASE.CATALOG_VERSION, in.catalogVersion())
                .set(PROVINCE_CASE.APPLICANT_KIND, in.applicantKind())
                .set(PROVINCE_CASE.CHANNEL, in.channel())
                .set(PROVINCE_CASE.RECEIVED_ON, Optional.ofNullable(date(in.onDay())).orElse(at.toLocalDate()))
                .set(PROVINCE_CASE.OCCURRED_AT, occurred)
                .onConflict(PROVINCE_CASE.CASE_NO).doNothing()
                .returning().fetchOne();
        if (c == null) {
            String by = tx.select(DESK.NAME).from(PROVINCE_CASE).join(DESK).on(DESK.ID.eq(PROVINCE_CASE.DESK_ID))
                    .where(PROVINCE_CASE.CASE_NO.eq(caseNo)).fetchOne(DESK.NAME);
            return new Refusal(Refusal.CASE_EXISTS, Texts.get("refuse.caseExists", caseNo, by));
        }
        CaseLog.entry(tx, batch.written, c, CaseLog.CHANGE, e.msgid(), e.infno(),
                Optional.ofNullable(in.action()).orElse("RECEIVE"), in.fromState(), in.toState(), at, e.opterName(),
                e.input().toString(), null, desk.agencyCode(), desk.id(), true);
        return null;
    }

    /** A later change of a case (4102–4107): only from its holding desk, in the case's order. */
    private Refusal caseChange(DSLContext tx, Desks.Desk desk, Envelope e, CaseChange in, Batch batch) {
        if (in.caseNo() == null || in.caseNo().isBlank()) {
            return new Refusal(Refusal.INVALID_INPUT, Texts.get("refuse.input.missing", "caseNo"));
        }
        String caseNo = in.caseNo();
        if (batch.waiting.contains(caseNo)) {
            // its receipt waits for the applicant's registration (D136): so does the rest of the case
            return new Refusal(Refusal.NOT_YET_INSURED, Texts.get("wait.behindReceipt", caseNo));
        }
        ProvinceCaseRecord c = tx.selectFrom(PROVINCE_CASE).where(PROVINCE_CASE.CASE_NO.eq(caseNo)).forUpdate()
                .fetchOne();
        if (c == null) {
            ReceivedMessageRecord refused = tx.selectFrom(RECEIVED_MESSAGE)
                    .where(RECEIVED_MESSAGE.CASE_NO.eq(caseNo), RECEIVED_MESSAGE.INFNO.eq("4101"),
                            RECEIVED_MESSAGE.STATUS.eq(REFUSED))
                    .orderBy(RECEIVED_MESSAGE.RECEIVED_AT).limit(1).fetchOne();
            if (refused != null) {
                return new Refusal(Refusal.CASE_REFUSED_EARLIER,
                        Texts.get("refuse.caseRefusedEarlier", caseNo, refused.getErrMsg()));
            }
            return new Refusal(Refusal.CASE_UNKNOWN, Texts.get("refuse.caseUnknown", caseNo));
        }
        if (!Long.valueOf(desk.id()).equals(c.getHolderDeskId())) {
            // only the holding desk acts on a case
            return new Refusal(Refusal.NOT_HOLDER, Texts.get("refuse.holder", caseNo, CaseLog.holderText(tx, c),
                    desk.agencyCode(), String.format("%02d", desk.windowNo())));
        }
        if (Long.valueOf(desk.id()).equals(c.getLastSeqDeskId()) && e.seq() <= c.getLastSeq()) {
            return new Refusal(Refusal.SEQ_OUT_OF_ORDER,
                    Texts.get("refuse.caseSeq", caseNo, e.seq(), c.getLastSeq()));
        }
        LocalDateTime at = EnvelopeCheck.infTime(e);
        OffsetDateTime now = db.now();
        String action;
        String from = null;
        String to = null;
        String reason = null;
        if (in instanceof CaseStepped s) {
            action = s.action();
            from = s.fromState();
            to = s.toState();
            if (to != null) {
                c.setState(to);
            }
            if (s.dueOn() != null) {
                c.setDueOn(date(s.dueOn()));
            }
        } else if (in instanceof CaseForwarded f) {
            AgencyRecord target = forwardTarget(tx, desk, c, f);
            if (target == null) {
                return new Refusal(Refusal.NO_TARGET_AGENCY, Texts.get("refuse.noTargetAgency", caseNo,
                        desk.agencyCode(), CaseLog.levelText(f.toLevel())));
            }
            action = "FORWARD";
            reason = f.reason();
            c.setHolderAgency(target.getCode());
            c.setHolderDeskId(null);
            c.setNextAction(f.nextAction());
            c.setHolderSince(now);
            if (f.state() != null) {
                c.setState(f.state());
            }
        } else if (in instanceof CaseReleased r) {
            action = "RELEASE";
            reason = r.reason();
            c.setHolderDeskId(null);
            if (r.nextAction() != null) {
                c.setNextAction(r.nextAction());
            }
            c.setHolderSince(now);
            if (r.state() != null) {
                c.setState(r.state());
            }
        } else {
            action = in instanceof CaseMaterials ? "MATERIALS" : in instanceof CaseAttachment ? "ATTACHMENT" : "NOTE";
        }
        c.setLastSeq(e.seq());
        c.setLastSeqDeskId(desk.id());
        if (at.isAfter(c.getUpdatedAt())) {
            c.setUpdatedAt(at);
        }
        c.update();
        CaseLog.entry(tx, batch.written, c, CaseLog.CHANGE, e.msgid(), e.infno(), action, from, to, at,
                e.opterName(), e.input().toString(), reason, desk.agencyCode(), desk.id(), in instanceof CaseForwarded);
        return null;
    }

    /**
     * D58 as of the case's occurrence (D136): the applicant must be INSURED by a registration that occurred on or
     * before the day the case occurred. No registration at all: a back-filled case waits for it ({@code
     * NOT_YET_INSURED}, not kept, judged again when sent again — the paper registration may still be on its way);
     * live work is refused {@code NOT_INSURED} as before. A registration that occurred after the case's day:
     * {@code NOT_INSURED} naming both days for live work; a back-filled case waits ({@code NOT_YET_INSURED}), since
     * a paper registration that occurred earlier may still arrive and take the registry over (D134). Null when the
     * applicant was insured then.
     */
    private static Refusal insuredAt(DSLContext tx, String applicant, LocalDateTime occurred, boolean backfill,
                                     String itemName) {
        String id = applicant == null ? "" : applicant.trim().toUpperCase();
        Record reg = id.isEmpty() ? null : tx.select(REGISTRY_PERSON.STATUS, REGISTRY_PERSON.OCCURRED_AT,
                        REGISTRY_PERSON.REGISTERED_ON).from(REGISTRY_PERSON).where(REGISTRY_PERSON.ID_NUMBER.eq(id))
                .fetchOne();
        if (reg == null || !"INSURED".equals(reg.get(REGISTRY_PERSON.STATUS))) {
            if (reg == null && backfill) {
                return new Refusal(Refusal.NOT_YET_INSURED, Texts.get("wait.notYetInsured", id, itemName,
                        Conflicts.shown(occurred)));
            }
            return new Refusal(Refusal.NOT_INSURED, Texts.get("refuse.notInsured", id, itemName));
        }
        java.time.LocalDate regDay = Optional.ofNullable(reg.get(REGISTRY_PERSON.OCCURRED_AT))
                .map(LocalDateTime::toLocalDate).orElse(reg.get(REGISTRY_PERSON.REGISTERED_ON));
        if (regDay.isAfter(occurred.toLocalDate())) {
            if (backfill) {
                // the registry may hold a later registration while the paper one that occurred first is still on
                // its way (back-filled later, or at another agency): it would take the registry over (D134)
                return new Refusal(Refusal.NOT_YET_INSURED, Texts.get("wait.insuredLater", id, itemName,
                        occurred.toLocalDate().toString(), regDay.toString()));
            }
            return new Refusal(Refusal.NOT_INSURED, Texts.get("refuse.notInsuredThen", id, itemName,
                    occurred.toLocalDate().toString(), regDay.toString()));
        }
        return null;
    }

    /**
     * The agency a forwarded case goes to (D115): the one named (of that level, and the accepting agency, an
     * ancestor or a descendant of the sender); else the accepting agency when it has the level; else the sender's
     * nearest ancestor of that level. Null when there is none.
     */
    private static AgencyRecord forwardTarget(DSLContext tx, Desks.Desk desk, ProvinceCaseRecord c,
                                              CaseForwarded f) {
        String level = AgencyLevel.parse(f.toLevel()).map(Enum::name).orElse(null);
        List<AgencyRecord> senderLine = CaseLog.lineage(tx, desk.agencyCode());
        if (f.toAgencyCode() != null) {
            AgencyRecord named = CaseLog.agency(tx, f.toAgencyCode()).orElse(null);
            if (named == null || !named.getAgencyLevel().equals(level)) {
                return null;
            }
            boolean related = named.getCode().equals(c.getAgencyCode())
                    || senderLine.stream().anyMatch(a -> a.getCode().equals(named.getCode()))
                    || CaseLog.lineage(tx, named.getCode()).stream()
                    .anyMatch(a -> a.getCode().equals(desk.agencyCode()));
            return related ? named : null;
        }
        AgencyRecord acceptor = CaseLog.agency(tx, c.getAgencyCode()).orElse(null);
        if (acceptor != null && acceptor.getAgencyLevel().equals(level)) {
            return acceptor;
        }
        for (AgencyRecord a : senderLine.subList(Math.min(1, senderLine.size()), senderLine.size())) {
            if (a.getAgencyLevel().equals(level)) {
                return a;
            }
        }
        return null;
    }

    private static java.time.LocalDate date(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    static void lockRegistry(DSLContext tx) {
        tx.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(REGISTRY_LOCK))).fetch();
    }

    /** The refusal of a case receipt without its case number or item number. */
    private static Refusal missing(String caseNo, Integer itemNo) {
        List<String> absent = new ArrayList<>();
        if (caseNo == null || caseNo.isBlank()) {
            absent.add("caseNo");
        }
        if (itemNo == null) {
            absent.add("itemNo");
        }
        return absent.isEmpty() ? null
                : new Refusal(Refusal.INVALID_INPUT, Texts.get("refuse.input.missing", String.join("、", absent)));
    }

    static UploadResult result(ReceivedMessageRecord r, boolean duplicate) {
        boolean ok = ACCEPTED.equals(r.getStatus());
        return new UploadResult(r.getMsgid(), ok ? UploadResult.OK : UploadResult.REFUSED, r.getAckId(),
                REF_TIME.format(r.getReceivedAt().atZoneSameInstant(ZONE)), duplicate, r.getErrCode(),
                r.getErrMsg());
    }

    /** What is kept of a refused message: its identity and a digest of its input, never the input itself. */
    private static String digest(Envelope e) {
        byte[] input = String.valueOf(e.input()).getBytes(StandardCharsets.UTF_8);
        ObjectNode o = ProtocolJson.mapper().createObjectNode();
        o.put("infno", e.infno());
        o.put("msgid", e.msgid());
        o.put("seq", e.seq());
        o.put("input_bytes", input.length);
        try {
            o.put("input_sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        return o.toString();
    }

    private static String json(Envelope e) {
        try {
            return ProtocolJson.mapper().writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
