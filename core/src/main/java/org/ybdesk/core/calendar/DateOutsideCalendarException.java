package org.ybdesk.core.calendar;

import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A date was needed whose year is not in the working calendar (its holiday notice has not been imported).
 * Such a date is never treated as a plain weekday: the caller has to show this message and ask for the import.
 */
public class DateOutsideCalendarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient LocalDate date;
    private final SortedSet<Integer> knownYears;

    public DateOutsideCalendarException(LocalDate date, Set<Integer> knownYears) {
        super(message(date, knownYears));
        this.date = date;
        this.knownYears = new TreeSet<>(knownYears);
    }

    /** The date that lies outside the calendar. */
    public LocalDate date() { return date; }

    /** The year whose holiday arrangement is missing. */
    public int missingYear() { return date.getYear(); }

    /** The years the calendar knows. */
    public SortedSet<Integer> knownYears() { return new TreeSet<>(knownYears); }

    private static String message(LocalDate date, Set<Integer> knownYears) {
        if (knownYears.isEmpty()) {
            return CalendarTexts.get("calendar.outside.noYears", date, date.getYear());
        }
        return CalendarTexts.get("calendar.outside", date, formatYears(knownYears), date.getYear());
    }

    /** Years as runs: {@code 2025–2026}, {@code 2023、2025–2026}. */
    static String formatYears(Set<Integer> years) {
        StringBuilder out = new StringBuilder();
        Integer runStart = null;
        Integer previous = null;
        for (int year : new TreeSet<>(years)) {
            if (previous != null && year == previous + 1) {
                previous = year;
                continue;
            }
            appendRun(out, runStart, previous);
            runStart = year;
            previous = year;
        }
        appendRun(out, runStart, previous);
        return out.toString();
    }

    private static void appendRun(StringBuilder out, Integer start, Integer end) {
        if (start == null) {
            return;
        }
        if (out.length() > 0) {
            out.append('、');
        }
        out.append(start);
        if (!start.equals(end)) {
            out.append('–').append(end);
        }
    }
}
