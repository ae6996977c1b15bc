package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Sequences.ACK_SEQ;
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
import org.jooq.QueryPart;
import org.jooq.impl.SQLDataType;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.protocol.change.CaseAttachment;
import org.ybdesk.protocol.change.CaseChange;
import org.ybdesk.protocol.change.CaseMaterials;
import org.ybdesk.protocol.change.CaseReceived;
import org.ybdesk.protocol.change.CaseStep;
import org.ybdesk.protocol.change.CaseStepped;
import org.ybdesk.protocol.change.Change;
import org.ybdesk.protocol.change.PersonRegistered;
import org.ybdesk.protocol.change.UnitRegistered;
import org.ybdesk.province.jooq.tables.records.ReceivedMessageRecord;
import org.ybdesk.province.EnvelopeCheck;
import org.ybdesk.province.InputCheck;
import org.ybdesk.province.Refusal;
import org.ybdesk.province.Texts;

/**
 * Applies uploaded messages, one transaction each, in the batch's order (D52, D53). The message transactions commit
 * asynchronously ({@code synchronous_commit = off}); one synchronous commit at the end of the batch makes them all
 * durable before the answer is sent, so an acknowledgement the desk reads is never lost (group commit per batch). Each transaction locks the
 * desk's row (so two requests of one desk never interleave), answers a known {@code msgid} with its stored result,
 * refuses a new one whose {@code seq} is not above the desk's last, and otherwise writes the acknowledgement
 * ({@code received_message}) together with the message's effect on the registry or the case. Registry changes take
 * a transaction-level advisory lock so versions commit in version order and a pull never skips one (D55).
 */
public final class Uploads {
    static final String ACCEPTED = "ACCEPTED";
    static final String REFUSED = "REFUSED";
    /** Key of the advisory lock serialising registry versions. */
    static final long REGISTRY_LOCK = 42_014_202L;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ACK_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter REF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ProvinceDb db;
    private final Catalog catalog;

