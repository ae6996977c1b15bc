package org.ybdesk.core.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ybdesk.core.i18n.Messages;

/**
 * The working-day calendar (工作日历): which days are working days, according to the State Council's yearly holiday
 * notices. A day of a known year is a working day when it is a make-up working day (调休上班), or when it is
 * Monday to Friday and not a holiday day.
 *
 * <p>A year after the first published year (and from {@value StatutoryHolidays#FIRST_YEAR}) whose notice has not
 * been imported is answered from the holidays the law fixes ({@link StatutoryHolidays}: weekends, statutory holidays
 * and their 补假, no 调休); such an answer is <em>provisional</em>, never silent: {@link #isProvisional},
 * {@link #provisionalYears} and the deadline engine's {@link Deadline#provisional()} say so. A day before the first
 * published year (or beyond {@value StatutoryHolidays#LAST_YEAR}) is never guessed: every query about it throws
 * {@link DateOutsideCalendarException}.
 *
 * <p>Immutable and thread-safe. The data comes from a YAML resource ({@link #loadDefault()}) and can be replaced
 * year by year when a new notice is imported ({@link #withYear}, {@link #merge}).
 */
public final class WorkingCalendar {
    /** The calendar shipped with this build. */
    public static final String DEFAULT_RESOURCE = "/org/ybdesk/core/calendar/cn-holidays.yaml";

    private final SortedMap<Integer, CalendarYear> years;
    private final Map<LocalDate, String> holidayNames;
    private final Set<LocalDate> makeUpWorkdays;

    private WorkingCalendar(Collection<CalendarYear> data) {
        SortedMap<Integer, CalendarYear> byYear = new TreeMap<>();
        Map<LocalDate, String> names = new HashMap<>();
        Set<LocalDate> makeUps = new HashSet<>();
        for (CalendarYear year : data) {
            validate(year);
            if (byYear.put(year.year(), year) != null) {
                throw new CalendarDataException(
                        CalendarTexts.get("calendar.error.duplicateYear", year.year()), (LocalDate) null);
            }
            for (Holiday holiday : year.holidays()) {
                for (LocalDate day : holiday.days()) {
                    names.put(day, holiday.name());
                }
            }
            makeUps.addAll(year.makeUpWorkdays());
        }
        this.years = Collections.unmodifiableSortedMap(byYear);
        this.holidayNames = Map.copyOf(names);
        this.makeUpWorkdays = Set.copyOf(makeUps);
    }

    // ---------------------------------------------------------------- construction

