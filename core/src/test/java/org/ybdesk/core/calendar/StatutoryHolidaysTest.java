package org.ybdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The holidays the law fixes (《全国年节及纪念日放假办法》, 2024 revision) for years whose notice is not published.
 * Lunar dates and 清明 are checked against the published calendars (they are astronomical facts, not guesses).
 */
@org.junit.jupiter.api.Tag("calendar")
class StatutoryHolidaysTest {
    private static final WorkingCalendar PUBLISHED = WorkingCalendar.loadDefault();

    private static LocalDate d(String iso) { return LocalDate.parse(iso); }

    @ParameterizedTest(name = "春节 {0}: 正月初一 {1}")
    @CsvSource({"2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
            "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
            "2030, 2030-02-03",
            // 2033/34: the leap month is the 11th (闰十一月 begins 2033-12-22), so 2034's new year is 02-19
            "2033, 2033-01-31", "2034, 2034-02-19"})
    void springFestival(int year, String day) {
        assertThat(ChineseAstronomy.springFestival(year)).isEqualTo(d(day));
    }

    @ParameterizedTest(name = "{0}: 端午 {1}, 中秋 {2}")
    @CsvSource({"2020, 2020-06-25, 2020-10-01", "2023, 2023-06-22, 2023-09-29", "2025, 2025-05-31, 2025-10-06",
            "2026, 2026-06-19, 2026-09-25", "2027, 2027-06-09, 2027-09-15", "2028, 2028-05-28, 2028-10-03",
            "2029, 2029-06-16, 2029-09-22", "2030, 2030-06-05, 2030-09-12"})
    void dragonBoatAndMidAutumn(int year, String dragonBoat, String midAutumn) {
        assertThat(ChineseAstronomy.lunarDate(year, 5, 5)).isEqualTo(d(dragonBoat));
        assertThat(ChineseAstronomy.lunarDate(year, 8, 15)).isEqualTo(d(midAutumn));
    }

    @ParameterizedTest(name = "清明 {0}")
    @ValueSource(strings = {"2022-04-05", "2023-04-05", "2024-04-04", "2025-04-04", "2026-04-05", "2027-04-05",
            "2028-04-04", "2029-04-04", "2030-04-05"})
    void qingming(String day) {
        assertThat(ChineseAstronomy.qingming(d(day).getYear())).isEqualTo(d(day));
    }

    /**
     * Every day the law gives (with its 补假) must be a day off in the published notices of 2025 and 2026. The
     * notices give more (bridge days such as 2026-02-15..23, balanced by 调休 working Saturdays/Sundays), which the
     * law alone cannot know: that is why a year without its notice is provisional.
     */
    @ParameterizedTest(name = "{0}: the law's days are holidays in the notice")
    @ValueSource(ints = {2025, 2026})
    void everyStatutoryDayIsAHolidayInThePublishedNotice(int year) {
        CalendarYear law = StatutoryHolidays.year(year);
        for (Holiday h : law.holidays()) {
            for (LocalDate day : h.days()) {
                assertThat(PUBLISHED.isWorkingDay(day)).as("%s %s in the %d notice", h.name(), day, year).isFalse();
                assertThat(PUBLISHED.isMakeUpWorkday(day)).isFalse();
            }
        }
        assertThat(law.makeUpWorkdays()).as("the law sets no 调休").isEmpty();
    }

    @Test
    void year2026ByLaw() {
        Map<String, List<LocalDate>> byName = names(StatutoryHolidays.year(2026));
        assertThat(byName.keySet()).containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
        // 除夕 Mon 02-16 .. 初三 Thu 02-19, no weekend day
        assertThat(byName.get("春节")).containsExactly(d("2026-02-16"), d("2026-02-17"), d("2026-02-18"),
                d("2026-02-19"));
        // 清明 Sun 04-05 -> 补假 Mon 04-06
        assertThat(byName.get("清明节")).containsExactly(d("2026-04-05"), d("2026-04-06"));
        // 劳动节 Fri 05-01, Sat 05-02 -> 补假 Mon 05-04
        assertThat(byName.get("劳动节")).containsExactly(d("2026-05-01"), d("2026-05-02"), d("2026-05-04"));
        // 国庆 Thu 10-01 .. Sat 10-03 -> 补假 Mon 10-05
        assertThat(byName.get("国庆节")).containsExactly(d("2026-10-01"), d("2026-10-02"), d("2026-10-03"),
                d("2026-10-05"));
    }