    public Uploads(ProvinceDb db, Catalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    /** Processes a checked batch of {@code desk}: one result per envelope, same order. */
    public List<UploadResult> process(Desks.Desk desk, List<Envelope> messages) {
        List<UploadResult> results = new ArrayList<>(messages.size());
        for (Envelope e : messages) {
            results.add(db.write(tx -> processOne(tx, desk, e)));
        }
        // a synchronous commit flushes the write-ahead log up to here: every acknowledgement of this batch (and any
        // earlier one it depends on) is on disk before the desk reads it
        db.write(tx -> tx.update(DESK).set(DESK.LAST_UPLOAD_AT, db.now())
                .where(DESK.ID.eq(desk.id())).execute());
        return results;
    }

    private UploadResult processOne(DSLContext tx, Desks.Desk desk, Envelope e) {
        // one round trip: lock the desk's row (requests of one desk never interleave), read its last seq, raise it,
        // and let this transaction commit asynchronously (the batch's closing commit makes it durable)
        long lastSeq = tx.resultQuery("update desk d set last_seq = greatest(o.last_seq, {0}) "
                        + "from (select id, last_seq from desk where id = {1} for update) o where d.id = o.id "
                        + "returning o.last_seq, set_config('synchronous_commit', 'off', true)",
                DSL.val(e.seq()), DSL.val(desk.id())).fetchOne(0, Long.class);
        OffsetDateTime now = db.now();
        // every field checked before anything is stored: a refused message keeps only a digest of its input (its
        // text may hold what PostgreSQL cannot store, such as NUL) and a case number only when it is the agency's own
        InputCheck.Checked checked = InputCheck.check(desk, e);
        Refusal invalid = checked.refusal();
        String caseNo = checked.change() instanceof CaseChange c ? c.caseNo() : null;
        ReceivedMessageRecord r = tx.insertInto(RECEIVED_MESSAGE)
                .set(RECEIVED_MESSAGE.MSGID, e.msgid())
                .set(RECEIVED_MESSAGE.DESK_ID, desk.id())
                .set(RECEIVED_MESSAGE.SEQ, e.seq())
                .set(RECEIVED_MESSAGE.INFNO, e.infno())
                .set(RECEIVED_MESSAGE.INF_TIME, EnvelopeCheck.infTime(e))
                .set(RECEIVED_MESSAGE.RECEIVED_AT, now)
                .set(RECEIVED_MESSAGE.ACK_ID, DSL.concat(DSL.inline("A" + ACK_TIME.format(now)),
                        DSL.lpad(ACK_SEQ.nextval().cast(String.class), 10, "0")))
                .set(RECEIVED_MESSAGE.STATUS, ACCEPTED)
                .set(RECEIVED_MESSAGE.CASE_NO, CaseNumbers.belongsTo(caseNo, desk.agencyCode()) ? caseNo : null)
                .set(RECEIVED_MESSAGE.PAYLOAD, JSONB.valueOf(invalid == null ? json(e) : digest(e)))
                .onConflict(RECEIVED_MESSAGE.MSGID).doNothing()
                .returning().fetchOne();
        if (r == null) {
            // received before: the stored result, nothing applied
            return result(tx.selectFrom(RECEIVED_MESSAGE).where(RECEIVED_MESSAGE.MSGID.eq(e.msgid())).fetchSingle(),
                    true);
        }
        Refusal refusal = e.seq() <= lastSeq
                ? new Refusal(Refusal.SEQ_OUT_OF_ORDER, Texts.get("refuse.seqOutOfOrder", e.seq(), lastSeq))
                : invalid != null ? invalid : apply(tx, desk, e, checked.change());
        if (refusal != null) {
            r.setStatus(REFUSED);
            r.setErrCode(refusal.code());
            r.setErrMsg(refusal.message());
            r.update();
        }
        return result(r, false);
    }

    /** The message's effect; a refusal when a check fails (then nothing has been written by this method). */
    private Refusal apply(DSLContext tx, Desks.Desk desk, Envelope e, Change change) {
        if (change instanceof PersonRegistered p) {
            return register(tx, desk, e, Registration.person(p));
        }
        if (change instanceof UnitRegistered u) {
            return register(tx, desk, e, Registration.unit(u));
        }
        if (change instanceof CaseReceived r) {
            return receiveCase(tx, desk, e, r);
        }
        return caseStep(tx, desk, e, (CaseChange) change);
    }

    /** Registers a person or a unit (D105): once in the province; a second registration names the first. */
    private Refusal register(DSLContext tx, Desks.Desk desk, Envelope e, Registration reg) {
        Refusal missing = reg.missing();
        if (missing != null) {
            return missing;
        }
        lockRegistry(tx);
        int inserted = tx.insertInto(reg.table())
                .set(reg.values())
                .set(reg.agency(), desk.agencyCode())
                .set(reg.admdvs(), desk.admdvs())
                .set(reg.registeredOn(), EnvelopeCheck.infTime(e).toLocalDate())
                .set(reg.msgid(), e.msgid())
                .set(reg.version(), REGISTRY_VERSION_SEQ.nextval())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            // registered before (the lock is held: the row read here is the committed winner)
            Record other = tx.select(reg.registeredOn(), reg.agency(), DESK.NAME)
                    .from(reg.table())
                    .join(RECEIVED_MESSAGE).on(RECEIVED_MESSAGE.MSGID.eq(reg.msgid()))
                    .join(DESK).on(DESK.ID.eq(RECEIVED_MESSAGE.DESK_ID))
                    .where(reg.key().eq(reg.keyValue())).fetchSingle();
            return reg.registeredBefore(other.get(reg.registeredOn()), other.get(DESK.NAME), other.get(reg.agency()));
        }
        return null;
    }

