package org.ybdesk.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.PaymentKind;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.EventView;
import org.ybdesk.service.PrintService.PrintModel;

/**
 * Which documents apply to a case — one rule per kind over catalog and lifecycle data, never per item:
 * <ul>
 * <li>受理回执: the case was accepted;</li>
 * <li>不予受理通知书/一次性告知书: the timeline holds a refusal, 未通过 or 评估不合格 (with its reasons);</li>
 * <li>补正通知: the timeline holds a 补正 request;</li>
 * <li>审批表: the item's flow has steps after acceptance (not 即办) and the case was accepted;</li>
 * <li>费用审核单: the case carries a declared amount (settlements), or the item's 办理流程 says 「打印费用审核单」
 * (19–22) and the review amount has been recorded;</li>
 * <li>报销/补贴返还明细表: the item's {@code paymentKind} in the catalog (reimbursements; allowances and subsidies), once accepted;</li>
 * <li>备案确认: an out-of-area filing (it has a validity) that is 办结;</li>
 * <li>表N: the item cites table N under 参考样表.</li>
 * </ul>
 */
public final class Applicability {
    static final Set<String> FAILURES = Set.of(CaseAction.REFUSE.name(), CaseAction.REJECT.name(),
            CaseAction.EVALUATE_FAIL.name());

    private Applicability() {
    }

    /** Why {@code doc} does not apply to the case (Chinese), or empty when it does. */
    public static Optional<String> refusal(PrintDoc doc, PrintModel m) {
        CaseView v = m.view();
        ServiceItem item = m.item();
        boolean accepted = v.summary().acceptedOn() != null;
        String reason = switch (doc.kind()) {
            case RECEIPT -> accepted ? null : "doc.na.notAccepted";
            case NOTICE -> lastEvent(v, FAILURES).isPresent() ? null : "doc.na.notice";
            case SUPPLEMENT -> lastEvent(v, Set.of(CaseAction.REQUEST_SUPPLEMENT.name())).isPresent() ? null
                    : "doc.na.supplement";
            case APPROVAL -> item.flow() == FlowVariant.INSTANT ? "doc.na.approval"
                    : accepted ? null : "doc.na.notAccepted";
            case COST_REVIEW -> v.declared() != null || (namesCostReview(item) && v.flow() != null
                    && v.flow().reviewAmount() != null) ? null
                    : namesCostReview(item) ? "doc.na.costReview.notReviewed" : "doc.na.costReview";
            case REIMBURSEMENT -> item.paymentKind() != PaymentKind.REIMBURSEMENT ? "doc.na.reimbursement"
                    : accepted ? null : "doc.na.notAccepted";
            case SUBSIDY -> !paysBack(item.paymentKind()) ? "doc.na.subsidy"
                    : accepted ? null : "doc.na.notAccepted";
            case FILING -> m.filingValidity() == null ? "doc.na.filing"
                    : v.summary().state() == CaseState.CLOSED ? null : "doc.na.filingOpen";
            case TABLE -> item.referenceForms().contains(doc.table()) ? null : "doc.na.table";
        };
        return reason == null ? Optional.empty()
                : Optional.of(ReportTexts.get("doc.na", doc.label(), ReportTexts.get(reason,
                        String.valueOf(item.no()), item.name(), String.valueOf(doc.table()))));
    }

    /** Every document that applies to the case, in the order of {@link PrintDoc.Kind} (tables last, by number). */
    public static List<PrintDoc> applicable(PrintModel m) {
        List<PrintDoc> out = new ArrayList<>();
        for (PrintDoc.Kind k : PrintDoc.Kind.values()) {
            if (k == PrintDoc.Kind.TABLE) {
                m.item().referenceForms().stream().sorted().forEach(n -> out.add(PrintDoc.table(n)));
            } else if (refusal(PrintDoc.of(k), m).isEmpty()) {
                out.add(PrintDoc.of(k));
            }
        }
        return out;
    }

    /** Whether the item's 办理流程 (as the catalog copies it from the rulebook) prints a 费用审核单 (items 19–22). */
    static boolean namesCostReview(ServiceItem item) {
        String word = ReportTexts.get("doc.COST_REVIEW");
        return item.process().stream().anyMatch(p -> p.name().contains(word)
                || p.checks().stream().anyMatch(c -> c.contains(word)));
    }

    /** 补贴返还明细表 lists what is paid back to the applicant: allowances (生育津贴) and subsidies (缴费补贴). */
    static boolean paysBack(PaymentKind kind) {
        return kind == PaymentKind.ALLOWANCE || kind == PaymentKind.SUBSIDY;
    }

    /** The latest timeline event whose action is one of {@code actions}. */
    static Optional<EventView> lastEvent(CaseView v, Set<String> actions) {
        EventView found = null;
        for (EventView e : v.events()) {
            if (actions.contains(e.action())) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }
}
