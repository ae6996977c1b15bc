package org.ybdesk.core.catalog;

/**
 * The payment detail list printed for an item that pays the applicant: 报销明细表 for reimbursements of medical costs
 * (17–21, 24), 补贴返还明细表 for allowances and subsidies paid back (22 生育津贴, 23 个人缴费补贴).
 */
public enum PaymentSheet {
    REIMBURSEMENT,
    SUBSIDY
}
