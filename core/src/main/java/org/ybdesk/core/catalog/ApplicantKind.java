package org.ybdesk.core.catalog;

/** Who applies for an item: an insured unit, an insured person, or a (designated) medical institution or pharmacy. */
public enum ApplicantKind {
    UNIT,
    PERSON,
    INSTITUTION;

    public String label() {
        return org.ybdesk.core.i18n.Messages.bundle("org.ybdesk.core.catalog.messages").get("applicantKind." + name());
    }
}
