package org.ybdesk.core.lifecycle;

import static org.ybdesk.core.lifecycle.CaseAction.*;
import static org.ybdesk.core.lifecycle.CaseState.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.catalog.Stage;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.money.Money;

/**
 * The case lifecycle: which actions each flow variant allows in each state, who may take them (roles and separation
 * of duties by risk level), and where they lead. Pure: no storage, no clock of its own.
 */
public final class Lifecycle {
    private static final Messages TEXT = Messages.bundle(LifecycleTexts.BUNDLE);

    /** Actions that decide on the merits after acceptance (the acceptor must not take them on high-risk items). */
    private static final Set<CaseAction> DECISIONS = EnumSet.of(REVIEW, RECHECK, APPROVE, EVALUATE, EVALUATE_FAIL, SIGN);
    /** Actions of final approval (the reviewer must not take them on high-risk items). */
    private static final Set<CaseAction> APPROVALS = EnumSet.of(APPROVE, SIGN);
    /**
     * Steps whose person must not also pay (支付/拨付) on high-risk items: the cashier is a person who neither took
     * the application in (and with it the payee's account) nor decided or confirmed the amount (D73).
     */
    private static final List<CaseAction> PAYER_EXCLUDED = List.of(ACCEPT, REVIEW, RECHECK, APPROVE);

    private Lifecycle() {
    }

    /** The actions the state allows, each with the role that takes it here, in a sensible order for a menu. */
    public static Map<CaseAction, Role> possible(ServiceItem item, CaseState state) {
        return possible(item, state, TransferSide.BOTH);
    }

    /**
     * The actions the state allows on {@code side} of a transfer (issue 13, D147): the 转出地 转出 and then moves the
     * balance (余额划转, or refunds it); the 转入地 转入 and then credits the balance (计入个人账户). BOTH is the
     * earlier one-agency flow 转出 → 转入 → 余额划转.
     */
    public static Map<CaseAction, Role> possible(ServiceItem item, CaseState state, TransferSide side) {
        Map<CaseAction, Role> m = new LinkedHashMap<>();
        TransferSide s = side == null || item.flow() != FlowVariant.TRANSFER ? TransferSide.BOTH : side;
        FlowVariant flow = item.flow();
        switch (state) {
            case RECEIVED -> {
                m.put(ACCEPT, Role.CLERK);
                m.put(REQUEST_SUPPLEMENT, Role.CLERK);
                m.put(REFUSE, Role.CLERK);
            }
            case SUPPLEMENTING -> {
                m.put(RESUME, Role.CLERK);
                m.put(REFUSE, Role.CLERK);
            }
            case TRANSFERRED_OUT -> {
                if (s == TransferSide.OUT) {
                    m.put(MOVE_BALANCE, Role.FINANCE);
                } else {
                    m.put(TRANSFER_IN, Role.CLERK);
                    m.put(REJECT, Role.CLERK);
                }
            }
            case TRANSFERRED_IN -> m.put(MOVE_BALANCE, Role.FINANCE);
            case RECTIFYING -> {
                // 整改3个月后可再次组织评估: any number of rounds; 未通过 ends the application
                m.put(EVALUATE, Role.REVIEWER);
                m.put(EVALUATE_FAIL, Role.REVIEWER);
                m.put(REJECT, Role.REVIEWER);
            }
            case PUBLICIZING -> {
                m.put(PUBLICIZE, Role.CLERK);
                m.put(REJECT, Role.HEAD);
            }
            case NEGOTIATING -> {
                m.put(SIGN, Role.HEAD);
                m.put(REJECT, Role.HEAD);
            }
            case CLOSED, REFUSED, REJECTED -> {
            }
            default -> afterAcceptance(item, state, flow, s, m);
        }
        return m;
    }

