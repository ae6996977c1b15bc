package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.CASE_ATTACHMENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_NOTE;
import static org.ybdesk.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.ybdesk.core.calendar.DeadlineEngine;
import org.ybdesk.core.calendar.WorkingCalendar;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Outcome;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.lifecycle.Transition;
import org.ybdesk.core.lifecycle.TransitionRefused;
import org.ybdesk.core.message.MessageRenderer;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.FieldLimits;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.db.CaseRepository;
import org.ybdesk.db.jooq.tables.records.AgencyRecord;
import org.ybdesk.db.jooq.tables.records.CaseFileRecord;
import org.ybdesk.db.jooq.tables.records.PersonRecord;
import org.ybdesk.protocol.change.CaseAttachment;
import org.ybdesk.protocol.change.CaseForwarded;
import org.ybdesk.protocol.change.CaseReleased;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.protocol.change.CaseMaterials;
import org.ybdesk.protocol.change.CaseReceived;
import org.ybdesk.protocol.change.CaseStepped;
import org.ybdesk.protocol.change.Changes;
import org.ybdesk.service.CaseViews.AttachmentView;
import org.ybdesk.service.CaseViews.CaseSummary;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.DeadlineView;
import org.ybdesk.service.CaseViews.NoteView;

/**
 * The commands on case files, one method per command of the window and the command line, each one transaction:
 * <b>load → decide → save → record</b>. The case is loaded through {@link CaseRepository} as a {@link CaseFile} (with
 * the item of its own catalog version), {@link CaseFile#decide} decides the step without the database, the
 * repository saves the state it leaves, and the change is recorded — timeline, the applicant's message, the audit
 * record and the outbox message — in the same transaction. Reading is {@link CaseQueries}'.
 */
public final class CaseService {
    /** The pseudo-action recorded on the timeline when an application is taken in. */
    public static final String RECEIVE = CaseRepository.RECEIVE;
    /** The pseudo-action recorded when the due date moves with the working calendar (issue 10, D83). */
    public static final String DUE_CHANGE = CaseRepository.DUE_CHANGE;

    /** Whether a timeline action is a lifecycle step ({@link CaseAction}), not {@link #RECEIVE} or {@link #DUE_CHANGE}. */
    public static boolean isStep(String action) {
        return CaseRepository.isStep(action);
    }

    private final Desk desk;
    private final CaseRepository repo;
    private final CaseQueries queries;
    private final IntakeValidation intake;
    private final RegistryEffects registryEffects;
    private final Filings filings;
    private final Transfers transfers;
    private final Backfills backfills;

    CaseService(Desk desk) {
        this.desk = desk;
        this.repo = new CaseRepository(desk::item);
        this.queries = new CaseQueries(desk, repo);
        this.intake = new IntakeValidation(desk);
        this.registryEffects = new RegistryEffects(desk);
        this.filings = new Filings(desk);
        this.transfers = new Transfers(desk);
        this.backfills = new Backfills(desk);
    }

    Transfers transfers() {
        return transfers;
    }

    CaseQueries queries() {
        return queries;
    }

    CaseRepository repository() {
        return repo;
    }

    /**
     * Who applies. For persons: ID type, ID number, name; for units and institutions: the unified social credit
     * code (as {@code idNumber}) and the name.
     */
    public record Applicant(IdType idType, String idNumber, String name, String phone) {
    }

    /**
     * An application as taken in at the window.
     *
     * @param materials status of each of the item's materials by number; a material not listed is MISSING
     * @param declared  settlements (27/28): the amount declared
     * @param reconciled settlements (27/28): the amount the reconciliation arrived at
     */
    public record NewCase(int itemNo, Applicant applicant, Map<String, String> fields,
                          Map<Integer, MaterialStatus> materials, String channel, Money declared, Money reconciled,
                          Circumstances circumstances, PayeeKind payTo) {
        public NewCase {
            circumstances = circumstances == null ? Circumstances.NONE : circumstances;
        }

        public NewCase(int itemNo, Applicant applicant, Map<String, String> fields,
                       Map<Integer, MaterialStatus> materials, String channel, Money declared, Money reconciled) {
            this(itemNo, applicant, fields, materials, channel, declared, reconciled, Circumstances.NONE);
        }

        /** Without a chosen 拨付对象 (the item's default payee, D142). */
        public NewCase(int itemNo, Applicant applicant, Map<String, String> fields,
                       Map<Integer, MaterialStatus> materials, String channel, Money declared, Money reconciled,
                       Circumstances circumstances) {
            this(itemNo, applicant, fields, materials, channel, declared, reconciled, circumstances, null);
        }

        public NewCase with(Circumstances c) {
            return new NewCase(itemNo, applicant, fields, materials, channel, declared, reconciled, c, payTo);
        }

        /**
         * The 拨付对象 the applicant chose where the rulebook lets them (maternity 19–22: 单位 or 个人, D142); null for
         * the item's default.
         */
        public NewCase withPayTo(PayeeKind k) {
            return new NewCase(itemNo, applicant, fields, materials, channel, declared, reconciled, circumstances, k);
        }
    }

    /**
     * How an application came to the window, beyond the applicant and the item (issue 13): entered after an outage
     * (补录), brought by an agent for someone else (代办), identified by an e-voucher code (医保电子凭证). Each is null
     * when it does not apply.
     */
    public record Circumstances(Backfilled backfill, Agent agent, VoucherUse voucher) {
        public static final Circumstances NONE = new Circumstances(null, null, null);

        public Circumstances withBackfill(Backfilled b) {
            return new Circumstances(b, agent, voucher);
        }

        public Circumstances withAgent(Agent a) {
            return new Circumstances(backfill, a, voucher);
        }

        public Circumstances withVoucher(VoucherUse v) {
            return new Circumstances(backfill, agent, v);
        }
    }

    /** Paper work of an outage entered afterwards (补录): when it really happened, and the paper's reference. */
    public record Backfilled(LocalDateTime occurredAt, String paperRef) {
    }

