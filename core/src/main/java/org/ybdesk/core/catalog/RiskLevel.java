package org.ybdesk.core.catalog;

/** 风险级别 of a service item; 高风险 and 极高风险 trigger separation of duties. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH;

    public String label() {
        return org.ybdesk.core.i18n.Messages.bundle("org.ybdesk.core.catalog.messages").get("riskLevel." + name());
    }

    /** Whether the person who accepted may not review or approve, and the reviewer may not approve. */
    public boolean requiresSeparationOfDuties() { return this == HIGH || this == VERY_HIGH; }
}
