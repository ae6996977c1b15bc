package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_MESSAGE;
import static org.ybdesk.db.jooq.Tables.CASE_PAUSE;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.ybdesk.core.calendar.Pause;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.ActionRecord;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.db.jooq.tables.records.CaseEventRecord;
import org.ybdesk.db.jooq.tables.records.CaseFileRecord;

/**
 * Case files in the database: loads a {@link CaseFile} (its row, its past steps with the person who took each, its
 * pauses) with the item of the catalog version it was accepted under, saves the state a decided step left, and
 * appends timeline entries and applicant messages. Every method runs inside the caller's transaction; recording the
 * change (audit, outbox) is {@link ChangeLog}'s.
 */
public final class CaseRepository {
    /** The timeline action recorded when an application is taken in (not a lifecycle step). */
    public static final String RECEIVE = "RECEIVE";
    /** The timeline action recorded when the due date moves with the working calendar (not a lifecycle step). */
    public static final String DUE_CHANGE = "DUE_CHANGE";

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<Integer, MaterialStatus>> MATERIALS = new TypeReference<>() {
    };

    /** The item of a catalog version: cases are read under the catalog they were accepted with. */
    @FunctionalInterface
    public interface Items {
        ServiceItem item(String catalogVersion, int itemNo);
    }

    /**
     * One timeline entry to append. {@code actorId} null: the system (a calendar that arrived) or a step taken at
     * another desk, which carries the province's message id ({@code remoteMsgid}, applied once) and where it was taken
     * ({@code remoteDesk}, 「某某乡镇服务点 2号窗口」).
     */
    public record Event(String action, CaseState from, CaseState to, Long actorId, String actorName,
                        String actorPersonId, OffsetDateTime at, LocalDate onDay, List<String> reasons, String note,
                        Money amount, String remoteMsgid, String remoteDesk) {
        public Event(String action, CaseState from, CaseState to, Long actorId, String actorName,
                     String actorPersonId, OffsetDateTime at, LocalDate onDay, List<String> reasons, String note,
                     Money amount) {
            this(action, from, to, actorId, actorName, actorPersonId, at, onDay, reasons, note, amount, null, null);
        }
    }

    /** Copy kinds (column {@code copy_kind}; null on rows made before V15 reads as LOCAL). */
    public static final String LOCAL = "LOCAL";
    public static final String FULL = "FULL";
    public static final String SUMMARY = "SUMMARY";
    /** Pending hand-offs (column {@code hand_off}). */
    public static final String FORWARD = "FORWARD";
    public static final String RELEASE = "RELEASE";

    /**
     * Who holds a case as this desk knows it (issue 12). {@code heldHere}: this desk may act on it (unless a
     * hand-off is pending); otherwise {@code holderAgency}/{@code holderWindow} (null window: the agency's pool)
     * hold it. {@code acceptorAgency}/{@code acceptorWindow} null: accepted at this desk before V15.
     */
    public record Holding(boolean heldHere, String holderAgency, Integer holderWindow, String holderName,
                          String handOff, String nextAction, String copyKind, String acceptorAgency,
                          Integer acceptorWindow, Long provinceVersion) {
        public static final Holding HERE = new Holding(true, null, null, null, null, null, LOCAL, null, null, null);

        public boolean local() {
            return LOCAL.equals(copyKind);
        }

        public Holding withHolder(boolean here, String agency, Integer window, String name) {
            return new Holding(here, agency, window, name, handOff, nextAction, copyKind, acceptorAgency,
                    acceptorWindow, provinceVersion);
        }

        public Holding withHandOff(String h) {
            return new Holding(heldHere, holderAgency, holderWindow, holderName, h, nextAction, copyKind,
                    acceptorAgency, acceptorWindow, provinceVersion);
        }

        public Holding withProvinceVersion(Long v) {
            return new Holding(heldHere, holderAgency, holderWindow, holderName, handOff, nextAction, copyKind,
                    acceptorAgency, acceptorWindow, v);
        }
    }

    private final Items items;

    public CaseRepository(Items items) {
        this.items = items;
    }

    /** Whether a timeline action is a lifecycle step ({@link CaseAction}), not {@link #RECEIVE} or {@link #DUE_CHANGE}. */
    public static boolean isStep(String action) {
        return !RECEIVE.equals(action) && !DUE_CHANGE.equals(action);
    }

