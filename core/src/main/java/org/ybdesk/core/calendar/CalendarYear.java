package org.ybdesk.core.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The holiday arrangement of one calendar year, as published in one State Council notice.
 *
 * @param year           the calendar year; every date below lies inside it
 * @param notice         the document number of the source notice, e.g. {@code 国办发明电〔2025〕7号}
 * @param title          the title of the notice, e.g. {@code 国务院办公厅关于2026年部分节假日安排的通知} (may be null)
 * @param holidays       the statutory holidays with their days off
 * @param makeUpWorkdays the 调休上班 days (MakeUpWorkday): Saturdays or Sundays that are working days; kept sorted
 */
public record CalendarYear(int year, String notice, String title, List<Holiday> holidays,
                           List<LocalDate> makeUpWorkdays) {

    public CalendarYear {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        makeUpWorkdays = makeUpWorkdays == null ? List.of()
                : makeUpWorkdays.stream().map(Objects::requireNonNull).sorted().toList();
    }

    /** A year whose notice is identified only by its document number. */
    public CalendarYear(int year, String notice, List<Holiday> holidays, List<LocalDate> makeUpWorkdays) {
        this(year, notice, null, holidays, makeUpWorkdays);
    }
}
