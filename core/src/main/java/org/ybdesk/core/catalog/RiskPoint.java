package org.ybdesk.core.catalog;

/** 风险点 with its 风险描述. */
public record RiskPoint(String point, String description) {
}
