package org.ybdesk.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A 补正 period during which the processing clock stands still. The clock stops on {@code from} (that day itself
 * still counts) and resumes on {@code to}, the day the materials arrive, which does not count either: the working
 * days in {@code (from, to]} are not counted, counting resumes on the next working day after {@code to}.
 *
 * @param from the day the 补正 notice was issued
 * @param to   the day the complete materials arrived; {@code null} while still paused
 */
public record Pause(LocalDate from, LocalDate to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException(CalendarTexts.get("deadline.error.pauseEndsBeforeStart", from, to));
        }
    }

    /** A pause that has not ended yet. */
    public static Pause open(LocalDate from) { return new Pause(from, null); }

    /** Whether the materials are still awaited. */
    public boolean isOpen() { return to == null; }

    /**
     * Whether the clock stands still on {@code day}, i.e. {@code from < day <= end}, where an open pause is taken to
     * end on {@code today} (resumption assumed today).
     */
    boolean stops(LocalDate day, LocalDate today) {
        LocalDate end = to != null ? to : today;
        return day.isAfter(from) && !day.isAfter(end);
    }
}
