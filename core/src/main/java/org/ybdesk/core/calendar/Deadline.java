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
 */
public record Deadline(LocalDate dueDate, DeadlineStatus status, int workingDaysLeft, boolean paused,
                       LocalDate capDate, boolean capReached, int pausedWorkingDays) {

    public boolean overdue() { return status == DeadlineStatus.OVERDUE; }
}