    /**
     * A calendar of the given years, validated.
     *
     * @throws CalendarDataException if a year breaks a rule (see {@link #parse})
     */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        return new WorkingCalendar(years);
    }

    /** The calendar shipped with this build ({@value #DEFAULT_RESOURCE}). */
    public static WorkingCalendar loadDefault() {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("calendar resource missing: " + DEFAULT_RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and validates a calendar file (format: see cn-holidays.yaml). Rules: every year has a notice number and
     * appears once; every holiday has a name and at least one day; every holiday day and make-up day lies inside its
     * year; a make-up working day is a Saturday or Sunday; no day is both a holiday day and a make-up day, and no
     * day belongs to two holidays.
     *
     * @throws CalendarDataException with a Chinese message naming the offending date
     */
    public static WorkingCalendar parse(InputStream yaml) {
        return new WorkingCalendar(CalendarYaml.read(yaml));
    }

    /** {@link #parse(InputStream)} from text. */
    public static WorkingCalendar parse(String yaml) {
        return parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** This calendar with {@code year} added, or replacing the arrangement of that year entirely. */
    public WorkingCalendar withYear(CalendarYear year) {
        SortedMap<Integer, CalendarYear> copy = new TreeMap<>(years);
        copy.put(year.year(), year);
        return new WorkingCalendar(copy.values());
    }

    /** This calendar without the given year (no-op if it is not known). */
    public WorkingCalendar withoutYear(int year) {
        SortedMap<Integer, CalendarYear> copy = new TreeMap<>(years);
        copy.remove(year);
        return new WorkingCalendar(copy.values());
    }

    /**
     * This calendar with every year of {@code other} added; a year known to both is taken entirely from
     * {@code other} (an import replaces a year, it does not patch it).
     */
    public WorkingCalendar merge(WorkingCalendar other) {
        SortedMap<Integer, CalendarYear> copy = new TreeMap<>(years);
        copy.putAll(other.years);
        return new WorkingCalendar(copy.values());
    }

    // ---------------------------------------------------------------- data and export

    /** The years with a published notice, ascending (provisional years are not listed). */
    public Set<Integer> years() { return Collections.unmodifiableSet(years.keySet()); }

    /** The arrangements of all known years, ascending by year. */
    public List<CalendarYear> data() { return List.copyOf(years.values()); }

    /** The arrangement of one year, if known. */
    public Optional<CalendarYear> year(int year) { return Optional.ofNullable(years.get(year)); }

    /** The calendar in its YAML file form; {@link #parse} reads it back. */
    public String toYaml() { return CalendarYaml.write(data()); }

    /** Writes {@link #toYaml()} as UTF-8 to {@code out} (which is not closed). */
    public void write(OutputStream out) {
        try {
            out.write(toYaml().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- queries

    /** Whether the calendar can answer for {@code date}: its year is published or {@link #isProvisional provisional}. */
    public boolean covers(LocalDate date) { return years.containsKey(date.getYear()) || isProvisionalYear(date.getYear()); }

    /** Whether the year of {@code date} has its published notice in this calendar. */
    public boolean isPublished(LocalDate date) { return years.containsKey(date.getYear()); }

    /**
     * Whether answers about {@code date} are provisional: its year's notice is not in the calendar, the year is after
     * the first published year, and the law's holidays are known for it ({@link StatutoryHolidays}).
     */
    public boolean isProvisional(LocalDate date) { return isProvisionalYear(date.getYear()); }

    /** {@link #isProvisional(LocalDate)} for a whole year. */
    public boolean isProvisionalYear(int year) {
        return !years.containsKey(year) && !years.isEmpty() && year > years.firstKey()
                && StatutoryHolidays.supports(year);
    }

    /** The provisional years among those of the days from {@code from} to {@code to} (both inclusive), ascending. */
    public java.util.SortedSet<Integer> provisionalYears(LocalDate from, LocalDate to) {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (isProvisionalYear(y)) {
                out.add(y);
            }
        }
        return out;
    }

    /** The last year with a published notice, if any. */
    public Optional<Integer> lastPublishedYear() {
        return years.isEmpty() ? Optional.empty() : Optional.of(years.lastKey());
    }

    /**
     * The year whose notice should be imported by now but is missing: from 1 October of a year on, the next year
     * when it is not published (deadlines then begin to reach into it); empty otherwise.
     */
    public Optional<Integer> missingNextYear(LocalDate today) {
        int next = today.getYear() + 1;
        if (today.getMonthValue() < 10 || years.containsKey(next)) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /** The administrators' warning for {@link #missingNextYear}: what is missing and what to do (Chinese). */
    public static String missingYearWarning(int year) {
        return CalendarTexts.get("calendar.missingNextYear", year);
    }

    /**
     * Why a date is provisional, as the staff and the applicant may both read it (no instruction to the staff):
     * 「2027年节假日安排尚未公布，按法定节假日暂定」.
     */
    public static String provisionalReason(java.util.Collection<Integer> years) {
        return CalendarTexts.get("deadline.provisional.reason",
                DateOutsideCalendarException.formatYears(new java.util.TreeSet<>(years)));
    }

    /**
     * Whether {@code date} is a working day.
     *
     * @throws DateOutsideCalendarException if the year of {@code date} is not known
     */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        if (holidayNames.containsKey(date) || statutoryName(date) != null) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The statutory holiday of a provisional day, or null (also for published years). */
    private String statutoryName(LocalDate date) {
        if (years.containsKey(date.getYear())) {
            return null;
        }
        for (Holiday h : StatutoryHolidays.year(date.getYear()).holidays()) {
            if (h.days().contains(date)) {
                return h.name();
            }
        }
        return null;
    }

    /**
     * The name of the holiday {@code date} belongs to (also for weekend days inside a holiday period).
     *
     * @throws DateOutsideCalendarException if the year of {@code date} is not known
     */
    public Optional<String> holidayName(LocalDate date) {
        requireCovered(date);
        String published = holidayNames.get(date);
        return Optional.ofNullable(published != null ? published : statutoryName(date));
    }

    /**
     * Whether {@code date} is a make-up working day (调休上班: a Saturday or Sunday on which people work).
     *
     * @throws DateOutsideCalendarException if the year of {@code date} is not known
     */
    public boolean isMakeUpWorkday(LocalDate date) {
        requireCovered(date);
        return makeUpWorkdays.contains(date);
    }

    /**
     * The {@code n}-th working day after {@code from}. {@code from} itself is never counted, even if it is a working
     * day (the day of acceptance does not count); {@code n == 0} returns {@code from} unchanged (即时办结: same day).
     * A negative {@code n} counts backwards: the |n|-th working day before {@code from}.
     *
     * @throws DateOutsideCalendarException if a day that has to be inspected lies in an unknown year
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        int step = n >= 0 ? 1 : -1;
        int remaining = Math.abs(n);
        LocalDate day = from;
        while (remaining > 0) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}; 0 if
     * {@code toInclusive <= fromExclusive}.
     *
     * @throws DateOutsideCalendarException if a day in the interval lies in an unknown year
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new DateOutsideCalendarException(date, years.keySet());
        }
    }

    // ---------------------------------------------------------------- validation

    private static void validate(CalendarYear year) {
        int y = year.year();
        if (y < 1949 || y > 9999) {
            throw new CalendarDataException(CalendarTexts.get("calendar.error.yearInvalid", y), (LocalDate) null);
        }
        if (year.notice() == null || year.notice().isBlank()) {
            throw new CalendarDataException(CalendarTexts.get("calendar.error.noticeMissing", y), (LocalDate) null);
        }
        Map<LocalDate, String> seen = new HashMap<>();
        for (Holiday holiday : year.holidays()) {
            if (holiday.name() == null || holiday.name().isBlank()) {
                throw new CalendarDataException(
                        CalendarTexts.get("calendar.error.holidayNameMissing", y), (LocalDate) null);
            }
            if (holiday.days().isEmpty()) {
                throw new CalendarDataException(
                        CalendarTexts.get("calendar.error.holidayNoDays", y, holiday.name()), (LocalDate) null);
            }
            for (LocalDate day : holiday.days()) {
                if (day.getYear() != y) {
                    throw new CalendarDataException(
                            CalendarTexts.get("calendar.error.holidayOutsideYear", y, holiday.name(), day), day);
                }
                String other = seen.putIfAbsent(day, holiday.name());
                if (other != null) {
                    throw new CalendarDataException(
                            CalendarTexts.get("calendar.error.holidayDuplicateDay", day, other, holiday.name()), day);
                }
            }
        }
        Set<LocalDate> makeUps = new HashSet<>();
        for (LocalDate day : year.makeUpWorkdays()) {
            if (day.getYear() != y) {
                throw new CalendarDataException(CalendarTexts.get("calendar.error.makeUpOutsideYear", y, day), day);
            }
            DayOfWeek dow = day.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                throw new CalendarDataException(CalendarTexts.get("calendar.error.makeUpNotWeekend", day,
                        dow.getDisplayName(TextStyle.FULL, Messages.LOCALE)), day);
            }
            if (!makeUps.add(day)) {
                throw new CalendarDataException(CalendarTexts.get("calendar.error.makeUpDuplicate", day), day);
            }
            String holiday = seen.get(day);
            if (holiday != null) {
                throw new CalendarDataException(
                        CalendarTexts.get("calendar.error.holidayAndMakeUp", day, holiday), day);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar other && years.equals(other.years);
    }

    @Override
    public int hashCode() { return years.hashCode(); }

    @Override
    public String toString() { return "WorkingCalendar" + years.keySet(); }
}
