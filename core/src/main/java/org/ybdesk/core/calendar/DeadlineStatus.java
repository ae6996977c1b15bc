package org.ybdesk.core.calendar;

/** Where a case stands against its deadline. Labels come from the calendar message bundle. */
public enum DeadlineStatus {
    /** More than {@value DeadlineEngine#NEAR_WORKING_DAYS} working days left. */
    NORMAL,
    /** Between 0 and {@value DeadlineEngine#NEAR_WORKING_DAYS} working days left (due today counts as near). */
    NEAR,
    /** The due date has passed. */
    OVERDUE,
    /** The clock is stopped for 补正. */
    PAUSED;

    /** The user-facing label (正常 / 临近 / 逾期 / 暂停计时). */
    public String label() {
        return CalendarTexts.get("deadline.status." + name());
    }
}
