package org.ybdesk.forms;

/** How the intake wizard should render a field (a hint; the desk maps it to its own components). */
public enum Widget {
    /** One-line text input. */
    TEXT_FIELD,
    /** Several lines of free text. */
    TEXT_AREA,
    /** A date input (typed as 2026-01-31, with a picker). */
    DATE,
    /** Radio buttons, one per option: few and short options. */
    RADIO,
    /** A drop-down list (type-ahead): many or long options. */
    COMBO
}
