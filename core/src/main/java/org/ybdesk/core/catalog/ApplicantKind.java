package org.ybdesk.core.catalog;

/** Who applies for an item: an insured unit, an insured person, or a (designated) medical institution or pharmacy. */
public enum ApplicantKind {
    UNIT("参保单位"),
    PERSON("参保人员"),
    INSTITUTION("医药机构");

    private final String label;

    ApplicantKind(String label) { this.label = label; }

    public String label() { return label; }
}
