package org.ybdesk.core.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The file form of the calendar (cn-holidays.yaml). Holidays are written as from/to ranges when their days are
 * contiguous and as a {@code days} list otherwise; reading accepts both.
 */
final class CalendarYaml {
    private static final int MAX_RANGE_DAYS = 31;

    private CalendarYaml() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileDoc(List<YearDoc> years) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"year", "notice", "title", "holidays", "makeUpWorkdays"})
    record YearDoc(Integer year, String notice, String title, List<HolidayDoc> holidays,
                   List<LocalDate> makeUpWorkdays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "from", "to", "days"})
    record HolidayDoc(String name, LocalDate from, LocalDate to, List<LocalDate> days) {
    }

    private static ObjectMapper mapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    static List<CalendarYear> read(InputStream in) {
        FileDoc doc;
        try {
            doc = mapper().readValue(in, FileDoc.class);
        } catch (JsonProcessingException e) {
            throw new CalendarDataException(CalendarTexts.get("calendar.error.syntax", e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (doc == null || doc.years() == null || doc.years().isEmpty()) {
            throw new CalendarDataException(CalendarTexts.get("calendar.error.noYears"), (LocalDate) null);
        }
        List<CalendarYear> years = new ArrayList<>();
        for (YearDoc y : doc.years()) {
            if (y == null || y.year() == null) {
                throw new CalendarDataException(CalendarTexts.get("calendar.error.yearMissing"), (LocalDate) null);
            }
            List<Holiday> holidays = new ArrayList<>();
            if (y.holidays() != null) {
                for (HolidayDoc h : y.holidays()) {
                    holidays.add(toHoliday(y.year(), h));
                }
            }
            years.add(new CalendarYear(y.year(), y.notice(), y.title(), holidays, y.makeUpWorkdays()));
        }
        return years;
    }

    private static Holiday toHoliday(int year, HolidayDoc h) {
        String name = h.name();
        if (name == null || name.isBlank()) {
            throw new CalendarDataException(
                    CalendarTexts.get("calendar.error.holidayNameMissing", year), (LocalDate) null);
        }
        boolean hasRange = h.from() != null || h.to() != null;
        boolean hasDays = h.days() != null && !h.days().isEmpty();
        if (hasRange && hasDays) {
            throw new CalendarDataException(
                    CalendarTexts.get("calendar.error.holidayDaysAndRange", name), (LocalDate) null);
        }
        if (!hasRange) {
            return new Holiday(name, h.days());
        }
        if (h.from() == null || h.to() == null) {
            throw new CalendarDataException(CalendarTexts.get("calendar.error.holidayRangeIncomplete", name),
                    h.from() != null ? h.from() : h.to());
        }
        if (h.to().isAfter(h.from().plusDays(MAX_RANGE_DAYS))) {
            throw new CalendarDataException(
                    CalendarTexts.get("calendar.error.holidayRangeTooLong", name, h.from(), h.to()), h.to());
        }
        return Holiday.range(name, h.from(), h.to());
    }

    static void write(List<CalendarYear> years, OutputStream out) {
        List<YearDoc> docs = years.stream().map(CalendarYaml::toDoc).toList();
        try {
            mapper().writeValue(out, new FileDoc(docs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(List<CalendarYear> years) {
        List<YearDoc> docs = years.stream().map(CalendarYaml::toDoc).toList();
        try {
            return mapper().writeValueAsString(new FileDoc(docs));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YearDoc toDoc(CalendarYear y) {
        List<HolidayDoc> holidays = y.holidays().stream()
                .map(h -> h.contiguous()
                        ? new HolidayDoc(h.name(), h.first(), h.last(), null)
                        : new HolidayDoc(h.name(), null, null, h.days()))
                .toList();
        return new YearDoc(y.year(), y.notice(), y.title(), holidays, y.makeUpWorkdays());
    }
}
