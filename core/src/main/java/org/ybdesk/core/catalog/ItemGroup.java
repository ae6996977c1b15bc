package org.ybdesk.core.catalog;

/** The rulebook's grouping of the 28 items, in the order the desk shows them. */
public enum ItemGroup {
    REGISTRATION,
    CHANGE,
    QUERY,
    ACCOUNT_WITHDRAWAL,
    TRANSFER,
    OUT_OF_AREA_FILING,
    CHRONIC_DISEASE,
    MANUAL_REIMBURSEMENT,
    MATERNITY,
    MEDICAL_ASSISTANCE,
    DESIGNATION,
    SETTLEMENT;

    public String label() {
        return org.ybdesk.core.i18n.Messages.bundle("org.ybdesk.core.catalog.messages").get("group." + name());
    }
}