    private Refusal receiveCase(DSLContext tx, Desks.Desk desk, Envelope e, CaseReceived in) {
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
        if (item.get().group() == ItemGroup.OUT_OF_AREA_FILING) {
            String id = applicant == null ? "" : applicant.trim().toUpperCase();
            boolean insured = !id.isEmpty() && tx.fetchExists(REGISTRY_PERSON,
                    REGISTRY_PERSON.ID_NUMBER.eq(id).and(REGISTRY_PERSON.STATUS.eq("INSURED")));
            if (!insured) {
                return new Refusal(Refusal.NOT_INSURED, Texts.get("refuse.notInsured", id, item.get().name()));
            }
        }
        LocalDateTime at = EnvelopeCheck.infTime(e);
        int inserted = changeWithStep(tx, tx.insertInto(PROVINCE_CASE)
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
                .onConflict(PROVINCE_CASE.CASE_NO).doNothing()
                .returning(PROVINCE_CASE.CASE_NO), e, in);
        if (inserted == 0) {
            String by = tx.select(DESK.NAME).from(PROVINCE_CASE).join(DESK).on(DESK.ID.eq(PROVINCE_CASE.DESK_ID))
                    .where(PROVINCE_CASE.CASE_NO.eq(caseNo)).fetchOne(DESK.NAME);
            return new Refusal(Refusal.CASE_EXISTS, Texts.get("refuse.caseExists", caseNo, by));
        }
        return null;
    }

    private Refusal caseStep(DSLContext tx, Desks.Desk desk, Envelope e, CaseChange in) {
        if (in.caseNo() == null || in.caseNo().isBlank()) {
            return new Refusal(Refusal.INVALID_INPUT, Texts.get("refuse.input.missing", "caseNo"));
        }
        String caseNo = in.caseNo();
        LocalDateTime at = EnvelopeCheck.infTime(e);
        String toState = in instanceof CaseStepped s ? s.toState() : null;
        int updated = changeWithStep(tx, tx.update(PROVINCE_CASE)
                .set(PROVINCE_CASE.STATE, toState == null ? PROVINCE_CASE.STATE : DSL.val(toState))
                .set(PROVINCE_CASE.LAST_SEQ, e.seq())
                .set(PROVINCE_CASE.UPDATED_AT, DSL.greatest(PROVINCE_CASE.UPDATED_AT, DSL.val(at)))
                .where(PROVINCE_CASE.CASE_NO.eq(caseNo), PROVINCE_CASE.AGENCY_CODE.eq(desk.agencyCode()))
                .returning(PROVINCE_CASE.CASE_NO), e, in);
        if (updated == 0) {
            String holder = tx.select(PROVINCE_CASE.AGENCY_CODE).from(PROVINCE_CASE)
                    .where(PROVINCE_CASE.CASE_NO.eq(caseNo)).fetchOne(PROVINCE_CASE.AGENCY_CODE);
            if (holder != null) {
                // only the agency holding a case changes it
                return new Refusal(Refusal.NOT_HOLDER, Texts.get("refuse.notHolder", caseNo, holder,
                        desk.agencyCode()));
            }
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
        return null;
    }

    /**
     * Runs {@code change} (an insert or update of the case returning its {@code case_no}) and records the step for
     * the row it touched, in one statement; returns 0 when the change touched no case (then no step is written).
     * The step keeps the message's input as sent (unknown properties included).
     */
    private static int changeWithStep(DSLContext tx, QueryPart change, Envelope e, CaseChange in) {
        CaseStep step = in instanceof CaseStep s ? s : null;
        String action = step != null ? Optional.ofNullable(step.action()).orElse("RECEIVE")
                : in instanceof CaseMaterials ? "MATERIALS" : in instanceof CaseAttachment ? "ATTACHMENT" : "NOTE";
        return tx.execute("with c as ({0}) insert into case_step (case_no, msgid, infno, action, from_state, "
                        + "to_state, inf_time, opter_name, content) select c.case_no, {1}, {2}, {3}, {4}, {5}, {6}, "
                        + "{7}, {8} from c",
                change, DSL.val(e.msgid()), DSL.val(e.infno()), DSL.val(action),
                DSL.val(step == null ? null : step.fromState()), DSL.val(step == null ? null : step.toState()),
                DSL.val(EnvelopeCheck.infTime(e)), DSL.val(e.opterName()),
                DSL.val(JSONB.valueOf(e.input().toString()), SQLDataType.JSONB));
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