    /**
     * Someone applying for the insured (代办/为他人申报): the agent's ID, name, phone, relationship to the applicant
     * and the authorisation material (委托书, or guardianship for a minor).
     */
    public record Agent(IdType idType, String idNumber, String name, String phone, String relation,
                        String authorisation) {
    }

    /**
     * The e-voucher code the applicant showed (医保电子凭证) and what became of it: resolved by the province when the
     * desk was online, else to be checked at the next sync (待核验).
     */
    public record VoucherUse(String code, VoucherCheck check) {
    }

    /** Whether the province confirmed a voucher: VERIFIED, PENDING (待核验, offline at intake), MISMATCH. */
    public enum VoucherCheck { VERIFIED, PENDING, MISMATCH }

    /**
     * What the window (or {@code ybdesk case create --decide}) decides together with taking an application in: only
     * record it (待受理), 受理, 受理并办结 (an item the window finishes at once), 补正 or 不予受理 (with reasons).
     */
    public enum IntakeDecision {
        RECEIVE, ACCEPT, ACCEPT_AND_CLOSE, REQUEST_SUPPLEMENT, REFUSE;

        /** 补正 and 不予受理 at intake need only what identifies the applicant, not the whole form (D182). */
        public boolean early() {
            return this == REQUEST_SUPPLEMENT || this == REFUSE;
        }

        List<Command> commands(List<String> reasons) {
            return switch (this) {
                case RECEIVE -> List.of();
                case ACCEPT -> List.of(Command.of(CaseAction.ACCEPT));
                case ACCEPT_AND_CLOSE -> List.of(Command.of(CaseAction.ACCEPT), Command.of(CaseAction.CLOSE));
                case REQUEST_SUPPLEMENT -> List.of(Command.withReasons(CaseAction.REQUEST_SUPPLEMENT, reasons));
                case REFUSE -> List.of(Command.withReasons(CaseAction.REFUSE, reasons));
            };
        }
    }

    // ------------------------------------------------------------------------------------------------ intake

    /** Takes in an application (state 待受理); warnings are not confirmed ({@link WarningsToConfirm}). */
    public CaseView create(NewCase req, Actor actor) {
        return create(req, actor, false);
    }

    /** Takes in an application (state 待受理); see {@link #intake}. */
    public CaseView create(NewCase req, Actor actor, boolean warningsConfirmed) {
        return intake(req, IntakeDecision.RECEIVE, List.of(), null, actor, warningsConfirmed);
    }

    /**
     * Takes in an application and decides on it at once, in one transaction: the case is numbered and stored, and
     * the decision's steps (受理; 受理 and 办结; 补正; 不予受理) taken — all of it or nothing. All problems at once;
     * nothing is written (and no case number used) if there is any. Warnings (something unusual, D97) must be
     * confirmed ({@code warningsConfirmed}), else they are thrown as {@link WarningsToConfirm}; confirmed ones are
     * recorded with the application.
     *
     * @param note the note of the last step (e.g. 「已当场答复」 for a query finished at the window)
     */
    public CaseView intake(NewCase req, IntakeDecision decision, List<String> reasons, String note, Actor actor,
                           boolean warningsConfirmed) {
        AgencyRecord agency = desk.requireAgency();
        // issue 13, back-fill (补录): the 收件 day is the occurrence day; outside the outages a 负责人 confirms
        boolean early = decision.early();
        IntakeValidation.Checked checked = backfills.check(req, intake.check(req, actor, agency.getCode(), early),
                actor);
        // issue 13, voucher: the e-voucher's code fits the applicant, its check is VERIFIED or PENDING
        VoucherService.checkIntake(req, checked.application().item().applicantKind());
        List<Command> steps = decision.commands(reasons);
        List<String> inputProblems = stepInputProblems(steps, note);
        // issue 13 (filing): the start-date window and the 6-month lock of long-term filings (D145, D146)
        if (!early) { // a refusal or 补正 does not depend on the filing's dates (D182)
            inputProblems.addAll(filings.problems(desk.db().dsl(), checked.application()));
        }
        if (!inputProblems.isEmpty()) {
            throw new ServiceException(inputProblems);
        }
        if (!checked.warnings().isEmpty() && !warningsConfirmed) {
            throw new WarningsToConfirm(checked.warnings());
        }
        List<String> confirmed = List.copyOf(checked.warnings());
        String caseNo = desk.db().write(tx -> {
            LocalDate today = desk.today();
            OffsetDateTime now = desk.now();
            LocalDate stepDay = Backfills.stepDay(req, today); // back-filled work: its steps on the paper's day
            // the decision's steps first on the unnumbered application: a refusal uses no case number
            CaseFile draft = checked.application();
            for (Command cmd : steps) {
                draft = decide(tx, draft, cmd, actor, stepDay).after();
            }
            String no = repo.nextCaseNo(tx, desk.db().numbers(), agency.getCode(), today);
            CaseFile a = checked.application();
            CaseFile c = repo.insert(tx, new CaseFile(null, no, a.agencyCode(), a.item(), a.catalogVersion(), a.state(),
                    null, a.applicant(), a.channel(), a.fields(), a.materials(), a.dates(), a.amounts(), List.of(),
                    List.of(), CaseFile.Promise.NONE, 0), NameIndex.initials(a.applicant().name()), actor.id(), now);
            Backfills.mark(tx, repo, c.id(), req, actor);
            repo.addEvent(tx, c.id(), new CaseRepository.Event(RECEIVE, null, CaseState.RECEIVED, actor.id(),
                    actor.name(), actor.personId(), now, today, confirmed, confirmed.isEmpty() ? null
                    : Texts.get("case.warnings.confirmed", actor.name(), String.valueOf(confirmed.size())), null));
            Map<String, Object> after = CaseRepository.auditView(c, 0);
            after.putAll(ProxyIntake.record(tx, c, req)); // issue 13, proxy: agent (代办人) and payee (拨付对象)
            // issue 13, voucher: stored before the audit record, which then vouches for it
            VoucherService.attach(tx, no, req.circumstances().voucher(), now, after);
            Backfills.audit(after, req);
            if (!confirmed.isEmpty()) {
                after.put("confirmedWarnings", confirmed);
                after.put("warningsConfirmedBy", actor.name());
            }
            CaseReceived change = new CaseReceived(no, c.agencyCode(), c.item().no(), c.catalogVersion(),
                    c.applicant().kind().name(), c.applicant().idNumber(), c.applicant().name(), RECEIVE, null,
                    CaseState.RECEIVED.name(), Backfills.occurredAt(req, now), stepDay.toString(), actor.id(),
                    actor.name(), null, null, actor.personId(), null, c.channel(), Backfills.message(req, actor, now),
                    c.fields(), Changes.materialsOf(c.materials()));
            desk.audited().record(tx, actor, now, "CASE_" + RECEIVE, "CASE", no, null, after, change);
            if (!steps.isEmpty()) {
                c = repo.lock(tx, no).orElseThrow(); // as stored: with the outages among its clock stops (D129)
            }
            for (int i = 0; i < steps.size(); i++) {
                c = step(tx, agency, c, steps.get(i), i == steps.size() - 1 ? note : null, actor, stepDay, now);
            }
            if (!steps.isEmpty()) {
                route(tx, agency, c, actor, now);
            }
            return no;
        });
        return show(caseNo, actor);
    }

