package org.ybdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadline computation. Reference case used throughout: accepted Monday 2026-03-02 with 20 working days. The working
 * days after it are 03-03..03-06, 03-09..03-13, 03-16..03-20, 03-23..03-27 (19), 03-30 (20th), 03-31, 04-01..04-03,
 * then 04-04..04-06 清明节, 04-07, 04-08, ... — so the unpaused due date is 2026-03-30. All expected values are counted
 * by hand from the 2026 notice.
 */
@org.junit.jupiter.api.Tag("calendar")
class DeadlineEngineTest {
    private static final WorkingCalendar CAL = WorkingCalendar.loadDefault();
    private static final DeadlineEngine ENGINE = new DeadlineEngine(CAL);

    private static LocalDate d(String iso) { return LocalDate.parse(iso); }

    private static final LocalDate ACCEPTED = d("2026-03-02");

    private static DeadlineInput twenty(Pause... pauses) {
        return new DeadlineInput(ACCEPTED, 20, List.of(pauses), null);
    }

    private static Pause pause(String from, String to) { return new Pause(d(from), to == null ? null : d(to)); }

    // ------------------------------------------------------------------ WithoutPauses

    @Test
    void dueOnTheTwentiethWorkingDayAfterAcceptance() {
        Deadline dl = ENGINE.compute(twenty(), ACCEPTED);
        assertThat(dl.dueDate()).isEqualTo(d("2026-03-30"));
        assertThat(dl.status()).isEqualTo(DeadlineStatus.NORMAL);
        assertThat(dl.workingDaysLeft()).isEqualTo(20);
        assertThat(dl.paused()).isFalse();
        assertThat(dl.capDate()).isNull();
        assertThat(dl.capReached()).isFalse();
        assertThat(dl.pausedWorkingDays()).isZero();
    }

    @ParameterizedTest(name = "today {0}: {1} left, {2}")
    @CsvSource({
            "2026-03-02, 20, NORMAL",
            "2026-03-24, 4, NORMAL",    // 03-25, 03-26, 03-27, 03-30
            "2026-03-25, 3, NEAR",      // exactly 3 left
            "2026-03-27, 1, NEAR",
            "2026-03-28, 1, NEAR",      // Saturday: only 03-30 left
            "2026-03-30, 0, NEAR",      // due today
            "2026-03-31, -1, OVERDUE",
            "2026-04-03, -4, OVERDUE",  // 03-31, 04-01, 04-02, 04-03
            "2026-04-06, -4, OVERDUE",  // 清明节 does not add to the overdue count
            "2026-04-07, -5, OVERDUE"})
    void statusThresholds(String today, int left, DeadlineStatus status) {
        Deadline dl = ENGINE.compute(twenty(), d(today));
        assertThat(dl.dueDate()).isEqualTo(d("2026-03-30"));
        assertThat(dl.workingDaysLeft()).isEqualTo(left);
        assertThat(dl.status()).isEqualTo(status);
    }

