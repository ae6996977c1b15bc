package org.ybdesk.core.catalog;

/** The rulebook's grouping of the 28 items, in the order the desk shows them. */
public enum ItemGroup {
    REGISTRATION("参保登记"),
    CHANGE("信息变更"),
    QUERY("参保查询"),
    ACCOUNT_WITHDRAWAL("个人账户支取"),
    TRANSFER("转移接续"),
    OUT_OF_AREA_FILING("异地就医备案"),
    CHRONIC_DISEASE("门诊慢特病"),
    MANUAL_REIMBURSEMENT("零星报销"),
    MATERNITY("生育保险"),
    MEDICAL_ASSISTANCE("医疗救助"),
    DESIGNATION("定点协议"),
    SETTLEMENT("费用结算");

    private final String label;

    ItemGroup(String label) { this.label = label; }

    public String label() { return label; }
}