    private static void afterAcceptance(ServiceItem item, CaseState state, FlowVariant flow, TransferSide side,
                                        Map<CaseAction, Role> m) {
        if (flow == FlowVariant.DESIGNATION) {
            if (state == ACCEPTED) {
                m.put(EVALUATE, Role.REVIEWER);
                m.put(EVALUATE_FAIL, Role.REVIEWER);
                m.put(REQUEST_SUPPLEMENT, Role.CLERK);
            }
            return;
        }
        List<Stage> stages = item.stages();
        Stage at = stageOf(state);
        if (state != ACCEPTED && at == null) {
            return; // a state this flow does not use
        }
        // The last stage done: a case that reached a stage the item no longer has (taken before the catalog followed
        // the rulebook, e.g. 已审批 on item 17) goes on with the next stage the item has (D85).
        int done = -1;
        for (int i = 0; at != null && i < stages.size(); i++) {
            if (stages.get(i).ordinal() <= at.ordinal()) {
                done = i;
            }
        }
        if (done + 1 < stages.size()) {
            Stage next = stages.get(done + 1);
            m.put(actionOf(next), roleOf(next, flow));
            if (next != Stage.PAY) {
                m.put(REJECT, roleOf(next, flow));
            }
        } else if (flow == FlowVariant.TRANSFER) {
            m.put(side == TransferSide.IN ? TRANSFER_IN : TRANSFER_OUT, Role.CLERK);
            m.put(REJECT, Role.CLERK);
        } else {
            m.put(CLOSE, Role.CLERK);
        }
        // 补正 after acceptance exists only for designation applications (handled above): every other item asks for
        // materials before 受理, when no clock has started (D15).
    }

    private static Stage stageOf(CaseState s) {
        return switch (s) {
            case REVIEWED -> Stage.REVIEW;
            case RECHECKED -> Stage.RECHECK;
            case APPROVED -> Stage.APPROVE;
            case PAID -> Stage.PAY;
            default -> null;
        };
    }

    private static CaseAction actionOf(Stage s) {
        return switch (s) {
            case REVIEW -> REVIEW;
            case RECHECK -> RECHECK;
            case APPROVE -> APPROVE;
            case PAY -> PAY;
        };
    }

    /**
     * Who takes a stage. On items done at the window (即时办结, flow INSTANT: items 1–6) the window clerk who took
     * the application in also does its 业务审核 there and then (D86).
     */
    private static Role roleOf(Stage s, FlowVariant flow) {
        if (flow == FlowVariant.INSTANT) {
            return Role.CLERK;
        }
        return switch (s) {
            case REVIEW -> Role.REVIEWER;
            case RECHECK -> Role.RECHECKER;
            case APPROVE -> Role.HEAD;
            case PAY -> Role.FINANCE;
        };
    }

    /**
     * Decides a command: returns where it leads, or throws {@link TransitionRefused} listing every reason it may not
     * be taken (wrong state, wrong role, separation of duties, missing reasons or amount, unbalanced reconciliation,
     * rectification period over).
     */
    public static Transition decide(CaseSnapshot c, Actor actor, Command cmd, LocalDate today) {
        List<String> problems = new ArrayList<>();
        ServiceItem item = c.item();
        CaseAction a = cmd.action();
        Map<CaseAction, Role> possible = possible(item, c.state(), c.transferSide());
        Role role = possible.get(a);
        if (role == null) {
            problems.add(TEXT.get("refuse.state", a.label(item.flow()), c.state().label(), allowedList(item, possible)));
            throw new TransitionRefused(problems);
        }
        problems.addAll(whyNot(c, actor, a, role));
        if (a.needsReasons() && cmd.reasons().isEmpty()) {
            problems.add(TEXT.get("refuse.reasons", a.label(item.flow())));
        }
        problems.addAll(amountProblems(c, cmd));
        if (a == ACCEPT && item.flow() == FlowVariant.SETTLEMENT) {
            if (c.declared() == null || c.reconciled() == null) {
                problems.add(TEXT.get("refuse.settlement.missing"));
            } else if (!c.declared().equals(c.reconciled())) {
                problems.add(TEXT.get("refuse.settlement.unbalanced", c.declared().toYuanString(),
                        c.reconciled().toYuanString()));
            }
        }
        if ((a == EVALUATE || a == EVALUATE_FAIL) && c.state() == RECTIFYING) {
            earliestReEvaluation(c).filter(today::isBefore).ifPresent(earliest -> problems.add(TEXT.get(
                    "refuse.rectification.early", c.rectifyingSince().toString(),
                    String.valueOf(item.timeLimit().rectificationMonths()), earliest.toString())));
        }
        if (!problems.isEmpty()) {
            throw new TransitionRefused(problems);
        }
        return transition(c, a);
    }

    /**
     * Whether the item's money is decided at review: items with a payment stage (支付/拨付). The amount is entered at
     * 审核 and confirmed at 复核 where the item has one (「复核并确认报销金额」); 支付 pays it and cannot change it.
     */
    public static boolean decidesAmountAtReview(ServiceItem item) {
        return item.stages().contains(Stage.PAY);
    }