    @Test
    void overdueOnTheWeekendRightAfterAFridayDueDate() {
        // 19 working days -> due Friday 03-27; on Saturday the date has passed, but no working day yet
        Deadline dl = ENGINE.compute(new DeadlineInput(ACCEPTED, 19, List.of(), null), d("2026-03-28"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-03-27"));
        assertThat(dl.status()).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(dl.workingDaysLeft()).isZero();
    }

    @Test
    void instantItemIsDueTheSameDay() {
        DeadlineInput instant = DeadlineInput.of(ACCEPTED, 0);
        Deadline same = ENGINE.compute(instant, ACCEPTED);
        assertThat(same.dueDate()).isEqualTo(ACCEPTED);
        assertThat(same.status()).isEqualTo(DeadlineStatus.NEAR);
        assertThat(same.workingDaysLeft()).isZero();
        Deadline next = ENGINE.compute(instant, d("2026-03-03"));
        assertThat(next.status()).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(next.workingDaysLeft()).isEqualTo(-1);
    }

    @Test
    void acrossSpringFestival() {
        // accepted Fri 2026-02-13: 02-14 (make-up Sat) 1, 02-24 2, 02-25 3, 02-26 4, 02-27 5
        Deadline dl = ENGINE.compute(DeadlineInput.of(d("2026-02-13"), 5), d("2026-02-13"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-02-27"));
        // on 02-16 (a holiday) 02-24, 02-25, 02-26, 02-27 are left
        assertThat(ENGINE.compute(DeadlineInput.of(d("2026-02-13"), 5), d("2026-02-16")).workingDaysLeft())
                .isEqualTo(4);
    }

    @Test
    void todayFromAClockInShanghaiTime() {
        // 16:30 UTC on 03-29 is 00:30 on 03-30 in Shanghai: due today, not tomorrow
        Clock clock = Clock.fixed(Instant.parse("2026-03-29T16:30:00Z"), ZoneOffset.UTC);
        Deadline dl = ENGINE.compute(twenty(), clock);
        assertThat(dl.workingDaysLeft()).isZero();
        assertThat(dl.status()).isEqualTo(DeadlineStatus.NEAR);
    }

    // ------------------------------------------------------------------ Pauses

    @Test
    void pauseShiftsTheDueDateByItsWorkingDays() {
        // (03-10, 03-13] = 03-11, 03-12, 03-13: 3 working days -> 03-30 + 3 = 04-02
        Deadline dl = ENGINE.compute(twenty(pause("2026-03-10", "2026-03-13")), d("2026-03-16"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-04-02"));
        assertThat(dl.pausedWorkingDays()).isEqualTo(3);
        assertThat(dl.paused()).isFalse();
        assertThat(dl.status()).isEqualTo(DeadlineStatus.NORMAL);
        // 03-17..03-20 (4), 03-23..03-27 (5), 03-30, 03-31, 04-01, 04-02 (4)
        assertThat(dl.workingDaysLeft()).isEqualTo(13);
    }

    @Test
    void materialsArrivingOnASaturdayResumeOnMonday() {
        Deadline dl = ENGINE.compute(twenty(pause("2026-03-10", "2026-03-14")), d("2026-03-16"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-04-02"));
        assertThat(dl.pausedWorkingDays()).isEqualTo(3);
    }

    @Test
    void pauseOverAHolidayCountsOnlyItsWorkingDays() {
        // accepted 03-02, 19 counted by 03-27; (03-27, 04-03] = 03-30..04-03: 5 working days paused;
        // next working day after 04-03 is 04-07 (04-04..06 清明节)
        Deadline dl = ENGINE.compute(twenty(pause("2026-03-27", "2026-04-03")), d("2026-04-03"));
        assertThat(dl.pausedWorkingDays()).isEqualTo(5);
        assertThat(dl.dueDate()).isEqualTo(d("2026-04-07"));
        assertThat(dl.workingDaysLeft()).isEqualTo(1);
        assertThat(dl.status()).isEqualTo(DeadlineStatus.NEAR);
    }

    @Test
    void pauseStartingOnTheDayOfAcceptance() {
        // (03-02, 03-04] = 03-03, 03-04 -> 03-30 + 2 = 04-01
        assertThat(ENGINE.compute(twenty(pause("2026-03-02", "2026-03-04")), ACCEPTED).dueDate())
                .isEqualTo(d("2026-04-01"));
    }

    @Test
    void sameDayPauseChangesNothing() {
        assertThat(ENGINE.compute(twenty(pause("2026-03-10", "2026-03-10")), ACCEPTED).dueDate())
                .isEqualTo(d("2026-03-30"));
    }

    @Test
    void pauseAfterTheDueDateDoesNotReviveIt() {
        Deadline dl = ENGINE.compute(twenty(pause("2026-04-01", "2026-04-03")), d("2026-04-08"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-03-30"));
        assertThat(dl.pausedWorkingDays()).isZero();
        assertThat(dl.status()).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(dl.workingDaysLeft()).isEqualTo(-6); // 03-31, 04-01, 04-02, 04-03, 04-07, 04-08
    }

    @Test
    void twoPausesAddUp() {
        // 3 days (03-11..13) + 2 days (03-23, 03-24) -> 03-30 + 5 = 03-31, 04-01, 04-02, 04-03, 04-07
        Deadline dl = ENGINE.compute(
                twenty(pause("2026-03-20", "2026-03-24"), pause("2026-03-10", "2026-03-13")), d("2026-03-25"));
        assertThat(dl.pausedWorkingDays()).isEqualTo(5);
        assertThat(dl.dueDate()).isEqualTo(d("2026-04-07"));
    }

    @Test
    void nestedOrOverlappingPausesCountEachDayOnce() {
        // union (03-10, 03-20] = 03-11, 03-12, 03-13, 03-16..03-20: 8 days -> 03-30 + 8 = 04-10
        Deadline nested = ENGINE.compute(
                twenty(pause("2026-03-10", "2026-03-20"), pause("2026-03-12", "2026-03-16")), d("2026-03-23"));
        assertThat(nested.pausedWorkingDays()).isEqualTo(8);
        assertThat(nested.dueDate()).isEqualTo(d("2026-04-10"));
        Deadline overlapping = ENGINE.compute(
                twenty(pause("2026-03-13", "2026-03-20"), pause("2026-03-10", "2026-03-16")), d("2026-03-23"));
        assertThat(overlapping.dueDate()).isEqualTo(d("2026-04-10"));
    }

    @Test
    void stillPausedProjectsResumptionToday() {
        DeadlineInput in = twenty(pause("2026-03-10", null));
        // on the day of the 补正 notice nothing is paused yet; 03-03..03-10 = 6 counted, 14 left
        Deadline first = ENGINE.compute(in, d("2026-03-10"));
        assertThat(first.status()).isEqualTo(DeadlineStatus.PAUSED);
        assertThat(first.paused()).isTrue();
        assertThat(first.dueDate()).isEqualTo(d("2026-03-30"));
        assertThat(first.workingDaysLeft()).isEqualTo(14);
        // on Friday 03-13: 3 working days paused -> same as materials arriving on 03-13
        Deadline friday = ENGINE.compute(in, d("2026-03-13"));
        assertThat(friday.dueDate()).isEqualTo(d("2026-04-02"));
        assertThat(friday.pausedWorkingDays()).isEqualTo(3);
        assertThat(friday.workingDaysLeft()).isEqualTo(14);
        assertThat(friday.status()).isEqualTo(DeadlineStatus.PAUSED);
        // on Wednesday 03-18: 6 paused -> 03-31, 04-01, 04-02, 04-03, 04-07, 04-08
        Deadline later = ENGINE.compute(in, d("2026-03-18"));
        assertThat(later.dueDate()).isEqualTo(d("2026-04-08"));
        assertThat(later.workingDaysLeft()).isEqualTo(14);
        // once the materials arrive on 03-18 the projection becomes the fact
        Deadline resumed = ENGINE.compute(twenty(pause("2026-03-10", "2026-03-18")), d("2026-03-18"));
        assertThat(resumed.dueDate()).isEqualTo(d("2026-04-08"));
        assertThat(resumed.status()).isEqualTo(DeadlineStatus.NORMAL);
        assertThat(resumed.paused()).isFalse();
    }

    @Test
    void pausedWinsOverNear() {
        // 5 days: 03-03, 03-04, 03-05, 03-06 counted, paused from 03-06; on 03-09 projected due 03-10
        Deadline dl = ENGINE.compute(new DeadlineInput(ACCEPTED, 5, List.of(pause("2026-03-06", null)), null),
                d("2026-03-09"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-03-10"));
        assertThat(dl.workingDaysLeft()).isEqualTo(1);
        assertThat(dl.status()).isEqualTo(DeadlineStatus.PAUSED);
    }

    @Test
    void overdueWinsOverPausedWhenTheDeadlineHadPassedBeforeThePause() {
        // 5 days -> due 03-09; 补正 issued 03-11 cannot revive it
        Deadline dl = ENGINE.compute(new DeadlineInput(ACCEPTED, 5, List.of(pause("2026-03-11", null)), null),
                d("2026-03-13"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-03-09"));
        assertThat(dl.paused()).isTrue();
        assertThat(dl.status()).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(dl.workingDaysLeft()).isEqualTo(-4);
    }

    @Test
    void everyPauseOfThreeCalendarDaysShiftsByItsOwnWorkingDays() {
        // invariant over many start days: shift = working days in (from, to]
        LocalDate base = d("2026-03-30");
        for (LocalDate from = ACCEPTED; from.isBefore(d("2026-03-27")); from = from.plusDays(1)) {
            LocalDate to = from.plusDays(3);
            Deadline dl = ENGINE.compute(twenty(new Pause(from, to)), to);
            int shift = CAL.workingDaysBetween(from, to);
            assertThat(dl.pausedWorkingDays()).as("pause from %s", from).isEqualTo(shift);
            assertThat(dl.dueDate()).as("pause from %s", from).isEqualTo(CAL.addWorkingDays(base, shift));
        }
    }

    @Test
    void workingDaysElapsedCountsOnlyCountedDays() {
        assertThat(ENGINE.workingDaysElapsed(twenty(), ACCEPTED)).isZero();
        assertThat(ENGINE.workingDaysElapsed(twenty(), d("2026-03-06"))).isEqualTo(4);
        // 03-03..03-10 (6) + 03-16, 03-17, 03-18
        assertThat(ENGINE.workingDaysElapsed(twenty(pause("2026-03-10", "2026-03-13")), d("2026-03-18")))
                .isEqualTo(9);
        assertThat(ENGINE.workingDaysElapsed(twenty(pause("2026-03-10", null)), d("2026-03-18"))).isEqualTo(6);
        // keeps counting past the due date: March has 21 after 03-02, then 04-01, 04-02, 04-03, 04-07
        assertThat(ENGINE.workingDaysElapsed(twenty(), d("2026-04-07"))).isEqualTo(25);
    }

    // ------------------------------------------------------------------ Cap

    // accepted Tue 2026-09-01, cap 3 months -> 2026-12-01 (Tue). Working days in (09-01, 12-01]:
    // September 21 (incl. Sun 09-20, without 09-25), October 18 (without 10-01,02,05,06,07, with Sat 10-10),
    // November 21, 12-01: 61 in all. So the 60th is 11-30, the 61st is 12-01.
    private static final LocalDate CAP_ACCEPTED = d("2026-09-01");

    private DeadlineInput capped(int days, Pause... pauses) {
        return new DeadlineInput(CAP_ACCEPTED, days, List.of(pauses), 3);
    }

    @ParameterizedTest(name = "{0} working days -> {1}, cap reached {2}")
    @CsvSource({
            "60, 2026-11-30, false",
            "61, 2026-12-01, false",
            "62, 2026-12-01, true",
            "200, 2026-12-01, true"})   // would run into 2027, but the cap stops the count first
    void capLimitsTheDueDate(int days, String due, boolean capReached) {
        Deadline dl = ENGINE.compute(capped(days), CAP_ACCEPTED);
        assertThat(dl.capDate()).isEqualTo(d("2026-12-01"));
        assertThat(dl.dueDate()).isEqualTo(d(due));
        assertThat(dl.capReached()).isEqualTo(capReached);
    }

    @Test
    void pausedTimeCountsTowardTheCap() {
        // 60 days with (11-02, 11-30] paused (20 working days) would end in late December; cap wins
        Deadline dl = ENGINE.compute(capped(60, pause("2026-11-02", "2026-11-30")), d("2026-11-30"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-12-01"));
        assertThat(dl.capReached()).isTrue();
        assertThat(dl.pausedWorkingDays()).isEqualTo(20);
        assertThat(dl.workingDaysLeft()).isEqualTo(1);
        assertThat(dl.status()).isEqualTo(DeadlineStatus.NEAR);

        Deadline after = ENGINE.compute(capped(60, pause("2026-11-02", "2026-11-30")), d("2026-12-02"));
        assertThat(after.status()).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(after.workingDaysLeft()).isEqualTo(-1);
    }

    @Test
    void capPassesWhileStillPaused() {
        Deadline dl = ENGINE.compute(capped(60, pause("2026-11-02", null)), d("2026-12-03"));
        assertThat(dl.paused()).isTrue();
        assertThat(dl.capReached()).isTrue();
        assertThat(dl.dueDate()).isEqualTo(d("2026-12-01"));
        assertThat(dl.status()).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(dl.workingDaysLeft()).isEqualTo(-2);
    }

    @Test
    void nearTheCap() {
        // 11-27, 11-30, 12-01
        Deadline dl = ENGINE.compute(capped(62), d("2026-11-26"));
        assertThat(dl.workingDaysLeft()).isEqualTo(3);
        assertThat(dl.status()).isEqualTo(DeadlineStatus.NEAR);
    }

    @Test
    void capIsCountedInCalendarMonthsClampedToMonthEnd() {
        Deadline dl = ENGINE.compute(new DeadlineInput(d("2025-11-30"), 20, List.of(), 3), d("2025-11-30"));
        assertThat(dl.capDate()).isEqualTo(d("2026-02-28"));
        assertThat(dl.capReached()).isFalse();
    }

    @Test
    void capInAnUnknownYearIsFineWhenTheCountEndsBefore() {
        // accepted Mon 11-02: 11-03..11-30 are exactly 20 working days; the cap (2027-02-02) is never needed
        Deadline dl = ENGINE.compute(new DeadlineInput(d("2026-11-02"), 20, List.of(), 3), d("2026-11-02"));
        assertThat(dl.dueDate()).isEqualTo(d("2026-11-30"));
        assertThat(dl.capDate()).isEqualTo(d("2027-02-02"));
        assertThat(dl.capReached()).isFalse();
    }

    // ------------------------------------------------------------------ OutsideTheCalendar

    @Test
    void dueDateIn2027IsProvisional() {
        // (replaced in issue 10: 2027 used to be refused) 2026-12-02..12-31 are 22 working days; 2027-01-01 元旦
        // (by law), 01-04..01-08 and 01-11..01-13: the 30th is 2027-01-13, answered from the law and marked 暂定
        Deadline dl = ENGINE.compute(DeadlineInput.of(d("2026-12-01"), 30), d("2026-12-01"));
        assertThat(dl.dueDate()).isEqualTo(d("2027-01-13"));
        assertThat(dl.provisional()).isTrue();
        assertThat(dl.provisionalYears()).containsExactly(2027);
        assertThat(dl.provisionalReason()).isEqualTo("2027年节假日安排尚未公布，按法定节假日暂定").doesNotContain("导入");
        // the brief's example: accepted Mon 2026-12-07, 20 working days -> Tue 2027-01-05
        assertThat(ENGINE.compute(DeadlineInput.of(d("2026-12-07"), 20), d("2026-12-07")).dueDate())
                .isEqualTo(d("2027-01-05"));
        Deadline capped = ENGINE.compute(new DeadlineInput(d("2026-11-02"), 60, List.of(), 3), d("2026-11-02"));
        assertThat(capped.provisional()).isTrue();
        assertThat(capped.dueDate()).isBefore(d("2027-02-03"));
    }

    @Test
    void dueDateInsideThePublishedYearsIsNotProvisional() {
        Deadline dl = ENGINE.compute(DeadlineInput.of(d("2026-11-02"), 20), d("2026-11-02"));
        assertThat(dl.provisional()).isFalse();
        assertThat(dl.provisionalReason()).isNull();
    }

    @Test
    void todayIn2027IsCountedProvisionallyButTheDueDateIsNot() {
        // due 2026-12-08; on 2027-01-05 it is 19 working days overdue (12-09..12-31: 17; 01-01 元旦; 01-04, 01-05)
        DeadlineInput in = DeadlineInput.of(d("2026-12-01"), 5);
        assertThat(ENGINE.compute(in, d("2026-12-01")).dueDate()).isEqualTo(d("2026-12-08"));
        Deadline late = ENGINE.compute(in, d("2027-01-05"));
        assertThat(late.status()).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(late.workingDaysLeft()).isEqualTo(-19);
        assertThat(late.provisional()).isFalse();
    }

    @Test
    void acceptanceIn2024IsRefused() {
        assertThatThrownBy(() -> ENGINE.compute(DeadlineInput.of(d("2024-12-30"), 1), d("2024-12-30")))
                .isInstanceOfSatisfying(DateOutsideCalendarException.class,
                        e -> assertThat(e.date()).isEqualTo(d("2024-12-31")))
                .hasMessageContaining("请导入2024年节假日安排");
    }

    // ------------------------------------------------------------------ InputChecks

    @Test
    void invalidInputIsRejectedInChinese() {
        assertThatThrownBy(() -> DeadlineInput.of(ACCEPTED, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("办理时限不能为负数（-1个工作日）");
        assertThatThrownBy(() -> new DeadlineInput(ACCEPTED, 20, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("最长期限必须至少为1个月（当前为0个月）");
        assertThatThrownBy(() -> twenty(pause("2026-03-01", "2026-03-03")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("补正暂停开始日期 2026-03-01 早于受理日期 2026-03-02");
        assertThatThrownBy(() -> pause("2026-03-10", "2026-03-09"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("补正暂停的恢复日期 2026-03-09 早于开始日期 2026-03-10");
        assertThatThrownBy(() -> ENGINE.compute(twenty(), d("2026-03-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("当前日期 2026-03-01 早于受理日期 2026-03-02");
    }

    @Test
    void statusLabelsComeFromTheBundle() {
        assertThat(DeadlineStatus.NORMAL.label()).isEqualTo("正常");
        assertThat(DeadlineStatus.NEAR.label()).isEqualTo("临近");
        assertThat(DeadlineStatus.OVERDUE.label()).isEqualTo("逾期");
        assertThat(DeadlineStatus.PAUSED.label()).isEqualTo("暂停计时");
    }
}
