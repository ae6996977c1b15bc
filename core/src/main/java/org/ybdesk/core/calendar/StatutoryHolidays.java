package org.ybdesk.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holidays fixed by law for a year whose yearly notice has not been published: 《全国年节及纪念日放假办法》 as
 * revised by the State Council on 2024-11-10 (in force from 2025-01-01), article 2 — 全体公民放假的节日:
 * <ul>
 *   <li>元旦 1 day (1月1日);</li>
 *   <li>春节 4 days (农历除夕、正月初一至初三; 除夕 is the last day of the 12th lunar month, 29th or 30th);</li>
 *   <li>清明节 1 day (农历清明当日: the day the Sun reaches 15°);</li>
 *   <li>劳动节 2 days (5月1日、2日);</li>
 *   <li>端午节 1 day (农历端午当日: 五月初五);</li>
 *   <li>中秋节 1 day (农历中秋当日: 八月十五);</li>
 *   <li>国庆节 3 days (10月1日至3日).</li>
 * </ul>
 * Article 6: 全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假 — each holiday day on a Saturday or Sunday is
 * made up on the next working day (the next Monday–Friday day that is not already a holiday day or a make-up day).
 * Two holidays on the same day (中秋 within 国庆) count that day once and become one holiday named as the notices
 * name it (「国庆节、中秋节」): the law gives no extra day for the overlap. No 调休 make-up working days: only the
 * yearly notice sets those (and the bridge days that go with them).
 *
 * <p>Pure and thread-safe; years are computed once and cached.
 */
public final class StatutoryHolidays {
    /** The first year the 2024 revision governs. */
    public static final int FIRST_YEAR = 2025;
    /** The last year the astronomy is trusted for. */
    public static final int LAST_YEAR = 2100;

    private static final Map<Integer, CalendarYear> CACHE = new ConcurrentHashMap<>();

    private StatutoryHolidays() {
    }

    /** Whether {@code year} can be answered from the law. */
    public static boolean supports(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /**
     * The statutory holidays of {@code year} as a calendar year without make-up working days; its notice names the
     * law, not a yearly notice.
     *
     * @throws IllegalArgumentException if the year is not {@link #supports supported}
     */
    public static CalendarYear year(int year) {
        if (!supports(year)) {
            throw new IllegalArgumentException(
                    CalendarTexts.get("calendar.statutory.unsupported", year, FIRST_YEAR, LAST_YEAR));
        }
        return CACHE.computeIfAbsent(year, StatutoryHolidays::compute);
    }

    /** The legal holiday days of {@code year} before make-up days are added, by holiday name in the law's order. */
    static Map<String, List<LocalDate>> legalDays(int year) {
        Map<String, List<LocalDate>> m = new LinkedHashMap<>();
        m.put(CalendarTexts.get("calendar.statutory.newYear"), List.of(LocalDate.of(year, 1, 1)));
        LocalDate spring = ChineseAstronomy.springFestival(year);
        m.put(CalendarTexts.get("calendar.statutory.spring"), spring.minusDays(1).datesUntil(spring.plusDays(3)).toList());
        m.put(CalendarTexts.get("calendar.statutory.qingming"), List.of(ChineseAstronomy.qingming(year)));
        m.put(CalendarTexts.get("calendar.statutory.labour"), List.of(LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 2)));
        m.put(CalendarTexts.get("calendar.statutory.dragonBoat"), List.of(ChineseAstronomy.lunarDate(year, 5, 5)));
        m.put(CalendarTexts.get("calendar.statutory.midAutumn"), List.of(ChineseAstronomy.lunarDate(year, 8, 15)));
        m.put(CalendarTexts.get("calendar.statutory.national"),
                LocalDate.of(year, 10, 1).datesUntil(LocalDate.of(year, 10, 4)).toList());
        return m;
    }

    private static CalendarYear compute(int year) {
        // 1. holidays sharing a day become one (named in order of their first day, as the notices do)
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<LocalDate>> e : legalDays(year).entrySet()) {
            Group g = new Group(e.getKey(), new TreeSet<>(e.getValue()));
            for (java.util.Iterator<Group> it = groups.iterator(); it.hasNext(); ) {
                Group other = it.next();
                if (other.days.stream().anyMatch(g.days::contains)) {
                    it.remove();
                    g = other.merge(g);
                }
            }
            groups.add(g);
        }
        groups.sort((a, b) -> a.days.first().compareTo(b.days.first()));
        // 2. every holiday day on a weekend is made up on the next working day (补假)
        Set<LocalDate> taken = new HashSet<>();
        groups.forEach(g -> taken.addAll(g.days));
        TreeMap<LocalDate, Group> weekendDays = new TreeMap<>();
        for (Group g : groups) {
            g.days.stream().filter(StatutoryHolidays::weekend).forEach(d -> weekendDays.put(d, g));
        }
        for (Map.Entry<LocalDate, Group> e : weekendDays.entrySet()) {
            LocalDate d = e.getKey().plusDays(1);
            while (weekend(d) || taken.contains(d)) {
                d = d.plusDays(1);
            }
            taken.add(d);
            e.getValue().madeUp.add(d);
        }
        List<Holiday> holidays = new ArrayList<>();
        for (Group g : groups) {
            TreeSet<LocalDate> all = new TreeSet<>(g.days);
            all.addAll(g.madeUp);
            holidays.add(new Holiday(g.name, List.copyOf(all)));
        }
        return new CalendarYear(year, CalendarTexts.get("calendar.statutory.notice"),
                CalendarTexts.get("calendar.statutory.title", year), holidays, List.of());
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static final class Group {
        final String name;
        final TreeSet<LocalDate> days;
        final TreeSet<LocalDate> madeUp = new TreeSet<>();

        Group(String name, TreeSet<LocalDate> days) {
            this.name = name;
            this.days = days;
        }

        /** One holiday of both; the one that starts earlier is named first. */
        Group merge(Group later) {
            boolean thisFirst = !later.days.first().isBefore(days.first());
            TreeSet<LocalDate> all = new TreeSet<>(days);
            all.addAll(later.days);
            String joined = thisFirst ? name + CalendarTexts.get("calendar.statutory.join") + later.name
                    : later.name + CalendarTexts.get("calendar.statutory.join") + name;
            return new Group(joined, all);
        }
    }
}