    // ------------------------------------------------------------------------------------------------ steps

    /** Takes a lifecycle step. All reasons it may not be taken at once; nothing is written then. */
    public CaseView act(String caseNo, Command cmd, String note, Actor actor) {
        AgencyRecord agency = desk.requireAgency();
        List<String> inputProblems = new ArrayList<>(caseNoProblems(caseNo));
        inputProblems.addAll(stepInputProblems(List.of(cmd), note));
        if (!inputProblems.isEmpty()) {
            throw new ServiceException(inputProblems);
        }
        desk.db().write(tx -> {
            CaseFile c = lockHeld(tx, caseNo);
            OffsetDateTime now = desk.now();
            CaseFile saved = step(tx, agency, c, cmd, note, actor, desk.today(), now);
            route(tx, agency, saved, actor, now);
            return null;
        });
        return show(caseNo.trim(), actor);
    }

    // ------------------------------------------------------------------------------------------------ hand-off

    /**
     * After the command's last step (issue 12, D120): the case's next stage is looked up in the routing of the
     * desk's 统筹区 (else {@code *}). Performed by another level → {@code CASE_FORWARDED} to that level; by this level
     * but no active user of this desk has the stage's role → {@code CASE_RELEASED} to the agency's pool. Either is
     * enqueued in this same transaction and the case shows 待移交/待释放 until the province acknowledges it. Only a
     * production desk that knows its organisation (its agency in AGENCIES) routes; a standalone desk does nothing.
     */
    private void route(DSLContext tx, AgencyRecord agency, CaseFile c, Actor actor, OffsetDateTime now) {
        CaseAction next = c.nextAction();
        if (next == null || desk.mode() != Mode.PRODUCTION) {
            return;
        }
        java.util.Optional<AgencyLevel> own = Organisation.ownLevel(tx, agency.getCode());
        if (own.isEmpty()) {
            return;
        }
        AgencyLevel level = routedLevel(tx, agency, c, next).orElse(own.get());
        if (level != own.get()) {
            handOff(tx, c, CaseRepository.FORWARD, level, forwardReason(c, next, level), actor, now);
        } else if (c.nextRole() != null && !Organisation.hasActiveUser(tx, c.nextRole())) {
            handOff(tx, c, CaseRepository.RELEASE, null, Texts.get("handoff.release.reason", c.nextRole().label(),
                    next.label(c.item().flow())), actor, now);
        }
    }

    private static java.util.Optional<AgencyLevel> routedLevel(DSLContext tx, AgencyRecord agency, CaseFile c,
                                                              CaseAction next) {
        return Organisation.routing(tx, agency.getAdminDivisionCode())
                .flatMap(r -> r.levelOf(c.item().no(), next.name()));
    }

    private static String forwardReason(CaseFile c, CaseAction next, AgencyLevel level) {
        return Texts.get("handoff.forward.reason", next.label(c.item().flow()), levelLabel(level));
    }

    static String levelLabel(AgencyLevel level) {
        return Texts.get("level." + level.name());
    }

    /** Marks the hand-off pending and enqueues its message, audited, in the caller's transaction. */
    private void handOff(DSLContext tx, CaseFile c, String kind, AgencyLevel level, String reason, Actor actor,
                         OffsetDateTime now) {
        CaseRepository.Holding before = repo.holding(tx, c.caseNo()).orElseThrow();
        CaseRepository.Holding after = before.withHandOff(kind);
        repo.setHolding(tx, c.caseNo(), after);
        CaseAction next = c.nextAction();
        org.ybdesk.protocol.change.Change change = CaseRepository.FORWARD.equals(kind)
                ? new CaseForwarded(c.caseNo(), level.name(), null, next.name(), c.state().name(), now.toString(),
                        actor.name(), reason)
                : new CaseReleased(c.caseNo(), next.name(), c.state().name(), now.toString(), actor.name(), reason);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("caseNo", c.caseNo());
        b.put("handOff", before.handOff());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("caseNo", c.caseNo());
        a.put("handOff", kind);
        a.put("nextAction", next.name());
        if (level != null) {
            a.put("toLevel", level.name());
        }
        a.put("reason", reason);
        desk.audited().record(tx, actor, now, CaseRepository.FORWARD.equals(kind) ? "CASE_FORWARD" : "CASE_RELEASE",
                "CASE", c.caseNo(), b, a, change);
    }

