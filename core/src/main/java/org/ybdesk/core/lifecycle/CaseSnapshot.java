package org.ybdesk.core.lifecycle;

import java.time.LocalDate;
import java.util.List;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.money.Money;

/**
 * What the lifecycle needs to know of a case to decide a transition.
 *
 * @param resumeState       the state to return to when 补正 ends (set while SUPPLEMENTING)
 * @param rectifyingSince   when the designation case entered 整改 (set while RECTIFYING)
 * @param declared          for settlements: the amount declared (申报金额)
 * @param reconciled        for settlements: the amount the reconciliation (对账) arrived at
 * @param reviewAmount      the amount entered at 审核 (items with a payment stage), or null
 * @param confirmedAmount   the amount confirmed at 复核, or null
 * @param transferSide      for 转移接续 cases: which side this agency is (issue 13, D147); BOTH otherwise
 */
public record CaseSnapshot(ServiceItem item, CaseState state, CaseState resumeState, List<ActionRecord> history,
                           LocalDate rectifyingSince, Money declared, Money reconciled, Money reviewAmount,
                           Money confirmedAmount, TransferSide transferSide) {
    public CaseSnapshot {
        history = List.copyOf(history);
        transferSide = transferSide == null ? TransferSide.BOTH : transferSide;
    }

    public CaseSnapshot(ServiceItem item, CaseState state, CaseState resumeState, List<ActionRecord> history,
                        LocalDate rectifyingSince, Money declared, Money reconciled, Money reviewAmount,
                        Money confirmedAmount) {
        this(item, state, resumeState, history, rectifyingSince, declared, reconciled, reviewAmount, confirmedAmount,
                TransferSide.BOTH);
    }

    /** A case without amounts decided at review (items that pay nothing, or before 审核). */
    public CaseSnapshot(ServiceItem item, CaseState state, CaseState resumeState, List<ActionRecord> history,
                        LocalDate rectifyingSince, Money declared, Money reconciled) {
        this(item, state, resumeState, history, rectifyingSince, declared, reconciled, null, null);
    }

    public static CaseSnapshot fresh(ServiceItem item) {
        return new CaseSnapshot(item, CaseState.RECEIVED, null, List.of(), null, null, null);
    }

    /**
     * Whether the same person took the action on this case before, under this account or another of theirs
     * (separation of duties compares persons, not accounts).
     */
    public boolean did(Actor actor, CaseAction action) {
        return history.stream().anyMatch(r -> r.action() == action && actor.isSamePersonAs(r.actorId(), r.personId()));
    }
}
