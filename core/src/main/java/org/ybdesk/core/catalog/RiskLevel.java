package org.ybdesk.core.catalog;

/** 风险级别 of a service item; 高风险 and 极高风险 trigger separation of duties. */
public enum RiskLevel {
    LOW("低风险"),
    MEDIUM("中风险"),
    HIGH("高风险"),
    VERY_HIGH("极高风险");

    private final String label;

    RiskLevel(String label) { this.label = label; }

    public String label() { return label; }

    /** Whether the person who accepted may not review or approve, and the reviewer may not approve. */
    public boolean requiresSeparationOfDuties() { return this == HIGH || this == VERY_HIGH; }
}