    /** The case as stored now (no lock). */
    public Optional<CaseFile> find(DSLContext dsl, String caseNo) {
        return Optional.ofNullable(dsl.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo)).fetchOne())
                .map(r -> load(dsl, r));
    }

    /** The case locked for the rest of the transaction (steps on one case never interleave). */
    public Optional<CaseFile> lock(DSLContext tx, String caseNo) {
        return Optional.ofNullable(tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo)).forUpdate().fetchOne())
                .map(r -> load(tx, r));
    }

    /** Every case matching {@code which}, locked, oldest first (recomputing due dates when a calendar arrives). */
    public List<CaseFile> lockAll(DSLContext tx, Condition which) {
        return tx.selectFrom(CASE_FILE).where(which).orderBy(CASE_FILE.ID).forUpdate().fetch()
                .map(r -> load(tx, r));
    }

    /** The case of a stored row (its steps and pauses read with it). */
    public CaseFile load(DSLContext dsl, CaseFileRecord c) {
        ServiceItem item = items.item(c.getCatalogVersion(), c.getItemNo());
        List<ActionRecord> history = new ArrayList<>();
        // each past step carries the person who took it: the staff ID stored with the step, or for steps stored
        // before V7 the account's current number (D72)
        var rows = dsl.select(CASE_EVENT.ACTION, CASE_EVENT.ACTOR_ID, CASE_EVENT.ACTOR_PERSON_ID,
                        APP_USER.PERSON_ID_NUMBER, CASE_EVENT.REMOTE_DESK, CASE_EVENT.REMOTE_MSGID)
                .from(CASE_EVENT).leftJoin(APP_USER).on(APP_USER.ID.eq(CASE_EVENT.ACTOR_ID))
                .where(CASE_EVENT.CASE_ID.eq(c.getId())).orderBy(CASE_EVENT.ID).fetch();
        for (var e : rows) {
            if (isStep(e.value1())) {
                // a step taken at another desk: account -1 (never a local account), only its person can match
                boolean remote = e.value5() != null || e.value6() != null;
                history.add(new ActionRecord(CaseAction.valueOf(e.value1()),
                        remote ? CaseFile.REMOTE_ACTOR_ID : e.value2() == null ? 0 : e.value2(),
                        e.value3() != null ? e.value3() : e.value4()));
            }
        }
        List<Pause> pauses = dsl.selectFrom(CASE_PAUSE).where(CASE_PAUSE.CASE_ID.eq(c.getId()))
                .orderBy(CASE_PAUSE.PAUSED_ON).fetch().map(p -> new Pause(p.getPausedOn(), p.getResumedOn()));
        java.time.LocalDate clockFrom = c.getAcceptedOn() != null ? c.getAcceptedOn() : c.getReceivedOn();
        if (clockFrom != null) {
            // outages are clock stops too (also before 受理: intake's own 受理 step computes the first due date
            // from this file) (办结时限顺延, issue 13, D129): never stored per case, so a step's save
            // finds them in before and after alike and writes nothing for them
            pauses = new ArrayList<>(pauses);
            // outages that touch (one ends the day the next begins) are one stop: two stops sharing a day would
            // count that day twice
            Pause last = null;
            for (var o : Outages.endingAfter(dsl, clockFrom.atStartOfDay())) {
                Pause p = o.pause().orElse(null);
                if (p == null) {
                    continue;
                }
                if (last != null && !p.from().isAfter(last.to())) {
                    pauses.remove(last);
                    p = new Pause(last.from(), p.to().isAfter(last.to()) ? p.to()
                            : last.to());
                }
                pauses.add(p);
                last = p;
            }
        }
        return new CaseFile(c.getId(), c.getCaseNo(), c.getAgencyCode(), item, c.getCatalogVersion(),
                CaseState.valueOf(c.getState()), c.getResumeState() == null ? null : CaseState.valueOf(c.getResumeState()),
                new CaseFile.Applicant(ApplicantKind.valueOf(c.getApplicantKind()), c.getApplicantIdNumber(),
                        c.getApplicantName(), c.getApplicantPhone(), c.getPersonId(), c.getUnitId()),
                c.getChannel(), Json.read(c.getFieldsJson(), FIELDS), Json.read(c.getMaterialsJson(), MATERIALS),
                new CaseFile.Dates(c.getReceivedOn(), c.getAcceptedOn(), c.getTransferredOutOn(),
                        c.getRectifyingSince(), c.getClosedOn(), c.getDueOn()),
                new CaseFile.Amounts(money(c.getDeclaredFen()), money(c.getReconciledFen()),
                        money(c.getReviewAmountFen()), money(c.getConfirmedAmountFen()), money(c.getPaidFen())),
                history, pauses, new CaseFile.Promise(c.getPromisedDueOn(), Boolean.TRUE.equals(c.getPromisedProvisional())),
                c.getRowVersion());
    }

    private static Money money(Long fen) {
        return fen == null ? null : Money.ofFen(fen);
    }

    private static Long fen(Money m) {
        return m == null ? null : m.fen();
    }

    /**
     * Takes the next case number of {@code day} for {@code agencyCode} at this desk's window (D117): agency + day +
     * window + the window's sequence of the day. The ledger outside the database file holds every number ever handed
     * out: a number is never issued twice, even if the database lost its tail or an older backup was restored into
     * this folder; the window keeps the desks of one agency apart (D118).
     */
    public String nextCaseNo(DSLContext tx, NumberLedger ledger, String agencyCode, LocalDate day) {
        int window = CaseNumbering.windowNo(tx).orElseThrow(
                () -> new IllegalStateException("the desk has no window number yet: set it up first (ybdesk init)"));
        int seq = CaseNumbering.next(tx, ledger, agencyCode, day, window);
        return CaseNumbers.format(agencyCode, day, window, seq);
    }

    /**
     * Stores a new case (its number already taken) with the search key of the applicant's name (pinyin initials);
     * returns it with its database key.
     */
    public CaseFile insert(DSLContext tx, CaseFile c, String nameInitials, Long createdBy, OffsetDateTime now) {
        CaseFileRecord r = tx.newRecord(CASE_FILE);
        r.setCaseNo(c.caseNo());
        copyApplication(r, c, nameInitials);
        r.setCreatedBy(createdBy);
        r.setCreatedAt(now);
        copyState(r, c);
        r.setUpdatedAt(now);
        r.setRowVersion(0);
        r.store();
        return c.withId(r.getId());
    }

    /** The application's columns (agency, item, catalog version, applicant, channel, day received, fields). */
    private static void copyApplication(CaseFileRecord r, CaseFile c, String nameInitials) {
        r.setAgencyCode(c.agencyCode());
        r.setItemNo(c.item().no());
        r.setCatalogVersion(c.catalogVersion());
        r.setApplicantKind(c.applicant().kind().name());
        r.setPersonId(c.applicant().personId());
        r.setUnitId(c.applicant().unitId());
        r.setApplicantName(c.applicant().name());
        r.setApplicantInitials(nameInitials);
        r.setApplicantIdNumber(c.applicant().idNumber());
        r.setApplicantPhone(c.applicant().phone());
        r.setChannel(c.channel());
        r.setReceivedOn(c.dates().receivedOn());
        r.setFieldsJson(Json.write(c.fields()));
    }

    /**
     * Marks a case just inserted as back-filled (补录, issue 13): its real 收件 time, the paper's reference and who
     * entered it. The entry time stays {@code created_at}.
     */
    public void markBackfilled(DSLContext tx, long caseId, OffsetDateTime receivedAt, String paperRef,
                               String enteredBy) {
        tx.update(CASE_FILE).set(CASE_FILE.RECEIVED_AT, receivedAt).set(CASE_FILE.BACKFILL_PAPER_REF, paperRef)
                .set(CASE_FILE.BACKFILL_BY, enteredBy).where(CASE_FILE.ID.eq(caseId)).execute();
    }

    /**
     * Starts a copy of a case held elsewhere again from its application (issue 12): its timeline, pauses and
     * messages are removed and the row takes {@code c}'s values (same key, next row version). Only for copies
     * (FULL, SUMMARY) — never for a case made here. Returns the case as now stored.
     */
    public CaseFile resetCopy(DSLContext tx, long id, CaseFile c, String nameInitials, OffsetDateTime now) {
        tx.deleteFrom(CASE_MESSAGE).where(CASE_MESSAGE.CASE_ID.eq(id)).execute();
        tx.deleteFrom(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(id)).execute();
        tx.deleteFrom(CASE_PAUSE).where(CASE_PAUSE.CASE_ID.eq(id)).execute();
        CaseFileRecord r = tx.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(id)).forUpdate().fetchSingle();
        copyApplication(r, c, nameInitials);
        copyState(r, c);
        r.setUpdatedAt(now);
        r.setRowVersion(r.getRowVersion() + 1);
        r.update();
        return c.withId(id).withRowVersion(r.getRowVersion());
    }

    /**
     * Saves what a step (or a materials update, a due-date change) left: the row's state columns, a pause opened or
     * closed. {@code after.rowVersion()} must still be the stored one: a row changed meanwhile is a lost update and
     * throws. Returns the case as now stored.
     */
    public CaseFile save(DSLContext tx, CaseFile before, CaseFile after, OffsetDateTime now) {
        CaseFileRecord r = tx.newRecord(CASE_FILE);
        copyState(r, after);
        r.setUpdatedAt(now);
        r.setRowVersion(after.rowVersion() + 1);
        // one UPDATE of the state columns, guarded by the row version: no second read of the row
        r.changed(CASE_FILE.ID, false);
        int updated = tx.update(CASE_FILE).set(r)
                .where(CASE_FILE.ID.eq(after.id()), CASE_FILE.ROW_VERSION.eq(after.rowVersion())).execute();
        if (updated != 1) {
            throw new IllegalStateException("case " + after.caseNo() + " changed meanwhile (expected row version "
                    + after.rowVersion() + ")");
        }
        for (Pause p : after.pauses()) {
            if (!before.pauses().contains(p)) {
                boolean closedNow = !p.isOpen() && before.pauses().contains(Pause.open(p.from()));
                if (closedNow) {
                    tx.update(CASE_PAUSE).set(CASE_PAUSE.RESUMED_ON, p.to())
                            .where(CASE_PAUSE.CASE_ID.eq(after.id()), CASE_PAUSE.RESUMED_ON.isNull()).execute();
                } else {
                    tx.insertInto(CASE_PAUSE).set(CASE_PAUSE.CASE_ID, after.id())
                            .set(CASE_PAUSE.PAUSED_ON, p.from()).set(CASE_PAUSE.RESUMED_ON, p.to()).execute();
                }
            }
        }
        return after.withRowVersion(after.rowVersion() + 1);
    }

    private static void copyState(CaseFileRecord r, CaseFile c) {
        r.setState(c.state().name());
        r.setResumeState(c.resumeState() == null ? null : c.resumeState().name());
        Role next = c.nextRole();
        r.setNextRole(next == null ? null : next.name());
        CaseAction nextAction = c.nextAction();
        r.setNextAction(nextAction == null ? null : nextAction.name());
        r.setMaterialsJson(Json.write(c.materials()));
        r.setAcceptedOn(c.dates().acceptedOn());
        r.setTransferredOutOn(c.dates().transferredOutOn());
        r.setRectifyingSince(c.dates().rectifyingSince());
        r.setClosedOn(c.dates().closedOn());
        r.setDueOn(c.dates().dueOn());
        r.setDeclaredFen(fen(c.amounts().declared()));
        r.setReconciledFen(fen(c.amounts().reconciled()));
        r.setReviewAmountFen(fen(c.amounts().review()));
        r.setConfirmedAmountFen(fen(c.amounts().confirmed()));
        r.setPaidFen(fen(c.amounts().paid()));
        r.setPromisedDueOn(c.promise().dueOn());
        r.setPromisedProvisional(c.promise().dueOn() == null ? null : c.promise().provisional());
    }

    /** Appends a timeline entry; returns its key. */
    public long addEvent(DSLContext tx, long caseId, Event e) {
        CaseEventRecord r = tx.newRecord(CASE_EVENT);
        r.setCaseId(caseId);
        r.setAction(e.action());
        r.setFromState(e.from() == null ? null : e.from().name());
        r.setToState(e.to().name());
        r.setActorId(e.actorId());
        r.setActorName(e.actorName());
        r.setActorPersonId(e.actorPersonId());
        r.setOccurredAt(e.at());
        r.setOnDay(e.onDay());
        r.setReasons(e.reasons() == null || e.reasons().isEmpty() ? null : Json.write(e.reasons()));
        r.setNote(e.note());
        r.setAmountFen(fen(e.amount()));
        r.setRemoteMsgid(e.remoteMsgid());
        r.setRemoteDesk(e.remoteDesk());
        r.store();
        return r.getId();
    }

    /** Whether a remote step with this province message id is on some case's timeline already. */
    public boolean hasRemoteEvent(DSLContext dsl, String msgid) {
        return msgid != null && dsl.fetchExists(CASE_EVENT, CASE_EVENT.REMOTE_MSGID.eq(msgid));
    }

    /** Who holds the case as this desk knows it; empty when the desk has no such case. */
    public Optional<Holding> holding(DSLContext dsl, String caseNo) {
        return Optional.ofNullable(dsl.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo)).fetchOne())
                .map(CaseRepository::holding);
    }

    /** The holding columns of a stored row (nulls of rows made before V15 read as held here, LOCAL). */
    public static Holding holding(CaseFileRecord r) {
        return new Holding(!Boolean.FALSE.equals(r.getHeldHere()), r.getHolderAgency(), r.getHolderWindow(),
                r.getHolderName(), r.getHandOff(), r.getNextAction(),
                r.getCopyKind() == null ? LOCAL : r.getCopyKind(), r.getAcceptorAgency(), r.getAcceptorWindow(),
                r.getProvinceVersion());
    }

    /**
     * Writes who holds the case. Values that equal what every case had before V15 (held here, LOCAL) are stored as
     * null, so a case made here that never left keeps the content hash of its row (D71).
     */
    public void setHolding(DSLContext tx, String caseNo, Holding h) {
        tx.update(CASE_FILE)
                .set(CASE_FILE.HELD_HERE, h.heldHere() ? null : Boolean.FALSE)
                .set(CASE_FILE.HOLDER_AGENCY, h.holderAgency())
                .set(CASE_FILE.HOLDER_WINDOW, h.holderWindow())
                .set(CASE_FILE.HOLDER_NAME, h.holderName())
                .set(CASE_FILE.HAND_OFF, h.handOff())
                .set(CASE_FILE.COPY_KIND, h.copyKind() == null || LOCAL.equals(h.copyKind()) ? null : h.copyKind())
                .set(CASE_FILE.ACCEPTOR_AGENCY, h.acceptorAgency())
                .set(CASE_FILE.ACCEPTOR_WINDOW, h.acceptorWindow())
                .set(CASE_FILE.PROVINCE_VERSION, h.provinceVersion())
                .where(CASE_FILE.CASE_NO.eq(caseNo)).execute();
    }

    /** Stores the message the applicant gets for a step. */
    public void addMessage(DSLContext tx, long caseId, long eventId, String kind, String text, OffsetDateTime at) {
        tx.insertInto(CASE_MESSAGE).set(CASE_MESSAGE.CASE_ID, caseId).set(CASE_MESSAGE.EVENT_ID, eventId)
                .set(CASE_MESSAGE.KIND, kind).set(CASE_MESSAGE.MESSAGE_TEXT, text).set(CASE_MESSAGE.CREATED_AT, at)
                .execute();
    }

    /**
     * The case as its audit record shows it (before → after): the state and the values a step changes, not the
     * application's fields (they never change after intake).
     */
    public static Map<String, Object> auditView(CaseFile c, int storedRowVersion) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("caseNo", c.caseNo());
        m.put("itemNo", c.item().no());
        m.put("state", c.state().name());
        m.put("resumeState", c.resumeState() == null ? null : c.resumeState().name());
        m.put("acceptedOn", c.dates().acceptedOn());
        m.put("dueOn", c.dates().dueOn());
        if (c.promise().dueOn() != null) {
            m.put("promisedDueOn", c.promise().dueOn());
            m.put("promisedProvisional", c.promise().provisional());
        }
        m.put("paidFen", fen(c.amounts().paid()));
        if (c.amounts().review() != null) {
            m.put("reviewAmountFen", c.amounts().review().fen());
        }
        if (c.amounts().confirmed() != null) {
            m.put("confirmedAmountFen", c.amounts().confirmed().fen());
        }
        m.put("materials", Json.write(c.materials()));
        m.put("rowVersion", storedRowVersion);
        return m;
    }
}