    @Test
    void year2027ByLaw() {
        Map<String, List<LocalDate>> byName = names(StatutoryHolidays.year(2027));
        assertThat(byName.get("元旦")).containsExactly(d("2027-01-01"));                   // Fri
        // 除夕 Fri 02-05, 初一 Sat 02-06, 初二 Sun 02-07, 初三 Mon 02-08 -> 补假 Tue 02-09, Wed 02-10
        assertThat(byName.get("春节")).containsExactly(d("2027-02-05"), d("2027-02-06"), d("2027-02-07"),
                d("2027-02-08"), d("2027-02-09"), d("2027-02-10"));
        assertThat(byName.get("清明节")).containsExactly(d("2027-04-05"));                 // Mon
        // 劳动节 Sat 05-01, Sun 05-02 -> Mon 05-03, Tue 05-04
        assertThat(byName.get("劳动节")).containsExactly(d("2027-05-01"), d("2027-05-02"), d("2027-05-03"),
                d("2027-05-04"));
        assertThat(byName.get("端午节")).containsExactly(d("2027-06-09"));                 // Wed
        assertThat(byName.get("中秋节")).containsExactly(d("2027-09-15"));                 // Wed
        // 国庆 Fri 10-01, Sat 10-02, Sun 10-03 -> Mon 10-04, Tue 10-05
        assertThat(byName.get("国庆节")).containsExactly(d("2027-10-01"), d("2027-10-02"), d("2027-10-03"),
                d("2027-10-04"), d("2027-10-05"));
    }

    @Test
    void overlappingHolidaysCountOnceUnderTheNoticesName() {
        // 2028: 中秋 Tue 10-03 lies inside 国庆 (Sun 10-01 .. Tue 10-03): one holiday, 10-01 made up on Wed 10-04
        Map<String, List<LocalDate>> byName = names(StatutoryHolidays.year(2028));
        assertThat(byName).doesNotContainKeys("国庆节", "中秋节");
        assertThat(byName.get("国庆节、中秋节")).containsExactly(d("2028-10-01"), d("2028-10-02"), d("2028-10-03"),
                d("2028-10-04"));
        // 元旦 Sat 2028-01-01 -> Mon 01-03
        assertThat(byName.get("元旦")).containsExactly(d("2028-01-01"), d("2028-01-03"));
    }

    @Test
    void everyYearBuildsAValidCalendar() {
        for (int y = StatutoryHolidays.FIRST_YEAR; y <= StatutoryHolidays.LAST_YEAR; y++) {
            CalendarYear law = StatutoryHolidays.year(y);
            WorkingCalendar.of(List.of(law)); // validated: days inside the year, no day twice
            long days = law.holidays().stream().mapToLong(h -> h.days().size()).sum();
            assertThat(days).as("%d: 13 days by law, a few more 补假, overlaps once", y).isBetween(12L, 20L);
        }
    }

    @Test
    void yearsTheLawDoesNotGovernAreRefused() {
        assertThatThrownBy(() -> StatutoryHolidays.year(2024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024年无法按法定节假日推算");
    }

    @Test
    void provisionalAnswersAreMarkedAndPublishedYearsWin() {
        WorkingCalendar cal = PUBLISHED;
        assertThat(cal.isWorkingDay(d("2027-02-09"))).isFalse();        // 补假 for 初一 on Saturday
        assertThat(cal.holidayName(d("2027-02-09"))).contains("春节");
        assertThat(cal.isMakeUpWorkday(d("2027-02-20"))).isFalse();     // no 调休 without the notice
        assertThat(cal.provisionalYears(d("2026-12-01"), d("2028-01-05"))).containsExactly(2027, 2028);
        assertThat(cal.isProvisional(d("2101-01-01"))).isFalse();
        assertThatThrownBy(() -> cal.isWorkingDay(d("2101-01-01"))).isInstanceOf(DateOutsideCalendarException.class);
        // a published arrangement replaces the law's (here a fictional one with 01-04 as a holiday)
        WorkingCalendar with2027 = cal.withYear(new CalendarYear(2027, "测试用（虚构）", List.of(
                Holiday.range("元旦", d("2027-01-01"), d("2027-01-04"))), List.of(d("2027-01-09"))));
        assertThat(with2027.isProvisional(d("2027-01-04"))).isFalse();
        assertThat(with2027.isWorkingDay(d("2027-01-04"))).isFalse();
        assertThat(with2027.isWorkingDay(d("2027-02-09"))).isTrue();    // the law's 补假 is gone with the notice
    }

    @Test
    void administratorsAreWarnedFromOctoberFirst() {
        assertThat(PUBLISHED.missingNextYear(d("2026-09-30"))).isEmpty();
        assertThat(PUBLISHED.missingNextYear(d("2026-10-01"))).contains(2027);
        assertThat(PUBLISHED.missingNextYear(d("2025-10-01"))).isEmpty();   // 2026 is published
        assertThat(WorkingCalendar.missingYearWarning(2027)).contains("2027年节假日安排尚未导入", "暂定");
    }

    private static Map<String, List<LocalDate>> names(CalendarYear y) {
        Map<String, List<LocalDate>> m = new java.util.LinkedHashMap<>();
        y.holidays().forEach(h -> m.put(h.name(), h.days()));
        return m;
    }
}
