package org.ybdesk.core.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Calendar data that cannot be used: unreadable YAML or an arrangement that breaks a rule (a make-up working day
 * that is not a weekend day, a holiday date outside its year, a day that is both holiday and make-up day, ...).
 * The message is user-facing Chinese and names the offending date when there is one.
 */
public class CalendarDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient LocalDate date;

    public CalendarDataException(String message, LocalDate date) {
        super(message);
        this.date = date;
    }

    public CalendarDataException(String message, Throwable cause) {
        super(message, cause);
        this.date = null;
    }

    /** The offending date, if the problem is about one date. */
    public Optional<LocalDate> date() { return Optional.ofNullable(date); }
}
