package org.ybdesk.core.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Computes processing deadlines (办理时限) on a {@link WorkingCalendar}. Dates are always counted in working days of
 * the calendar, never by adding days.
 *
 * <p>Rules:
 * <ul>
 *   <li>The day of acceptance is not counted; the due date is the N-th <em>counted</em> working day after it.
 *       N = 0 (即时办结) means due on the day of acceptance.</li>
 *   <li>A working day is not counted while the clock stands still for 补正: the days in {@code (from, to]} of each
 *       {@link Pause} (several pauses may overlap; a day is skipped once). So each pause moves the due date by
 *       exactly the number of working days it covers, unless the due date was reached before the pause began.</li>
 *   <li>While a pause is still open the due date is a projection: it assumes the materials arrive today (today is
 *       then the resumption day and is not counted). It moves by one working day for each further working day of
 *       waiting.</li>
 *   <li>Cap (items 25/26, 特殊情况不能超过3个月): {@code capDate = acceptedOn.plusMonths(capMonths)}, in calendar months
 *       (end of month clamped, e.g. 11-30 + 3 months = 02-28), and paused time counts toward the cap: a 补正 never
 *       moves the cap date. The effective due date is the earlier of the working-day due date and the cap date.</li>
 * </ul>
 * Days beyond the effective due date are not inspected, so a cap date or due date inside the calendar does not need
 * the following year. A day of a year without a published notice is answered from the law's holidays and makes the
 * deadline {@link Deadline#provisional() provisional}; any day that must be inspected and lies before the calendar
 * raises {@link DateOutsideCalendarException}, which the caller shows as is.
 */
public final class DeadlineEngine {
    /** Time zone of the agencies; "today" is the date in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Up to this many working days left (inclusive) the status is {@link DeadlineStatus#NEAR}. */
    public static final int NEAR_WORKING_DAYS = 3;

    private final WorkingCalendar calendar;

    public DeadlineEngine(WorkingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public WorkingCalendar calendar() { return calendar; }

    /** {@link #compute(DeadlineInput, LocalDate)} with today taken from {@code clock} in {@link #ZONE}. */
    public Deadline compute(DeadlineInput in, Clock clock) {
        return compute(in, LocalDate.now(clock.withZone(ZONE)));
    }

    /**
     * The deadline of a case as seen on {@code today}.
     *
     * <p>Status: {@link DeadlineStatus#OVERDUE} when {@code today} is after the (effective) due date — even while
     * paused, since a pause cannot revive a deadline that had already passed or a cap that has passed; otherwise
     * {@link DeadlineStatus#PAUSED} while a 补正 is awaited (the due date is then projected as if the materials
     * arrived today); otherwise {@link DeadlineStatus#NEAR} with 0 to {@value #NEAR_WORKING_DAYS} working days left,
     * else {@link DeadlineStatus#NORMAL}.
     *
     * @throws IllegalArgumentException     if {@code today} is before the day of acceptance
     * @throws DateOutsideCalendarException if a day that must be inspected lies outside the calendar
     */
    public Deadline compute(DeadlineInput in, LocalDate today) {
        requireNotBeforeAcceptance(in, today);
        LocalDate accepted = in.acceptedOn();
        LocalDate capDate = in.capMonths() == null ? null : accepted.plusMonths(in.capMonths());
        boolean paused = in.pauses().stream().anyMatch(p -> p.isOpen() && !p.from().isAfter(today));

        LocalDate due = accepted;
        boolean capReached = false;
        int pausedDays = 0;
        if (in.workingDays() > 0) {
            int counted = 0;
            for (LocalDate day = accepted.plusDays(1); ; day = day.plusDays(1)) {
                if (capDate != null && day.isAfter(capDate)) {
                    due = capDate;
                    capReached = true;
                    break;
                }
                if (!calendar.isWorkingDay(day)) {
                    continue;
                }
                if (stopped(in, day, today)) {
                    pausedDays++;
                    continue;
                }
                if (++counted == in.workingDays()) {
                    due = day;
                    break;
                }
            }
        }

        int left;
        DeadlineStatus status;
        if (today.isAfter(due)) {
            left = -calendar.workingDaysBetween(due, today);
            status = DeadlineStatus.OVERDUE;
        } else {
            left = countedBetween(in, today, due, today);
            if (paused) {
                status = DeadlineStatus.PAUSED;
            } else if (left <= NEAR_WORKING_DAYS) {
                status = DeadlineStatus.NEAR;
            } else {
                status = DeadlineStatus.NORMAL;
            }
        }
        java.util.SortedSet<Integer> provisional = due.isAfter(accepted)
                ? calendar.provisionalYears(accepted.plusDays(1), due) : java.util.Collections.emptySortedSet();
        return new Deadline(due, status, left, paused, capDate, capReached, pausedDays, provisional,
                provisional.isEmpty() ? null : WorkingCalendar.provisionalReason(provisional));
    }

    /**
     * The counted working days elapsed since acceptance up to and including {@code today}: working days after the
     * day of acceptance, without the days the clock stood still (an open pause counts as ending today). Not limited
     * to the time limit: it keeps growing after the due date.
     */
    public int workingDaysElapsed(DeadlineInput in, LocalDate today) {
        requireNotBeforeAcceptance(in, today);
        return countedBetween(in, in.acceptedOn(), today, today);
    }

    /** Counted working days in {@code (fromExclusive, toInclusive]}. */
    private int countedBetween(DeadlineInput in, LocalDate fromExclusive, LocalDate toInclusive, LocalDate today) {
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day) && !stopped(in, day, today)) {
                count++;
            }
        }
        return count;
    }

    private static boolean stopped(DeadlineInput in, LocalDate day, LocalDate today) {
        for (Pause pause : in.pauses()) {
            if (pause.stops(day, today)) {
                return true;
            }
        }
        return false;
    }

    private static void requireNotBeforeAcceptance(DeadlineInput in, LocalDate today) {
        if (today.isBefore(in.acceptedOn())) {
            throw new IllegalArgumentException(
                    CalendarTexts.get("deadline.error.todayBeforeAcceptance", today, in.acceptedOn()));
        }
    }
}
