package org.ybdesk.core.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.calendar.Deadline;
import org.ybdesk.core.calendar.DeadlineEngine;
import org.ybdesk.core.calendar.DeadlineInput;
import org.ybdesk.core.calendar.Pause;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.catalog.TimeLimit;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.lifecycle.ActionRecord;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Availability;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseSnapshot;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Lifecycle;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.lifecycle.Transition;
import org.ybdesk.core.lifecycle.TransferSide;
import org.ybdesk.core.lifecycle.TransitionRefused;
import org.ybdesk.core.money.Money;

/**
 * 办件 (the glossary's CaseFile): one application as the rules see it, with everything a step is decided from — the
 * item of the catalog version it was accepted under, its state, values and materials, its amounts, its past steps
 * (with the person who took each) and its 补正 pauses. Pure: it decides a step ({@link #decide}) and says what the
 * case looks like after it ({@link Step#after()}) without any storage; the service loads it through a repository,
 * asks it, saves {@code after} and records the change.
 *
 * <p>The rules that used to be written again wherever a case was handled live here once: the materials gate of
 * 受理, which amount a step takes and when it needs explicit confirmation, the lifecycle with separation of duties
 * by person, and the inputs of the deadline (transfer phases, pauses).
 *
 * @param id            the database key, null before the case is first saved
 * @param item          the item as the case's own catalog version describes it
 * @param applicant     who applies (and, when registered, the registry keys)
 * @param history       the lifecycle steps taken so far, oldest first
 * @param pauses        补正 periods (and other clock stops) from acceptance on
 * @param rowVersion    optimistic version of the stored row (0 when new)
 */
