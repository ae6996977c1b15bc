package org.ybdesk.core.catalog;

/**
 * What a paying item pays out, for payment lists: reimbursements of medical costs (门诊/住院/生育医疗/救助报销),
 * allowances (生育津贴), subsidies (参保缴费补贴), personal-account withdrawals (一次性支取) and settlements with
 * designated institutions (费用结算). Part of the catalog data (docs/DECISIONS.md D43).
 */
public enum PaymentKind {
    REIMBURSEMENT,
    ALLOWANCE,
    SUBSIDY,
    WITHDRAWAL,
    SETTLEMENT;

    public String label() {
        return org.ybdesk.core.i18n.Messages.bundle("org.ybdesk.core.catalog.messages").get("paymentKind." + name());
    }
}
