package org.ybdesk.core.catalog;

/** 办件类型: 即办件 (finished at the window) or 承诺件 (finished within a promised time limit). */
public enum CaseType {
    INSTANT("即办件"),
    PROMISED("承诺件");

    private final String label;

    CaseType(String label) { this.label = label; }

    /** The rulebook's word, e.g. 承诺件. */
    public String label() { return label; }
}