public record CaseFile(Long id, String caseNo, String agencyCode, ServiceItem item, String catalogVersion,
                       CaseState state, CaseState resumeState, Applicant applicant, String channel,
                       Map<String, String> fields, Map<Integer, MaterialStatus> materials, Dates dates,
                       Amounts amounts, List<ActionRecord> history, List<Pause> pauses, Promise promise,
                       int rowVersion) {
    private static final Messages TEXT = Messages.bundle("org.ybdesk.core.casefile.messages");

    /** Who applies: kind, identifying number (ID or credit code), name, phone, and the registry rows when known. */
    public record Applicant(ApplicantKind kind, String idNumber, String name, String phone, Long personId,
                            Long unitId) {
    }

    /** The days of the case: received (申请), accepted (受理), transfer phase, 整改 since, ended. */
    public record Dates(LocalDate receivedOn, LocalDate acceptedOn, LocalDate transferredOutOn,
                        LocalDate rectifyingSince, LocalDate closedOn, LocalDate dueOn) {
        Dates with(LocalDate accepted, LocalDate transferred, LocalDate rectifying, LocalDate closed) {
            return new Dates(receivedOn, accepted, transferred, rectifying, closed, dueOn);
        }

        public Dates withDueOn(LocalDate due) {
            return new Dates(receivedOn, acceptedOn, transferredOutOn, rectifyingSince, closedOn, due);
        }
    }

    /**
     * The money of the case: settlements' declared and reconciled amounts, the amount decided at 审核 and confirmed
     * at 复核, and what was paid (or moved) so far; null where none.
     */
    public record Amounts(Money declared, Money reconciled, Money review, Money confirmed, Money paid) {
        public static final Amounts NONE = new Amounts(null, null, null, null, null);
    }

    /** The due date promised on the 受理回执 (kept as made, D82). */
    public record Promise(LocalDate dueOn, boolean provisional) {
        public static final Promise NONE = new Promise(null, false);
    }

    public CaseFile {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(state, "state");
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        materials = materials == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(materials));
        history = history == null ? List.of() : List.copyOf(history);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        amounts = amounts == null ? Amounts.NONE : amounts;
        promise = promise == null ? Promise.NONE : promise;
    }

    /**
     * A new application (state 待受理) as taken in: every material of the item listed, the ones not given as
     * MISSING. Numbering and the database key come when the service saves it.
     */
    public static CaseFile received(String caseNo, String agencyCode, ServiceItem item, String catalogVersion,
                                    Applicant applicant, String channel, Map<String, String> fields,
                                    Map<Integer, MaterialStatus> given, Money declared, Money reconciled,
                                    LocalDate today) {
        Map<Integer, MaterialStatus> materials = new LinkedHashMap<>();
        for (MaterialSpec m : item.materials()) {
            materials.put(m.no(), given.getOrDefault(m.no(), MaterialStatus.MISSING));
        }
        return new CaseFile(null, caseNo, agencyCode, item, catalogVersion, CaseState.RECEIVED, null, applicant,
                channel, fields, materials, new Dates(today, null, null, null, null, null),
                new Amounts(declared, reconciled, null, null, null), List.of(), List.of(), Promise.NONE, 0);
    }

    /** The numbers of materials the item does not have (typed by hand or by a scanner: refused at intake). */
    public static List<String> unknownMaterials(ServiceItem item, Map<Integer, MaterialStatus> given) {
        List<String> out = new ArrayList<>();
        for (Integer no : given.keySet()) {
            if (item.materials().stream().noneMatch(m -> m.no() == no)) {
                out.add(TEXT.get("material.unknown", String.valueOf(no), item.name()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The case as {@link Lifecycle} sees it. */
    public CaseSnapshot snapshot() {
        return new CaseSnapshot(item, state, resumeState, history, dates.rectifyingSince(), amounts.declared(),
                amounts.reconciled(), amounts.review(), amounts.confirmed(), transferSide());
    }

    /** For 转移接续: which side of the transfer this agency is (issue 13, D147); BOTH for every other item. */
    public TransferSide transferSide() {
        return TransferSide.of(item, fields);
    }

    /** The role whose work the case waits for (the role of its first positive next step), null when finished. */
    public Role nextRole() {
        return Lifecycle.possible(item, state, transferSide()).entrySet().stream()
                .filter(e -> !e.getKey().needsReasons()).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    static Role nextRole(ServiceItem item, CaseState state) {
        return Lifecycle.possible(item, state).entrySet().stream()
                .filter(e -> !e.getKey().needsReasons()).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * The case's next positive action — the stage it waits for (受理, 审核, 复核, 审批, 支付, 办结, 转出 …: the first
     * action of its state that needs no reasons) — or null when it is finished. Routing between agencies (issue 12)
     * names stages by it.
     */
    public CaseAction nextAction() {
        return Lifecycle.possible(item, state, transferSide()).keySet().stream().filter(a -> !a.needsReasons()).findFirst()
                .orElse(null);
    }

    /** The steps {@code actor} may take now, and why not for the others. */
    public List<Availability> available(Actor actor) {
        return Lifecycle.available(snapshot(), actor);
    }

    /** The amount 支付 pays when none is typed (the amount confirmed at 复核 or decided at 审核), if any. */
    public Optional<Money> payable() {
        return Lifecycle.payable(snapshot());
    }

    /** For each material whether the case's values make it required before 受理 (D92). */
    public Map<MaterialSpec, Boolean> materialNeeds() {
        return IntakeCheck.materialNeeds(item, fields);
    }

    /** Whether the clock of the time limit has started and not ended. */
    public boolean clockRuns() {
        return dates.acceptedOn() != null && !state.terminal();
    }

    /**
     * What the deadline is computed from now, or empty while the clock has not started or after the end: the item's
     * limit from acceptance — for a transfer the 转出 phase, and after 转出 the 转入 phase counted from that day — with
     * the pauses of the phase.
     */
    public Optional<DeadlineInput> deadlineInput() {
        if (!clockRuns()) {
            return Optional.empty();
        }
        TransferSide side = transferSide();
        if (side != TransferSide.BOTH && item.timeLimit().transferOutWorkingDays() != null) {
            return Optional.of(sideDeadlineInput(side));
        }
        return Optional.of(deadlineInput(item, dates.acceptedOn(), dates.transferredOutOn(), pauses));
    }

    /**
     * One side of a transfer (issue 13, D148): the 转出地 has 10 working days from 受理 for 转出 and 余额划转
     * (业务流转); the 转入地 5 working days from the day it received 表8 (「收到《信息表》后……5个工作日内」), counted from
     * {@code form8ReceivedOn} (acceptance when it is missing).
     */
    private DeadlineInput sideDeadlineInput(TransferSide side) {
        TimeLimit tl = item.timeLimit();
        LocalDate from = dates.acceptedOn();
        int days = tl.transferOutWorkingDays();
        if (side == TransferSide.IN) {
            days = tl.transferInWorkingDays() == null ? tl.workingDays() : tl.transferInWorkingDays();
            LocalDate received = IntakeCheck.parseDate(fields.getOrDefault("form8ReceivedOn", ""))
                    .orElse(null);
            if (received != null) {
                from = received;
            }
        }
        LocalDate base = from;
        return new DeadlineInput(from, days, pauses.stream().filter(p -> !p.from().isBefore(base)).toList(),
                tl.capMonths());
    }

    /**
     * The deadline's input of a case accepted on {@code acceptedOn} (not null): the item's limit from acceptance —
     * for a transfer the 转出 phase, and once {@code transferredOutOn} the 转入 phase counted from that day — with the
     * pauses of the phase. One rule for the case screen, the due list and the reports' timeliness.
     */
    public static DeadlineInput deadlineInput(ServiceItem item, LocalDate acceptedOn, LocalDate transferredOutOn,
                                              List<Pause> pauses) {
        TimeLimit tl = item.timeLimit();
        LocalDate from = acceptedOn;
        int days = tl.workingDays();
        if (item.flow() == FlowVariant.TRANSFER && tl.transferOutWorkingDays() != null) {
            if (transferredOutOn == null) {
                days = tl.transferOutWorkingDays();
            } else {
                from = transferredOutOn;
                days = tl.transferInWorkingDays() == null ? tl.workingDays() : tl.transferInWorkingDays();
            }
        }
        LocalDate base = from;
        // a stop that began before the phase and lasts into it (an outage, D129) counts from the phase's start
        List<Pause> phase = pauses == null ? List.of() : pauses.stream()
                .filter(p -> !p.from().isBefore(base) || (p.to() != null && p.to().isAfter(base)))
                .map(p -> p.from().isBefore(base) ? new Pause(base, p.to()) : p).toList();
        return new DeadlineInput(from, days, phase, tl.capMonths());
    }

    /** The deadline as of {@code today} on {@code engine}'s calendar; empty when the clock does not run. */
    public Optional<Deadline> deadline(DeadlineEngine engine, LocalDate today) throws DateOutsideCalendarException {
        Optional<DeadlineInput> in = deadlineInput();
        return in.isEmpty() ? Optional.empty() : Optional.of(engine.compute(in.get(), today));
    }

    // ------------------------------------------------------------------------------------------------ deciding

    /**
     * A decided step: the transition, the command as it takes effect (a payment without a typed amount pays the
     * decided one) and the case after it.
     */
    public record Step(Transition transition, Command command, CaseFile before, CaseFile after) {
    }

    /**
     * Decides {@code cmd} by {@code actor} on {@code today}: every reason it may not be taken at once, or the step.
     * {@code largeAmount} is the desk's threshold above which a deciding amount needs explicit confirmation (D87).
     * The registry's own conditions (an account balance, a person registered elsewhere) are the service's: they need
     * the registry.
     *
     * @throws TransitionRefused with all reasons
     */
    public Step decide(Actor actor, Command cmd, LocalDate today, Money largeAmount) {
        List<String> problems = new ArrayList<>(amountProblems(cmd, largeAmount));
        Command step = cmd.action() == CaseAction.PAY && cmd.amount() == null
                ? cmd.withAmount(payable().orElse(null)) : cmd;
        Transition t = null;
        try {
            t = Lifecycle.decide(snapshot(), actor, step, today);
        } catch (TransitionRefused e) {
            problems.addAll(e.reasons());
        }
        if (step.action() == CaseAction.ACCEPT && state == CaseState.RECEIVED) {
            // materials required by the values, and never none at all (one rule for every item)
            problems.addAll(IntakeCheck.materialProblems(item, fields, materials));
        }
        if (!problems.isEmpty()) {
            throw new TransitionRefused(problems);
        }
        return new Step(t, step, this, applied(t, step, actor, today));
    }

    /**
     * A step another desk took and reported through the province (issue 12): what was done, from which state to
     * which, on which working day and when, by whom (name and staff ID number: separation of duties compares persons
     * across desks), with its reasons and amount.
     */
    public record ReportedStep(CaseAction action, CaseState from, CaseState to, LocalDate onDay,
                               java.time.OffsetDateTime at, String actorName, String actorPersonId,
                               List<String> reasons, Money amount) {
        public ReportedStep {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(onDay, "onDay");
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** The account id of a step taken at another desk: never a local account, so only the person ID can match. */
    public static final long REMOTE_ACTOR_ID = -1L;

    /**
     * Applies a step another desk took, through the same effects {@link #decide} applies (state, dates, pauses,
     * amounts, the state 补正 returns to), without judging the actor again: the holding desk did, under these rules.
     * The step enters the history with account {@link #REMOTE_ACTOR_ID} and the reported person ID.
     *
     * @throws IllegalArgumentException when the step does not start from this copy's state, the state does not allow
     *                                  the action, or it would lead elsewhere than reported (the copy and the report
     *                                  disagree: the case must be fetched whole again)
     */
    public Step replay(ReportedStep r) {
        if (r.from() != null && r.from() != state) {
            throw new IllegalArgumentException(TEXT.get("replay.from", caseNo, r.action().label(item.flow()),
                    r.from().label(), state.label()));
        }
        Transition t = Lifecycle.reported(snapshot(), r.action());
        if (r.to() != null && t.to() != r.to()) {
            throw new IllegalArgumentException(TEXT.get("replay.to", caseNo, r.action().label(item.flow()),
                    r.to().label(), t.to().label()));
        }
        Money amount = r.amount();
        if (amount == null && r.action() == CaseAction.PAY) {
            amount = payable().orElse(null);
        }
        if (amount == null && (r.action() == CaseAction.PAY || r.action() == CaseAction.MOVE_BALANCE)) {
            throw new IllegalArgumentException(TEXT.get("replay.amount", caseNo, r.action().label(item.flow())));
        }
        Command cmd = new Command(r.action(), r.reasons(), amount);
        Actor remote = new Actor(REMOTE_ACTOR_ID, r.actorName(), java.util.Set.of(), r.actorPersonId());
        return new Step(t, cmd, this, applied(t, cmd, remote, r.onDay()));
    }

    /**
     * An amount where the step takes none, and an amount above the large-amount threshold typed without explicit
     * confirmation. The amount's own checks (missing, zero, differing from the decided one) are the lifecycle's.
     */
    List<String> amountProblems(Command cmd, Money threshold) {
        CaseAction a = cmd.action();
        boolean decided = Lifecycle.decidesAmountAtReview(item);
        boolean takesAmount = a == CaseAction.MOVE_BALANCE || a == CaseAction.PAY
                || (decided && (a == CaseAction.REVIEW || a == CaseAction.RECHECK));
        if (cmd.amount() != null && !takesAmount) {
            return List.of(TEXT.get(decided ? "amount.notExpected.decided" : "amount.notExpected"));
        }
        // the amount that decides the money: typed at 审核 and 复核, or at 支付 for a case without a decided amount
        boolean deciding = a == CaseAction.REVIEW || a == CaseAction.RECHECK
                || (a == CaseAction.PAY && payable().isEmpty());
        if (deciding && threshold != null && cmd.amount() != null && cmd.amount().compareTo(threshold) > 0
                && !cmd.confirmLarge()) {
            return List.of(TEXT.get("amount.large", a.label(item.flow()), cmd.amount().toYuanString(),
                    threshold.toYuanString()));
        }
        return List.of();
    }

    /** The case after transition {@code t} of {@code cmd} (the due date is the service's: it needs the calendar). */
    private CaseFile applied(Transition t, Command cmd, Actor actor, LocalDate today) {
        CaseState resume = resumeState;
        LocalDate accepted = dates.acceptedOn();
        LocalDate transferred = dates.transferredOutOn();
        LocalDate rectifying = dates.rectifyingSince();
        Amounts a = amounts;
        switch (cmd.action()) {
            case ACCEPT -> accepted = today;
            case REQUEST_SUPPLEMENT -> resume = t.from();
            case RESUME -> resume = null;
            case TRANSFER_OUT -> transferred = today;
            case REVIEW -> a = new Amounts(a.declared(), a.reconciled(), cmd.amount(), a.confirmed(), a.paid());
            case RECHECK -> a = new Amounts(a.declared(), a.reconciled(), a.review(), cmd.amount(), a.paid());
            case EVALUATE_FAIL -> {
                if (t.to() == CaseState.RECTIFYING) {
                    rectifying = today;
                }
            }
            case PAY, MOVE_BALANCE -> a = new Amounts(a.declared(), a.reconciled(), a.review(), a.confirmed(),
                    Money.ofFen((a.paid() == null ? 0 : a.paid().fen()) + cmd.amount().fen()));
            default -> {
            }
        }
        List<Pause> p = new ArrayList<>(pauses);
        if (t.pausesClock()) {
            p.add(Pause.open(today));
        }
        if (t.resumesClock()) {
            p.replaceAll(x -> x.isOpen() ? new Pause(x.from(), today) : x);
        }
        List<ActionRecord> h = new ArrayList<>(history);
        h.add(new ActionRecord(cmd.action(), actor.id(), actor.personId()));
        Dates d = dates.with(accepted, transferred, rectifying, t.to().terminal() ? today : dates.closedOn());
        return new CaseFile(id, caseNo, agencyCode, item, catalogVersion, t.to(), resume, applicant, channel, fields,
                materials, d, a, h, p, promise, rowVersion);
    }

    // ------------------------------------------------------------------------------------------------ changing

    /** The same case with its stored due date set (kept current by every step and calendar change). */
    public CaseFile withDueOn(LocalDate due) {
        return new CaseFile(id, caseNo, agencyCode, item, catalogVersion, state, resumeState, applicant, channel,
                fields, materials, dates.withDueOn(due), amounts, history, pauses, promise, rowVersion);
    }

    /** The same case with the promise of the 受理回执 made. */
    public CaseFile withPromise(Promise p) {
        return new CaseFile(id, caseNo, agencyCode, item, catalogVersion, state, resumeState, applicant, channel,
                fields, materials, dates, amounts, history, pauses, p, rowVersion);
    }

    /** The same case as stored with row version {@code v} (after a save). */
    public CaseFile withRowVersion(int v) {
        return new CaseFile(id, caseNo, agencyCode, item, catalogVersion, state, resumeState, applicant, channel,
                fields, materials, dates, amounts, history, pauses, promise, v);
    }

    /** The same case as saved under {@code newId} (after the first insert). */
    public CaseFile withId(long newId) {
        return new CaseFile(newId, caseNo, agencyCode, item, catalogVersion, state, resumeState, applicant, channel,
                fields, materials, dates, amounts, history, pauses, promise, rowVersion);
    }

    /** The same case with the materials another desk reported (issue 12: a copy follows its holder). */
    public CaseFile withReportedMaterials(Map<Integer, MaterialStatus> reported) {
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>(materials);
        m.putAll(reported);
        return new CaseFile(id, caseNo, agencyCode, item, catalogVersion, state, resumeState, applicant, channel,
                fields, m, dates, amounts, history, pauses, promise, rowVersion);
    }

    /**
     * Materials received during 补正 (or before 受理): the clerk ticks what arrived. All problems at once: the state
     * does not allow it, the person is no window clerk, a number the item does not have.
     *
     * @throws TransitionRefused with all reasons
     */
    public CaseFile withMaterials(Map<Integer, MaterialStatus> changes, Actor actor) {
        List<String> problems = new ArrayList<>();
        if (state != CaseState.RECEIVED && state != CaseState.SUPPLEMENTING) {
            problems.add(TEXT.get("materials.state", state.label()));
        }
        if (!actor.has(Role.CLERK)) {
            problems.add(TEXT.get("materials.role"));
        }
        problems.addAll(unknownMaterials(item, changes));
        if (!problems.isEmpty()) {
            throw new TransitionRefused(problems);
        }
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>(materials);
        m.putAll(changes);
        return new CaseFile(id, caseNo, agencyCode, item, catalogVersion, state, resumeState, applicant, channel,
                fields, m, dates, amounts, history, pauses, promise, rowVersion);
    }
}
