package org.ybdesk.core.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A statutory holiday of one year as announced by the State Council (e.g. 春节), with all its days off
 * (放假调休 days, including the weekend days inside the holiday period). The days are kept sorted and distinct.
 * The consistency rules (dates inside the year, no overlap with make-up working days) are checked by
 * {@link WorkingCalendar} when a calendar is built.
 */
public record Holiday(String name, List<LocalDate> days) {

    public Holiday {
        days = days == null ? List.of() : days.stream().map(Objects::requireNonNull).distinct().sorted().toList();
    }

    /** A holiday covering every day from {@code from} to {@code to}, both inclusive. */
    public static Holiday range(String name, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new CalendarDataException(
                    CalendarTexts.get("calendar.error.holidayRangeReversed", name, from, to), from);
        }
        return new Holiday(name, from.datesUntil(to.plusDays(1)).toList());
    }

    /** First day off. */
    public LocalDate first() { return days.get(0); }

    /** Last day off. */
    public LocalDate last() { return days.get(days.size() - 1); }

    /** Whether the days form one uninterrupted range (so they can be written as from/to). */
    public boolean contiguous() {
        return !days.isEmpty() && first().plusDays(days.size() - 1L).equals(last());
    }
}