    /**
     * 移交 by hand ({@code ybdesk case forward NO}): the case goes to the level its routing names for the next stage.
     * The window clerk or a person of the next stage's role; refused when the routing keeps the stage at this level
     * (then 释放 to this agency's pool is the way), or when the desk does not know its organisation.
     */
    public CaseView forward(String caseNo, String reason, Actor actor) {
        return handOffByHand(caseNo, reason, actor, CaseRepository.FORWARD);
    }

    /** 释放 ({@code ybdesk case release NO}): the case goes back to this agency's pool, for any of its desks to claim. */
    public CaseView release(String caseNo, String reason, Actor actor) {
        return handOffByHand(caseNo, reason, actor, CaseRepository.RELEASE);
    }

    private CaseView handOffByHand(String caseNo, String reason, Actor actor, String kind) {
        AgencyRecord agency = desk.requireAgency();
        List<String> problems = new ArrayList<>(caseNoProblems(caseNo));
        problems.addAll(InputHygiene.lines(Texts.get("label.reason"), reason, FieldLimits.REASON));
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        if (desk.mode() != Mode.PRODUCTION) {
            throw new ServiceException(Texts.get("handoff.sandbox"));
        }
        desk.db().write(tx -> {
            CaseFile c = lockHeld(tx, caseNo);
            CaseAction next = c.nextAction();
            if (next == null) {
                throw new ServiceException(Texts.get("handoff.finished", c.caseNo(), c.state().label()));
            }
            if (actor == null || !(actor.has(Role.CLERK) || (c.nextRole() != null && actor.has(c.nextRole())))) {
                throw new ServiceException(Texts.get("handoff.role", c.nextRole() == null ? Role.CLERK.label()
                        : c.nextRole().label()));
            }
            java.util.Optional<AgencyLevel> own = Organisation.ownLevel(tx, agency.getCode());
            if (own.isEmpty()) {
                throw new ServiceException(Texts.get("handoff.standalone"));
            }
            String why = reason == null || reason.isBlank() ? null : InputHygiene.tidy(reason);
            OffsetDateTime now = desk.now();
            if (CaseRepository.FORWARD.equals(kind)) {
                AgencyLevel level = routedLevel(tx, agency, c, next).orElse(own.get());
                if (level == own.get()) {
                    throw new ServiceException(Texts.get("handoff.forward.sameLevel", next.label(c.item().flow()),
                            levelLabel(level)));
                }
                handOff(tx, c, kind, level, why != null ? why : forwardReason(c, next, level), actor, now);
            } else {
                handOff(tx, c, kind, null, why != null ? why : Texts.get("handoff.release.byHand",
                        next.label(c.item().flow())), actor, now);
            }
            return null;
        });
        return show(caseNo.trim(), actor);
    }

    /**
     * The case locked for a command that changes it, refused when this desk does not hold it: held by another desk
     * or waiting in an agency's pool (领取 first), or a hand-off sent and not yet acknowledged by the province.
     */
    private CaseFile lockHeld(DSLContext tx, String caseNo) {
        CaseFile c = lock(tx, caseNo);
        CaseRepository.Holding h = repo.holding(tx, c.caseNo()).orElseThrow();
        if (!h.heldHere()) {
            throw new ServiceException(Texts.get(h.holderWindow() == null ? "case.held.pool" : "case.held.elsewhere",
                    c.caseNo(), Organisation.deskLabel(tx, h.holderAgency(), h.holderName(), h.holderWindow())));
        }
        if (h.handOff() != null) {
            throw new ServiceException(Texts.get(CaseRepository.FORWARD.equals(h.handOff())
                    ? "case.handOff.forward" : "case.handOff.release", c.caseNo()));
        }
        return c;
    }

    /** The reasons, note and amounts of steps as typed: lengths and control characters. */
    private static List<String> stepInputProblems(List<Command> steps, String note) {
        List<String> problems = new ArrayList<>();
        for (Command cmd : steps) {
            for (String r : cmd.reasons()) {
                problems.addAll(InputHygiene.lines(Texts.get("label.reason"), r, FieldLimits.REASON));
            }
            if (cmd.amount() != null && cmd.amount().fen() > 0) { // zero and negative: the lifecycle says why not
                problems.addAll(InputHygiene.paidAmount(Texts.get("label.amount"), cmd.amount()));
            }
        }
        problems.addAll(InputHygiene.lines(Texts.get("label.note"), note, FieldLimits.EVENT_NOTE));
        return problems;
    }

    /**
     * Decides {@code cmd} on {@code c}: the case's own rules ({@link CaseFile#decide}) and the registry's (a variant
     * the registry cannot take is refused at 受理, not at 办结; a withdrawal above the balance). All reasons at once.
     */
    private CaseFile.Step decide(DSLContext tx, CaseFile c, Command cmd, Actor actor, LocalDate today) {
        List<String> problems = new ArrayList<>();
        CaseFile.Step s = null;
        if (cmd.action() == CaseAction.MOVE_BALANCE && cmd.amount() == null && Transfers.sided(c)) {
            // a side of a transfer moves exactly the balance taken off at 转出, or 表8's amount (issue 13, D148)
            java.util.Optional<Money> due = transfers.dueAmount(tx, c);
            if (due.isPresent()) {
                cmd = Command.withAmount(CaseAction.MOVE_BALANCE, due.get());
            }
        }
        try {
            s = c.decide(actor, cmd, today, largeAmountThreshold(tx));
        } catch (TransitionRefused e) {
            problems.addAll(e.reasons());
        }
        boolean accepting = cmd.action() == CaseAction.ACCEPT && c.state() == CaseState.RECEIVED;
        if (accepting || (s != null && s.transition().to() == CaseState.CLOSED)) {
            problems.addAll(registryEffects.problems(tx, c, c.item(), c.fields()));
        }
        if (accepting && c.caseNo() != null) {
            problems.addAll(filings.problems(tx, c)); // issue 13: asked at intake, and again at 受理 of a taken case
        }
        problems.addAll(transfers.problems(tx, c, s == null ? cmd : s.command(), today));
        problems.addAll(effectProblems(tx, c, s == null ? cmd : s.command()));
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        return s;
    }

