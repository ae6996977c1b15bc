package org.ybdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our lunar dates ({@link ChineseAstronomy}, which the provisional calendar stands on) against an independent,
 * well-kept implementation: ICU4J's {@code ChineseCalendar} (test scope only; the product does not ship its 15 MB jar
 * for three dates a year, D81). For every year the statutory calendar answers (2025–2100), 正月初一, 除夕 (its eve),
 * 五月初五 and 八月十五 must be the same day in both, except where the new moon falls within minutes of Beijing
 * midnight and ICU's lower-precision astronomy lands on the other side: there the published calendar (紫金山天文台,
 * 《中国天文年历》) is the judge and ours agrees with it. Those years are listed with the published date; any other
 * difference fails.
 */
class ChineseAstronomyAgainstIcuTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * Where ICU4J is a day off: 2027's new moon of 2月6日 is at about 23:56 Beijing time, 2030's of 2月3日 at about
     * 00:07; the published 春节 are 2027-02-06 and 2030-02-03 (with 除夕 the day before).
     */
    private static final List<String> ICU_OFF_NEAR_MIDNIGHT = List.of(
            "2027 正月初一: ours 2027-02-06, ICU 2027-02-07",
            "2027 除夕: ours 2027-02-05, ICU 2027-02-06",
            "2030 正月初一: ours 2030-02-03, ICU 2030-02-02",
            "2030 除夕: ours 2030-02-02, ICU 2030-02-01");

    /** The Gregorian day of {@code month} (1 = 正月, not leap) / {@code day} of the lunar year starting in {@code year}. */
    private static LocalDate icu(int year, int month, int day) {
        ChineseCalendar cal = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            cal.setTimeInMillis(d.atTime(12, 0).atZone(BEIJING).toInstant().toEpochMilli());
            if (cal.get(ChineseCalendar.MONTH) == month - 1 && cal.get(ChineseCalendar.IS_LEAP_MONTH) == 0
                    && cal.get(ChineseCalendar.DAY_OF_MONTH) == day
                    && (month != 1 || d.getMonthValue() <= 3)) {
                return d;
            }
        }
        throw new AssertionError("ICU found no " + month + "/" + day + " in " + year);
    }

    @Test
    void lunarHolidaysAgreeWithIcuForEveryYearTheLawIsApplied() {
        List<String> differences = new ArrayList<>();
        for (int y = StatutoryHolidays.FIRST_YEAR; y <= StatutoryHolidays.LAST_YEAR; y++) {
            LocalDate spring = icu(y, 1, 1);
            compare(differences, y, "正月初一", ChineseAstronomy.springFestival(y), spring);
            compare(differences, y, "除夕", ChineseAstronomy.springFestival(y).minusDays(1), spring.minusDays(1));
            compare(differences, y, "端午", ChineseAstronomy.lunarDate(y, 5, 5), icu(y, 5, 5));
            compare(differences, y, "中秋", ChineseAstronomy.lunarDate(y, 8, 15), icu(y, 8, 15));
        }
        assertThat(differences).as("lunar dates that differ from ICU4J (only the near-midnight new moons may)")
                .containsExactlyElementsOf(ICU_OFF_NEAR_MIDNIGHT);
        assertThat(ChineseAstronomy.springFestival(2027)).as("published 2027 春节").isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(ChineseAstronomy.springFestival(2030)).as("published 2030 春节").isEqualTo(LocalDate.of(2030, 2, 3));
    }

    private static void compare(List<String> out, int year, String what, LocalDate ours, LocalDate icu) {
        if (!ours.equals(icu)) {
            out.add(year + " " + what + ": ours " + ours + ", ICU " + icu);
        }
    }
}