    /**
     * The amount 支付/拨付 pays: the confirmed amount where the item has a 复核, else the review amount; empty when
     * neither was recorded (a case reviewed before amounts were decided at review, D87).
     */
    public static java.util.Optional<Money> payable(CaseSnapshot c) {
        if (c.item().stages().contains(Stage.RECHECK) && c.confirmedAmount() != null) {
            return java.util.Optional.of(c.confirmedAmount());
        }
        return java.util.Optional.ofNullable(c.item().stages().contains(Stage.RECHECK) ? null : c.reviewAmount());
    }

    /** For a designation case in 整改: the first day re-evaluation may be organised (3 months after delivery). */
    public static java.util.Optional<LocalDate> earliestReEvaluation(CaseSnapshot c) {
        Integer months = c.item().timeLimit().rectificationMonths();
        if (c.state() != RECTIFYING || c.rectifyingSince() == null || months == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(c.rectifyingSince().plusMonths(months));
    }

    /** What is wrong with the command's amount for this step (missing, not positive, differing from the decided one). */
    private static List<String> amountProblems(CaseSnapshot c, Command cmd) {
        List<String> problems = new ArrayList<>();
        ServiceItem item = c.item();
        CaseAction a = cmd.action();
        String label = a.label(item.flow());
        Money amt = cmd.amount();
        boolean decided = decidesAmountAtReview(item);
        if (a == MOVE_BALANCE || (decided && (a == REVIEW || a == RECHECK))) {
            if (amt == null) {
                problems.add(TEXT.get("refuse.amount.missing", label));
            } else if (amt.isNegative() || (a != MOVE_BALANCE && amt.fen() == 0)) {
                problems.add(TEXT.get("refuse.amount.positive", label));
            } else if (a == REVIEW && item.flow() == FlowVariant.SETTLEMENT && c.declared() != null
                    && amt.compareTo(c.declared()) > 0) {
                problems.add(TEXT.get("refuse.amount.aboveDeclared", amt.toYuanString(), c.declared().toYuanString()));
            } else if (a == RECHECK && c.reviewAmount() != null && !amt.equals(c.reviewAmount())) {
                problems.add(TEXT.get("refuse.amount.recheckDiffers", amt.toYuanString(),
                        c.reviewAmount().toYuanString()));
            }
        }
        if (a == PAY) {
            java.util.Optional<Money> due = payable(c);
            if (due.isPresent()) {
                if (amt != null && !amt.equals(due.get())) {
                    problems.add(TEXT.get("refuse.amount.payDiffers", label, amt.toYuanString(),
                            due.get().toYuanString()));
                }
            } else if (amt == null) {
                problems.add(TEXT.get("refuse.amount.missing", label));
            } else if (amt.isNegative() || amt.fen() == 0) {
                problems.add(TEXT.get("refuse.amount.positive", label));
            }
        }
        return problems;
    }

    /**
     * The reasons this actor may not take the action now (role, separation of duties); empty when allowed.
     * Separation of duties compares persons (the staff member's ID number), not accounts: one person with several
     * accounts is one person. An account not tied to a person may take no step (its steps could not be compared).
     */
    private static List<String> whyNot(CaseSnapshot c, Actor actor, CaseAction a, Role role) {
        List<String> problems = new ArrayList<>();
        ServiceItem item = c.item();
        if (!actor.has(role)) {
            problems.add(TEXT.get("refuse.role", a.label(item.flow()), role.label()));
        }
        if (!actor.hasPerson()) {
            problems.add(TEXT.get("refuse.person.missing", a.label(item.flow())));
        }
        boolean decision = DECISIONS.contains(a) || (a == REJECT && role != Role.CLERK);
        boolean approval = APPROVALS.contains(a) || (a == REJECT && role == Role.HEAD);
        if (item.riskLevel().requiresSeparationOfDuties()) {
            if (decision && c.did(actor, ACCEPT)) {
                problems.add(TEXT.get("refuse.sod.acceptor", item.riskLevel().label(), a.label(item.flow())));
            }
            if (approval && (c.did(actor, REVIEW) || c.did(actor, EVALUATE))) {
                problems.add(TEXT.get("refuse.sod.reviewer", item.riskLevel().label(), a.label(item.flow())));
            }
            if (a == PAY) {
                List<String> earlier = PAYER_EXCLUDED.stream().filter(x -> c.did(actor, x))
                        .map(x -> x.label(item.flow())).toList();
                if (!earlier.isEmpty()) {
                    problems.add(TEXT.get("refuse.sod.payer", item.riskLevel().label(), a.label(item.flow()),
                            Messages.joinList(earlier)));
                }
            }
        }
        if ((a == RECHECK || (a == REJECT && role == Role.RECHECKER)) && c.did(actor, REVIEW)) {
            problems.add(TEXT.get("refuse.sod.recheck"));
        }
        return problems;
    }

    /** Every action the state allows, with whether this actor may take it and why not. */
    public static List<Availability> available(CaseSnapshot c, Actor actor) {
        List<Availability> out = new ArrayList<>();
        possible(c.item(), c.state(), c.transferSide()).forEach((a, role) -> {
            List<String> why = whyNot(c, actor, a, role);
            out.add(new Availability(a, a.label(c.item().flow()), why.isEmpty(), why));
        });
        return out;
    }

    /**
     * The effect of a step another desk took and reported (issue 12): where {@code a} leads from the case's state,
     * without judging who took it (the holding desk did, under these same rules). The one copy of the transitions'
     * effects serves {@link #decide} and the replay of reported steps alike.
     *
     * @throws IllegalArgumentException when the state does not allow the action at all
     */
    public static Transition reported(CaseSnapshot c, CaseAction a) {
        Map<CaseAction, Role> possible = possible(c.item(), c.state(), c.transferSide());
        if (!possible.containsKey(a)) {
            throw new IllegalArgumentException(TEXT.get("refuse.state", a.label(c.item().flow()), c.state().label(),
                    allowedList(c.item(), possible)));
        }
        return transition(c, a);
    }

    private static Transition transition(CaseSnapshot c, CaseAction a) {
        CaseState from = c.state();
        FlowVariant flow = c.item().flow();
        boolean clockStarted = from != RECEIVED && from != SUPPLEMENTING;
        return switch (a) {
            case ACCEPT -> new Transition(from, ACCEPTED, a, false, false, null);
            case REFUSE -> new Transition(from, REFUSED, a, false, false, Outcome.FAILURE);
            case REQUEST_SUPPLEMENT -> new Transition(from, SUPPLEMENTING, a, clockStarted, false, Outcome.SUPPLEMENT);
            case RESUME -> new Transition(from, c.resumeState() == null ? RECEIVED : c.resumeState(), a, false,
                    c.resumeState() != null && c.resumeState() != RECEIVED, null);
            case REVIEW -> new Transition(from, REVIEWED, a, false, false, null);
            case RECHECK -> new Transition(from, RECHECKED, a, false, false, null);
            case APPROVE -> new Transition(from, APPROVED, a, false, false, null);
            case PAY -> new Transition(from, PAID, a, false, false, null);
            case REJECT, EVALUATE_FAIL -> {
                if (a == EVALUATE_FAIL && (from == ACCEPTED || from == RECTIFYING)) {
                    yield new Transition(from, RECTIFYING, a, false, false, Outcome.FAILURE);
                }
                yield new Transition(from, REJECTED, a, false, false, Outcome.FAILURE);
            }
            case TRANSFER_OUT -> new Transition(from, TRANSFERRED_OUT, a, false, false, null);
            case TRANSFER_IN -> new Transition(from, TRANSFERRED_IN, a, false, false, null);
            case MOVE_BALANCE -> new Transition(from, CLOSED, a, false, false, Outcome.SUCCESS);
            case EVALUATE -> new Transition(from, PUBLICIZING, a, false, false, Outcome.SUCCESS);
            case PUBLICIZE -> new Transition(from, NEGOTIATING, a, false, false, null);
            case SIGN -> new Transition(from, CLOSED, a, false, false, null);
            case CLOSE -> new Transition(from, CLOSED, a, false, false,
                    flow == FlowVariant.DESIGNATION ? null : Outcome.SUCCESS);
        };
    }

    private static String allowedList(ServiceItem item, Map<CaseAction, Role> possible) {
        if (possible.isEmpty()) {
            return TEXT.get("refuse.state.none");
        }
        return Messages.joinList(possible.keySet().stream().map(x -> x.label(item.flow())).toList());
    }
}