    /** Load → decide → save → record, inside the caller's transaction; returns the case as saved. */
    private CaseFile step(DSLContext tx, AgencyRecord agency, CaseFile c, Command cmd, String note, Actor actor,
                          LocalDate today, OffsetDateTime now) {
        CaseFile.Step s = decide(tx, c, cmd, actor, today);
        Transition t = s.transition();
        CaseFile after = s.after();
        DeadlineView d = CaseQueries.deadline(after, today, desk.deadlines());
        after = after.withDueOn(d == null ? null : d.dueDate());
        if (cmd.action() == CaseAction.ACCEPT && d != null && d.dueDate() != null) {
            // the promise of the 受理回执: kept as made, whatever moves the due date later (D82)
            after = after.withPromise(new CaseFile.Promise(d.dueDate(), d.provisional()));
        }
        CaseFile saved = repo.save(tx, c, after, now);
        Command step = s.command();
        long eventId = repo.addEvent(tx, c.id(), new CaseRepository.Event(step.action().name(), t.from(), t.to(),
                actor.id(), actor.name(), actor.personId(), now, today, step.reasons(), InputHygiene.tidyOrNull(note),
                step.amount()));
        // the registry first (each change audited before → after), only then the outcome message (已完成)
        applyRegistryEffects(tx, saved, t, step, actor, now);
        String message = t.outcome() == null ? null : message(agency, saved, t, step, today);
        if (message != null) {
            repo.addMessage(tx, c.id(), eventId, t.outcome().name(), message, now);
        }
        CaseStepped change = new CaseStepped(saved.caseNo(), saved.agencyCode(), saved.item().no(),
                saved.catalogVersion(), saved.applicant().kind().name(), saved.applicant().idNumber(),
                saved.applicant().name(), step.action().name(), t.from().name(), t.to().name(), now.toString(),
                today.toString(), actor.id(), actor.name(), step.reasons(),
                step.amount() == null ? null : step.amount().fen(), actor.personId(),
                saved.dates().dueOn() == null ? null : saved.dates().dueOn().toString(), message);
        desk.audited().record(tx, actor, now, "CASE_" + step.action().name(), "CASE", c.caseNo(),
                CaseRepository.auditView(c, c.rowVersion()), CaseRepository.auditView(saved, saved.rowVersion()),
                change);
        return saved;
    }


    /** The desk setting naming the large-amount threshold in fen. */
    static final String SETTING_LARGE_AMOUNT = "case.largeAmountFen";
    /** Default threshold above which an amount needs explicit confirmation: 50,000.00 yuan. */
    public static final Money DEFAULT_LARGE_AMOUNT = Money.ofFen(5_000_000);

    /** Above this amount 审核/复核 (and a payment without a decided amount) need explicit confirmation. */
    public Money largeAmountThreshold() {
        return largeAmountThreshold(desk.db().dsl());
    }

    private static Money largeAmountThreshold(DSLContext dsl) {
        String v = dsl.select(org.ybdesk.db.jooq.Tables.DESK_SETTING.SETTING).from(org.ybdesk.db.jooq.Tables.DESK_SETTING)
                .where(org.ybdesk.db.jooq.Tables.DESK_SETTING.NAME.eq(SETTING_LARGE_AMOUNT))
                .fetchOne(org.ybdesk.db.jooq.Tables.DESK_SETTING.SETTING);
        try {
            return v == null ? DEFAULT_LARGE_AMOUNT : Money.ofFen(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return DEFAULT_LARGE_AMOUNT;
        }
    }

    /** Sets the large-amount threshold (administrator; audited). */
    public Money setLargeAmountThreshold(Money threshold, Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new ServiceException(Texts.get("case.largeAmount.needsAdmin"));
        }
        if (threshold == null || threshold.fen() <= 0) {
            throw new ServiceException(Texts.get("case.largeAmount.positive"));
        }
        List<String> flaws = InputHygiene.paidAmount(Texts.get("label.largeAmount"), threshold);
        if (!flaws.isEmpty()) {
            throw new ServiceException(flaws);
        }
        OffsetDateTime now = desk.now();
        var ds = org.ybdesk.db.jooq.Tables.DESK_SETTING;
        desk.db().write(tx -> {
            Money before = largeAmountThreshold(tx);
            String value = Long.toString(threshold.fen());
            tx.mergeInto(ds).using(DSL.selectOne()).on(ds.NAME.eq(SETTING_LARGE_AMOUNT))
                    .whenMatchedThenUpdate().set(ds.SETTING, value).set(ds.UPDATED_AT, now)
                    .whenNotMatchedThenInsert(ds.NAME, ds.SETTING, ds.UPDATED_AT)
                    .values(SETTING_LARGE_AMOUNT, value, now).execute();
            desk.audited().record(tx, actor, now, "LARGE_AMOUNT_CONFIGURE", "SETTING", SETTING_LARGE_AMOUNT,
                    Map.of("thresholdFen", before.fen()), Map.of("thresholdFen", threshold.fen()), null);
            return null;
        });
        return largeAmountThreshold();
    }


    /** Updates materials received during 补正 (the clerk ticks what arrived), before RESUME. */
    public CaseView updateMaterials(String caseNo, Map<Integer, MaterialStatus> changes, Actor actor) {
        requireCaseNo(caseNo);
        desk.db().write(tx -> {
            CaseFile c = lockHeld(tx, caseNo);
            CaseFile after;
            try {
                after = c.withMaterials(changes, actor);
            } catch (TransitionRefused e) {
                throw new ServiceException(e.reasons());
            }
            OffsetDateTime now = desk.now();
            CaseFile saved = repo.save(tx, c, after, now);
            desk.audited().record(tx, actor, now, "CASE_MATERIALS", "CASE", c.caseNo(),
                    CaseRepository.auditView(c, c.rowVersion()), CaseRepository.auditView(saved, saved.rowVersion()),
                    new CaseMaterials(c.caseNo(), Changes.materialsOf(saved.materials())));
            return null;
        });
        return show(caseNo.trim(), actor);
    }

