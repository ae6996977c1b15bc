package org.ybdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing, validation, export and import of calendar data. */
@org.junit.jupiter.api.Tag("calendar")
class WorkingCalendarDataTest {
    private static LocalDate d(String iso) { return LocalDate.parse(iso); }

    /** A valid one-year file, to be broken by the tests. Dates are real 2026 dates, notice data is made up. */
    private static String yaml(String holidays, String makeUps) {
        return """
                years:
                  - year: 2026
                    notice: 测试通知
                    holidays:
                %s
                    makeUpWorkdays: %s
                """.formatted(holidays, makeUps);
    }

    private static final String GOOD_HOLIDAYS = """
                  - {name: 春节, from: 2026-02-15, to: 2026-02-23}
                  - {name: 元旦, days: [2026-01-01, 2026-01-02, 2026-01-03]}
            """;

    @Test
    void parsesRangesAndDayLists() {
        WorkingCalendar cal = WorkingCalendar.parse(yaml(GOOD_HOLIDAYS, "[2026-02-14, 2026-01-04]"));
        assertThat(cal.years()).containsExactly(2026);
        assertThat(cal.year(2026).orElseThrow().makeUpWorkdays()).containsExactly(d("2026-01-04"), d("2026-02-14"));
        assertThat(cal.holidayName(d("2026-02-20"))).contains("春节");
        assertThat(cal.holidayName(d("2026-01-02"))).contains("元旦");
        assertThat(cal.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(cal.year(2026).orElseThrow().holidays().get(0).days()).hasSize(9);
    }

    @Test
    void makeUpDayOnAWeekdayIsRejectedNamingTheDate() {
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml(GOOD_HOLIDAYS, "[2026-02-13]")))
                .isInstanceOfSatisfying(CalendarDataException.class,
                        e -> assertThat(e.date()).contains(d("2026-02-13")))
                .hasMessage("调休上班日 2026-02-13 是星期五，调休上班日只能是周六或周日");
    }

    @Test
    void holidayDateOutsideItsYearIsRejected() {
        String holidays = """
                      - {name: 元旦, from: 2025-12-31, to: 2026-01-02}
                """;
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml(holidays, "[]")))
                .isInstanceOfSatisfying(CalendarDataException.class,
                        e -> assertThat(e.date()).contains(d("2025-12-31")))
                .hasMessage("2026年的节假日“元旦”包含日期 2025-12-31，该日期不在2026年内");
    }

    @Test
    void makeUpDayOutsideItsYearIsRejected() {
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml(GOOD_HOLIDAYS, "[2025-12-27]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("2026年的调休上班日 2025-12-27 不在2026年内");
    }

    @Test
    void dayThatIsBothHolidayAndMakeUpDayIsRejected() {
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml(GOOD_HOLIDAYS, "[2026-02-21]")))
                .isInstanceOfSatisfying(CalendarDataException.class,
                        e -> assertThat(e.date()).contains(d("2026-02-21")))
                .hasMessage("2026-02-21 既是节假日“春节”又是调休上班日");
    }

    @Test
    void dayInTwoHolidaysIsRejected() {
        String holidays = """
                      - {name: 中秋节, from: 2026-09-25, to: 2026-10-01}
                      - {name: 国庆节, from: 2026-10-01, to: 2026-10-07}
                """;
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml(holidays, "[]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("2026-10-01 同时出现在节假日“中秋节”和“国庆节”中");
    }

    @Test
    void duplicateMakeUpDayIsRejected() {
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml(GOOD_HOLIDAYS, "[2026-02-14, 2026-02-14]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("调休上班日 2026-02-14 重复出现");
    }

    @Test
    void reversedIncompleteOrMixedRangesAreRejected() {
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml("      - {name: 春节, from: 2026-02-23, to: 2026-02-15}", "[]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("节假日“春节”的开始日期 2026-02-23 晚于结束日期 2026-02-15");
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml("      - {name: 春节, from: 2026-02-15}", "[]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("节假日“春节”的 from 和 to 必须同时填写");
        assertThatThrownBy(() -> WorkingCalendar.parse(
                yaml("      - {name: 春节, from: 2026-02-15, to: 2026-02-16, days: [2026-02-17]}", "[]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("节假日“春节”不能同时填写 days 和 from/to");
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml("      - {name: 春节, from: 2026-02-15, to: 2026-12-23}", "[]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("超过一个月");
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml("      - {name: 春节}", "[]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("2026年的节假日“春节”没有填写放假日期");
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml("      - {from: 2026-02-15, to: 2026-02-16}", "[]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("2026年有一个节假日缺少名称（name）");
    }

    @Test
    void structuralProblemsAreRejectedInChinese() {
        assertThatThrownBy(() -> WorkingCalendar.parse("years: []"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("节假日安排文件中没有任何年份");
        assertThatThrownBy(() -> WorkingCalendar.parse("years:\n  - {year: 2026}"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("2026年的节假日安排缺少来源通知文号（notice）");
        assertThatThrownBy(() -> WorkingCalendar.parse("years:\n  - {notice: x}"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("缺少年份");
        assertThatThrownBy(() -> WorkingCalendar.parse(
                "years:\n  - {year: 2026, notice: a}\n  - {year: 2026, notice: b}"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessage("2026年的节假日安排出现了不止一次");
        assertThatThrownBy(() -> WorkingCalendar.parse("years:\n  - {year: 2026, notice: a, holidayz: []}"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageStartingWith("节假日安排文件无法读取：");
        assertThatThrownBy(() -> WorkingCalendar.parse(yaml(GOOD_HOLIDAYS, "[2026-02-30]")))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageStartingWith("节假日安排文件无法读取：");
        assertThatThrownBy(() -> WorkingCalendar.parse("years: [ {year: 2026"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageStartingWith("节假日安排文件无法读取：");
    }

    @Test
    void programmaticConstructionIsValidatedToo() {
        CalendarYear bad = new CalendarYear(2026, "x", List.of(), List.of(d("2026-03-04")));
        assertThatThrownBy(() -> WorkingCalendar.loadDefault().withYear(bad))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("2026-03-04");
        assertThatThrownBy(() -> Holiday.range("春节", d("2026-02-23"), d("2026-02-15")))
                .isInstanceOf(CalendarDataException.class);
    }

    // ------------------------------------------------------------------ export / import

    @Test
    void exportReadsBackToTheSameCalendar() {
        WorkingCalendar cal = WorkingCalendar.loadDefault();
        String text = cal.toYaml();
        assertThat(text).contains("国办发明电〔2025〕7号").contains("国庆节、中秋节").contains("2026-02-14");
        assertThat(WorkingCalendar.parse(text)).isEqualTo(cal);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cal.write(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void nonContiguousHolidayIsExportedAsDayList() {
        CalendarYear year = new CalendarYear(2026, "测试", List.of(
                new Holiday("测试假", List.of(d("2026-03-02"), d("2026-03-04")))), List.of());
        WorkingCalendar cal = WorkingCalendar.of(List.of(year));
        WorkingCalendar back = WorkingCalendar.parse(cal.toYaml());
        assertThat(back).isEqualTo(cal);
        assertThat(back.isWorkingDay(d("2026-03-03"))).isTrue();
        assertThat(back.isWorkingDay(d("2026-03-04"))).isFalse();
    }

    /** A fictional 2027 arrangement, for import tests only (2027 has not been published). */
    private static CalendarYear fictional2027() {
        return new CalendarYear(2027, "测试用（虚构）", "仅供测试", List.of(
                Holiday.range("元旦", d("2027-01-01"), d("2027-01-03"))), List.of(d("2027-01-09")));
    }

    @Test
    void importAddsAYear() {
        WorkingCalendar base = WorkingCalendar.loadDefault();
        WorkingCalendar extended = base.withYear(fictional2027());
        assertThat(extended.years()).containsExactly(2025, 2026, 2027);
        assertThat(extended.isWorkingDay(d("2027-01-04"))).isTrue();
        assertThat(extended.isWorkingDay(d("2027-01-01"))).isFalse();
        assertThat(extended.isWorkingDay(d("2027-01-09"))).isTrue();
        assertThat(extended.addWorkingDays(d("2026-12-30"), 2)).isEqualTo(d("2027-01-04"));
        // the original is untouched
        assertThat(base.years()).containsExactly(2025, 2026);
        assertThat(base.isPublished(d("2027-01-04"))).isFalse();
        assertThat(base.isProvisional(d("2027-01-04"))).isTrue();
        assertThat(extended.isProvisional(d("2027-01-04"))).isFalse();
    }

    @Test
    void importReplacesAYearEntirely() {
        WorkingCalendar base = WorkingCalendar.loadDefault();
        CalendarYear only2026NewYear = new CalendarYear(2026, "替换测试", List.of(
                Holiday.range("元旦", d("2026-01-01"), d("2026-01-03"))), List.of());
        WorkingCalendar imported = WorkingCalendar.of(List.of(only2026NewYear, fictional2027()));

        WorkingCalendar merged = base.merge(imported);
        assertThat(merged.years()).containsExactly(2025, 2026, 2027);
        assertThat(merged.year(2026).orElseThrow().notice()).isEqualTo("替换测试");
        // nothing of the old 2026 survives: 春节 and its make-up day are gone
        assertThat(merged.isWorkingDay(d("2026-02-16"))).isTrue();
        assertThat(merged.holidayName(d("2026-02-16"))).isEmpty();
        assertThat(merged.isWorkingDay(d("2026-02-14"))).isFalse();
        assertThat(merged.isMakeUpWorkday(d("2026-01-04"))).isFalse();
        // 2025 untouched
        assertThat(merged.year(2025)).isEqualTo(base.year(2025));
        assertThat(merged.isWorkingDay(d("2025-10-11"))).isTrue();

        assertThat(merged.withoutYear(2027).years()).containsExactly(2025, 2026);
    }
}
