package org.ybdesk.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An outage (停机) of the information system as announced: from {@code startsAt} to {@code endsAt}, Beijing wall
 * clock. The time limits of cases whose clock runs during it are extended by its working days (办结时限顺延, D129):
 * it is fed to the {@link DeadlineEngine} as a {@link Pause}, the one mechanism by which the clock stands still.
 *
 * <p>A day belongs to the outage when the outage covers any part of that day's office hours
 * ({@link #OFFICE_OPENS}–{@link #OFFICE_CLOSES}): an outage from 20:00 on the 15th to 08:00 on the 31st takes the
 * 16th to the 30th; the 15th and 31st were worked.
 */
public record OutagePeriod(LocalDateTime startsAt, LocalDateTime endsAt) {
    /** Office hours of a day: an outage overlapping them takes the day. */
    public static final LocalTime OFFICE_OPENS = LocalTime.of(8, 0);
    public static final LocalTime OFFICE_CLOSES = LocalTime.of(18, 0);

    public OutagePeriod {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("outage ends " + endsAt + " not after its start " + startsAt);
        }
    }

    /** The first day whose office hours the outage covers; empty when it covers none. */
    public Optional<LocalDate> firstDay() {
        List<LocalDate> d = days();
        return d.isEmpty() ? Optional.empty() : Optional.of(d.get(0));
    }

    /** The last day whose office hours the outage covers; empty when it covers none. */
    public Optional<LocalDate> lastDay() {
        List<LocalDate> d = days();
        return d.isEmpty() ? Optional.empty() : Optional.of(d.get(d.size() - 1));
    }

    /** The calendar days whose office hours the outage covers, in order (working or not). */
    public List<LocalDate> days() {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = startsAt.toLocalDate(); !d.isAfter(endsAt.toLocalDate()); d = d.plusDays(1)) {
            if (startsAt.isBefore(d.atTime(OFFICE_CLOSES)) && endsAt.isAfter(d.atTime(OFFICE_OPENS))) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The outage as a clock stop: {@code Pause(firstDay − 1, lastDay)}, so exactly its days do not count. Empty when
     * it covers no office hours. The deadline's input clips it to the start of the clock
     * ({@code CaseFile.deadlineInput}).
     */
    public Optional<Pause> pause() {
        List<LocalDate> d = days();
        return d.isEmpty() ? Optional.empty() : Optional.of(new Pause(d.get(0).minusDays(1), d.get(d.size() - 1)));
    }

    /** Whether {@code t} lies inside the outage (both ends included). */
    public boolean contains(LocalDateTime t) {
        return !t.isBefore(startsAt) && !t.isAfter(endsAt);
    }

    /** Whether the two outages share any moment. */
    public boolean overlaps(OutagePeriod o) {
        return startsAt.isBefore(o.endsAt) && o.startsAt.isBefore(endsAt);
    }

    /** The working days of {@code calendar} among {@link #days()} that lie in {@code (fromExclusive, toInclusive]}. */
    public int workingDaysWithin(WorkingCalendar calendar, LocalDate fromExclusive, LocalDate toInclusive) {
        int n = 0;
        for (LocalDate d : days()) {
            if (d.isAfter(fromExclusive) && !d.isAfter(toInclusive) && calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