    /** Checks the registry can take the step's money effect (a withdrawal cannot exceed the account balance). */
    private List<String> effectProblems(DSLContext tx, CaseFile c, Command cmd) {
        if (cmd.action() == CaseAction.PAY && c.item().group() == org.ybdesk.core.catalog.ItemGroup.ACCOUNT_WITHDRAWAL
                && c.applicant().personId() != null && cmd.amount() != null) {
            long balance = tx.select(PERSON.ACCOUNT_BALANCE_FEN).from(PERSON).where(PERSON.ID.eq(c.applicant().personId()))
                    .fetchOne(PERSON.ACCOUNT_BALANCE_FEN);
            if (cmd.amount().fen() > balance) {
                return List.of(Texts.get("case.withdraw.balance", cmd.amount().toYuanString(),
                        Money.ofFen(balance).toYuanString()));
            }
        }
        return List.of();
    }

    /**
     * What a finished step changes in the registry: closing items 1–6 applies their variant ({@link RegistryEffects});
     * a withdrawal takes the amount from the personal account; a transfer's balance move credits it. Each change has
     * its own audit record (before → after) in the same transaction.
     */
    private void applyRegistryEffects(DSLContext tx, CaseFile c, Transition t, Command cmd, Actor actor,
                                      OffsetDateTime now) {
        Long personId = c.applicant().personId();
        if (cmd.action() == CaseAction.PAY && c.item().group() == org.ybdesk.core.catalog.ItemGroup.ACCOUNT_WITHDRAWAL
                && personId != null) {
            adjustBalance(tx, personId, -cmd.amount().fen(), actor, now, c.caseNo());
        }
        if (cmd.action() == CaseAction.MOVE_BALANCE && personId != null && Transfers.credits(c)) {
            adjustBalance(tx, personId, cmd.amount().fen(), actor, now, c.caseNo());
        }
        transfers.apply(tx, c, cmd, actor, now, desk.today()); // issue 13: the side of a transfer (D147–D149)
        if (t.to() == CaseState.CLOSED) {
            // the registry links the case to the person or unit it registers: it works on the stored row
            CaseFileRecord row = tx.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(c.id())).fetchSingle();
            registryEffects.apply(tx, row, c.item(), c.fields(), actor, now);
        }
    }

    private void adjustBalance(DSLContext tx, long personId, long deltaFen, Actor actor, OffsetDateTime now,
                               String caseNo) {
        PersonRecord p = tx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).forUpdate().fetchOne();
        Map<String, Object> before = Map.of("accountBalanceFen", p.getAccountBalanceFen());
        p.setAccountBalanceFen(p.getAccountBalanceFen() + deltaFen);
        p.setUpdatedAt(now);
        p.update();
        desk.audited().record(tx, actor, now, "ACCOUNT_ADJUST", "PERSON", p.getIdNumber(), before,
                Map.of("accountBalanceFen", p.getAccountBalanceFen(), "caseNo", caseNo), null);
    }


    String message(AgencyRecord agency, CaseFile c, Transition t, Command cmd, LocalDate today) {
        ServiceItem item = c.item();
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> f = c.fields();
        v.put("agencySignature", agency.getSignature());
        v.put("name", c.applicant().name());
        // {date}: the day of the outcome (the day this message is made); a 补正 notice names the application's day
        v.put("date", MessageRenderer.chineseDate(t.outcome() == Outcome.SUPPLEMENT ? c.dates().receivedOn() : today));
        v.put("phone", agency.getHotline() == null ? Texts.get("message.phone.none") : agency.getHotline());
        v.put("itemName", item.name());
        v.put("reason", String.join("；", cmd.reasons().stream().map(CaseService::withoutEndPunctuation)
                .filter(r -> !r.isEmpty()).toList()));
        if (c.amounts().paid() != null) {
            v.put("amount", c.amounts().paid().toYuanString());
        }
        // {payee}: the account holder, named only when the account is not the applicant's own
        String holder = f.getOrDefault("bankAccountName", "").trim();
        if (!holder.isEmpty() && !holder.equals(c.applicant().name())) {
            v.put("payee", holder);
        }
        // {bank}: the bank's name as the clerk recorded it (开户行), never a code or the account number
        v.put("bank", f.getOrDefault("bankName", "").trim());
        String account = f.getOrDefault("bankAccountNumber", "");
        v.put("accountTail", account.length() >= 4 ? account.substring(account.length() - 4) : account);
        v.put("validity", validity(item, f));
        String template = switch (t.outcome()) {
            case SUCCESS -> item.messages().success();
            case FAILURE -> item.messages().failure();
            case SUPPLEMENT -> Texts.get(t.pausesClock() ? "message.supplement.paused" : "message.supplement");
        };
        try {
            return MessageRenderer.render(template, v);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Texts.get("message.incomplete", item.name(), e.getMessage()));
        }
    }

    /** A reason as typed, without the punctuation that would double the template's own (「材料不全。；」). */
    private static String withoutEndPunctuation(String reason) {
        return reason == null ? "" : reason.strip().replaceAll("[。，；：！？、.,;:!?\\s]+$", "");
    }

    /** 备案有效期: long-term filings are valid until changed; temporary ones for the item's months. */
    static String validity(ServiceItem item, Map<String, String> f) {
        String start = f.get("filingStartDate");
        if (start == null) {
            return Texts.get("message.validity.none");
        }
        LocalDate s = LocalDate.parse(start);
        if (item.filingValidityMonths() == null) {
            return Texts.get("message.validity.longTerm", MessageRenderer.chineseDate(s));
        }
        LocalDate end = s.plusMonths(item.filingValidityMonths()).minusDays(1);
        return Texts.get("message.validity.period", MessageRenderer.chineseDate(s), MessageRenderer.chineseDate(end));
    }


    // ------------------------------------------------------------------------------------------------ attachments, notes

    /** Largest attachment accepted (a multi-page scan at 300 dpi stays well below it). */
    public static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    /**
     * Adds a scanned image or PDF to the case. The type is taken from the file's content (PDF, PNG, JPEG, TIFF),
     * not from its name; the SHA-256 is stored so a changed file is recognisable.
     */
    public AttachmentView addAttachment(String caseNo, String fileName, byte[] content, Actor actor) {
        requireCaseNo(caseNo);
        List<String> nameFlaws = InputHygiene.requiredLine(Texts.get("label.fileName"), fileName,
                FieldLimits.FILE_NAME);
        if (!nameFlaws.isEmpty()) {
            throw new ServiceException(nameFlaws);
        }
        if (content == null) {
            throw new ServiceException(Texts.get("attachment.empty", fileName));
        }
        List<String> problems = new ArrayList<>();
        String type = Attachments.mediaType(content);
        if (content.length == 0) {
            problems.add(Texts.get("attachment.empty", fileName));
        } else if (content.length > MAX_ATTACHMENT_BYTES) {
            problems.add(Texts.get("attachment.tooLarge", fileName,
                    String.valueOf(content.length / (1024 * 1024)), String.valueOf(MAX_ATTACHMENT_BYTES / (1024 * 1024))));
        } else if (type == null) {
            problems.add(Texts.get("attachment.type", fileName));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        return desk.db().write(tx -> {
            CaseFile c = lockHeld(tx, caseNo);
            OffsetDateTime now = desk.now();
            var r = tx.newRecord(CASE_ATTACHMENT);
            r.setCaseId(c.id());
            r.setFileName(InputHygiene.tidy(fileName));
            r.setMediaType(type);
            r.setSizeBytes((long) content.length);
            r.setSha256(Attachments.sha256(content));
            r.setContent(content);
            r.setAddedBy(actor.id());
            r.setAddedAt(now);
            r.store();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("caseNo", c.caseNo());
            after.put("fileName", r.getFileName());
            after.put("mediaType", type);
            after.put("sizeBytes", content.length);
            after.put("sha256", r.getSha256());
            desk.audited().record(tx, actor, now, "CASE_ATTACHMENT", "CASE", c.caseNo(), null, after,
                    new CaseAttachment(c.caseNo(), r.getFileName(), type, (long) content.length, r.getSha256()));
            return new AttachmentView(r.getId(), r.getFileName(), type, content.length, r.getSha256(), actor.name(), now);
        });
    }

    /** The stored bytes of an attachment. */
    public byte[] attachmentContent(long attachmentId) {
        byte[] b = desk.db().dsl().select(CASE_ATTACHMENT.CONTENT).from(CASE_ATTACHMENT)
                .where(CASE_ATTACHMENT.ID.eq(attachmentId)).fetchOne(CASE_ATTACHMENT.CONTENT);
        if (b == null) {
            throw new ServiceException(Texts.get("attachment.unknown"));
        }
        return b;
    }

    /** Adds a note (备注) to the case's file; notes are part of the record, never edited. */
    public NoteView addNote(String caseNo, String text, Actor actor) {
        requireCaseNo(caseNo);
        String t = text == null ? "" : InputHygiene.tidy(text);
        List<String> flaws = InputHygiene.lines(Texts.get("label.note"), text, FieldLimits.CASE_NOTE);
        if (!flaws.isEmpty()) {
            throw new ServiceException(flaws);
        }
        if (t.isEmpty()) {
            throw new ServiceException(Texts.get("note.empty"));
        }
        return desk.db().write(tx -> {
            CaseFile c = lock(tx, caseNo);
            OffsetDateTime now = desk.now();
            tx.insertInto(CASE_NOTE).set(CASE_NOTE.CASE_ID, c.id()).set(CASE_NOTE.NOTE_TEXT, t)
                    .set(CASE_NOTE.AUTHOR_ID, actor.id()).set(CASE_NOTE.AUTHOR_NAME, actor.name())
                    .set(CASE_NOTE.ADDED_AT, now).execute();
            desk.audited().record(tx, actor, now, "CASE_NOTE", "CASE", c.caseNo(), null,
                    Map.of("caseNo", c.caseNo(), "note", t), null);
            return new NoteView(t, actor.name(), now);
        });
    }


    /** The problems of a case number as given (control characters, length); empty when it can be looked up. */
    static List<String> caseNoProblems(String caseNo) {
        return InputHygiene.requiredLine(Texts.get("label.caseNo"), caseNo, FieldLimits.CASE_NO);
    }

    private static void requireCaseNo(String caseNo) {
        List<String> p = caseNoProblems(caseNo);
        if (!p.isEmpty()) {
            throw new ServiceException(p);
        }
    }

    /** The case locked for this transaction, or a refusal naming the number. */
    private CaseFile lock(DSLContext tx, String caseNo) {
        return repo.lock(tx, caseNo.trim()).orElseThrow(() ->
                new ServiceException(Texts.get("case.unknown", InputHygiene.visible(caseNo))));
    }

    // ------------------------------------------------------------------------------------------------ due dates

    /**
     * After a working calendar changed (a year imported or pulled): every case whose clock has started and not
     * ended gets its due date computed on the old and on the new calendar as of today; where they differ the stored
     * due date is updated and one timeline entry ({@link #DUE_CHANGE}) with {@code reason} and both dates is
     * recorded through the audited path. Unchanged cases get nothing, so running it twice changes nothing.
     * Runs inside the caller's transaction, before the new calendar is put in force.
     *
     * @param actor the administrator who imported, or null for the system (sync)
     * @return the case numbers whose due date changed
     */
    List<String> recomputeDueDates(DSLContext tx, WorkingCalendar before, WorkingCalendar after, String reason,
                                   Actor actor, OffsetDateTime now) {
        return recompute(tx, DSL.noCondition(), new DeadlineEngine(before), new DeadlineEngine(after), reason, actor,
                now);
    }

    /**
     * Open cases accepted while their due date could not be computed (a release before issue 10 refused dates past
     * the published calendar and stored no due date): computed now on the calendar in force (provisionally where it
     * must be), stored, and recorded on the timeline by the system. Runs when the desk opens; nothing to do is a
     * few index lookups. Returns the case numbers filled.
     */
    List<String> fillMissingDueDates() {
        // one (state, due_on) index lookup per state a clock can run in: closed cases have no due date either and
        // must not be scanned, nor cases not yet accepted
        List<String> states = Arrays.stream(CaseState.values())
                .filter(st -> !st.terminal() && st != CaseState.RECEIVED).map(Enum::name).toList();
        boolean any = states.stream().anyMatch(st -> desk.db().dsl().fetchExists(CASE_FILE, CASE_FILE.STATE.eq(st),
                CASE_FILE.DUE_ON.isNull(), CASE_FILE.ACCEPTED_ON.isNotNull()));
        if (!any) {
            return List.of();
        }
        return desk.db().write(tx -> recompute(tx, CASE_FILE.DUE_ON.isNull().and(CASE_FILE.STATE.in(states)), null,
                desk.deadlines(), Texts.get("case.due.filled"), null, desk.now()));
    }

    /** See {@link #recomputeDueDates}; {@code oldEngine == null} compares with the stored due date. */
    private List<String> recompute(DSLContext tx, Condition which, DeadlineEngine oldEngine, DeadlineEngine newEngine,
                                   String reason, Actor actor, OffsetDateTime now) {
        LocalDate today = desk.today();
        List<String> changed = new ArrayList<>();
        List<String> ended = Arrays.stream(CaseState.values()).filter(CaseState::terminal).map(Enum::name).toList();
        for (CaseFile c : repo.lockAll(tx, CASE_FILE.ACCEPTED_ON.isNotNull().and(CASE_FILE.STATE.notIn(ended))
                .and(which))) {
            DeadlineView old = oldEngine == null ? null : CaseQueries.deadline(c, today, oldEngine);
            DeadlineView neu = CaseQueries.deadline(c, today, newEngine);
            LocalDate oldDue = old == null || old.dueDate() == null ? c.dates().dueOn() : old.dueDate();
            LocalDate newDue = neu == null ? null : neu.dueDate();
            if (newDue == null || newDue.equals(oldDue)) {
                continue;
            }
            CaseFile saved = repo.save(tx, c, c.withDueOn(newDue), now);
            String note = Texts.get("case.due.changed", reason, dueText(oldDue, old != null && old.provisional()),
                    dueText(newDue, neu.provisional()));
            repo.addEvent(tx, c.id(), new CaseRepository.Event(DUE_CHANGE, c.state(), c.state(),
                    actor == null ? null : actor.id(),
                    actor == null ? desk.audited().who(null).actorName() : actor.name(),
                    actor == null ? null : actor.personId(), now, today, List.of(),
                    note.length() > 1000 ? note.substring(0, 1000) : note, null));
            // no outbox message: due dates are the desk's own computation, the province has no message for them
            desk.audited().record(tx, actor, now, "CASE_" + DUE_CHANGE, "CASE", c.caseNo(),
                    CaseRepository.auditView(c, c.rowVersion()), CaseRepository.auditView(saved, saved.rowVersion()),
                    null);
            changed.add(c.caseNo());
        }
        return changed;
    }

    /** 2027年1月5日, or 2027年1月5日（暂定）. */
    static String dueText(LocalDate d, boolean provisional) {
        return CaseQueries.dueText(d, provisional);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * A search of cases. {@code sort}: by 收件 time (the paper's real time for back-filled work, issue 13) or by entry
     * time, latest first; null is {@link ListSort#RECEIVED}.
     */
    public record CaseQuery(Integer itemNo, CaseState state, String applicantId, LocalDate receivedFrom,
                            LocalDate receivedTo, int limit, ListSort sort) {
        public CaseQuery {
            sort = sort == null ? ListSort.RECEIVED : sort;
        }

        public CaseQuery(Integer itemNo, CaseState state, String applicantId, LocalDate receivedFrom,
                         LocalDate receivedTo, int limit) {
            this(itemNo, state, applicantId, receivedFrom, receivedTo, limit, ListSort.RECEIVED);
        }
    }

    /** The order of a case list: by 收件 time (received) or by entry time (entered), latest first (issue 13). */
    public enum ListSort {
        RECEIVED, ENTERED;

        /** 「received」/「entered」 (also 收件/录入), or null when {@code text} names neither. */
        public static ListSort parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            return switch (t) {
                case "received" -> RECEIVED;
                case "entered" -> ENTERED;
                default -> t.equals(Texts.get("vocab.sort.received")) ? RECEIVED
                        : t.equals(Texts.get("vocab.sort.entered")) ? ENTERED : null;
            };
        }
    }

    public List<CaseSummary> list(CaseQuery q) {
        return queries.list(q);
    }

    /** The whole case: fields, materials, timeline, messages and — for {@code actor} — the actions possible now. */
    public CaseView show(String caseNo, Actor actor) {
        requireCaseNo(caseNo);
        return queries.show(caseNo, actor);
    }

    /** Open cases due within 3 working days or overdue (or all running clocks), soonest first. */
    public List<CaseSummary> dueList(boolean all, int limit) {
        return queries.dueList(all, limit);
    }

    /** The promise of the 受理回执 beside the due date now (D82). */
    public CaseViews.DuePromise promise(String caseNo) {
        requireCaseNo(caseNo);
        return queries.promise(caseNo);
    }

    /** The last 补正 request with the working days left as of its own day (issue 14), or null. */
    public CaseViews.SupplementFacts supplementFacts(String caseNo) {
        requireCaseNo(caseNo);
        return queries.supplement(caseNo);
    }
}
