package org.ybdesk.core.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a deadline is computed from.
 *
 * @param acceptedOn  the day of acceptance (受理日); it is not counted
 * @param workingDays the statutory time limit in working days; 0 means 即时办结 (due the same day)
 * @param pauses      the 补正 periods, in any order, possibly overlapping; at most one should be open
 * @param capMonths   the outer limit in calendar months counted from acceptance, paused time included
 *                    (items 25/26: 特殊情况不能超过3个月); {@code null} when there is none
 */
public record DeadlineInput(LocalDate acceptedOn, int workingDays, List<Pause> pauses, Integer capMonths) {

    public DeadlineInput {
        Objects.requireNonNull(acceptedOn, "acceptedOn");
        if (workingDays < 0) {
            throw new IllegalArgumentException(
                    CalendarTexts.get("deadline.error.workingDaysNegative", workingDays));
        }
        if (capMonths != null && capMonths < 1) {
            throw new IllegalArgumentException(CalendarTexts.get("deadline.error.capMonthsInvalid", capMonths));
        }
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        for (Pause pause : pauses) {
            if (pause.from().isBefore(acceptedOn)) {
                throw new IllegalArgumentException(
                        CalendarTexts.get("deadline.error.pauseBeforeAcceptance", pause.from(), acceptedOn));
            }
        }
    }

    /** No pauses, no cap. */
    public static DeadlineInput of(LocalDate acceptedOn, int workingDays) {
        return new DeadlineInput(acceptedOn, workingDays, List.of(), null);
    }

    /** Whether a 补正 is currently awaited. */
    public boolean hasOpenPause() {
        return pauses.stream().anyMatch(Pause::isOpen);
    }
}
