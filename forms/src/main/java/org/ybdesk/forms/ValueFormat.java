package org.ybdesk.forms;

/** How a bound value is printed. */
public enum ValueFormat {
    /** As given. */
    PLAIN,
    /** A date printed as 「2026年1月5日」 (pattern in messages.properties). */
    DATE,
    /** A date printed as year and month only, 「2026年1月」. */
    YEAR_MONTH
}
