package org.ybdesk.core.calendar;

import java.time.LocalDate;

/**
 * A computed deadline.
 *
 * @param dueDate           the effective last day for completion (the cap applied); while paused, projected
 *                          assuming the materials arrive today
 * @param status            see {@link DeadlineEngine#compute}
 * @param workingDaysLeft   counted working days after today up to and including {@code dueDate}; when overdue, minus
 *                          the number of working days after {@code dueDate} up to and including today (which is 0 if
 *                          no working day has passed since, e.g. on the weekend right after the due date)
 * @param paused            whether a 补正 is currently awaited
 * @param capDate           acceptance plus the cap months, or {@code null} when the item has no cap
 * @param capReached        whether the cap, not the working-day count, determines {@code dueDate}
 * @param pausedWorkingDays the working days not counted because of 补正 (up to the due date)
 * @param provisionalYears  the years without a published notice among the days inspected to reach {@code dueDate}
 *                          (answered from the law's holidays, {@link StatutoryHolidays}); empty when none
 * @param provisionalReason why the date is provisional (「2027年节假日安排尚未公布，按法定节假日暂定」), null when not
 */
public record Deadline(LocalDate dueDate, DeadlineStatus status, int workingDaysLeft, boolean paused,
                       LocalDate capDate, boolean capReached, int pausedWorkingDays,
                       java.util.SortedSet<Integer> provisionalYears, String provisionalReason) {

    public Deadline {
        provisionalYears = provisionalYears == null ? java.util.Collections.emptySortedSet()
                : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(provisionalYears));
    }

    /** A deadline answered from published notices only. */
    public Deadline(LocalDate dueDate, DeadlineStatus status, int workingDaysLeft, boolean paused,
                    LocalDate capDate, boolean capReached, int pausedWorkingDays) {
        this(dueDate, status, workingDaysLeft, paused, capDate, capReached, pausedWorkingDays, null, null);
    }

    /** Whether the due date rests on a year whose holiday notice is not yet published (暂定). */
    public boolean provisional() { return !provisionalYears.isEmpty(); }

    public boolean overdue() { return status == DeadlineStatus.OVERDUE; }
}
