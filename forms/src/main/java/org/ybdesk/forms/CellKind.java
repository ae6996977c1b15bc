package org.ybdesk.forms;

/** What a cell of a reference form (or a column of its detail table) holds. */
public enum CellKind {
    /** Printed text only (a caption, a declaration); may contain {@code {key}} placeholders that are filled in. */
    TEXT,
    /** A label and a value bound to one or more field keys. */
    FIELD,
    /** A label and 「□ option」 boxes; the box matching the bound value is ticked. */
    CHOICE,
    /** A place for a handwritten signature, fingerprint or stamp; never filled by the desk. */
    SIGN,
    /** Detail tables only: the row number (序号). */
    SEQ
}
