package org.ybdesk.core.catalog;

/** 办件类型: 即办件 (finished at the window) or 承诺件 (finished within a promised time limit). */
public enum CaseType {
    INSTANT,
    PROMISED;

    /** The rulebook's word, e.g. 承诺件 (from the catalog bundle). */
    public String label() {
        return org.ybdesk.core.i18n.Messages.bundle("org.ybdesk.core.catalog.messages").get("caseType." + name());
    }
}
