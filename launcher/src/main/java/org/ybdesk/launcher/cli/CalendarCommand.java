package org.ybdesk.launcher.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ybdesk.core.calendar.WorkingCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "calendar", subcommands = {CalendarCommand.Due.class, CalendarCommand.Check.class,
        CalendarCommand.Import.class, CalendarCommand.Export.class})
final class CalendarCommand {

    /** Longest time limit {@code calendar due} computes (the rulebook's longest is 30 working days). */
    static final int MAX_WORKING_DAYS = 250;

    /**
     * The calendar in force for the data folder if it exists, else the one shipped. From 1 October (by the desk's
     * clock) a missing next year is warned about on stderr, one line (D84).
     */
    static WorkingCalendar calendar(Base b) {
        Path folder = b.ctx().dataDir().resolve(b.ctx().sandbox ? "sandbox" : "prod");
        WorkingCalendar cal = Files.exists(folder.resolve("ybdesk.mv.db")) ? b.desk().calendar()
                : WorkingCalendar.loadDefault();
        LocalDate today = LocalDate.now(YbdeskCommand.clock.withZone(org.ybdesk.service.Desk.ZONE));
        cal.missingNextYear(today).ifPresent(y -> b.spec.commandLine().getErr()
                .println(Out.t("calendar.warning", WorkingCalendar.missingYearWarning(y))));
        return cal;
    }

    @Command(name = "due")
    static final class Due extends Base {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate from;
        @Option(names = "--working-days", required = true, paramLabel = "N")
        int days;

        @Override
        Integer execute() {
            if (days < 0) {
                throw new IllegalArgumentException(Out.t("calendar.days.negative"));
            }
            if (days > MAX_WORKING_DAYS) {
                throw new IllegalArgumentException(Out.t("calendar.days.tooMany", String.valueOf(days),
                        String.valueOf(MAX_WORKING_DAYS)));
            }
            WorkingCalendar cal = calendar(this);
            LocalDate due = cal.addWorkingDays(from, days);
            // the date first (ISO); a provisional one says so on the same line, with the reason (D81)
            var provisional = due.isAfter(from) ? cal.provisionalYears(from.plusDays(1), due)
                    : java.util.Collections.<Integer>emptySortedSet();
            out().println(provisional.isEmpty() ? due.toString()
                    : Out.t("calendar.due.provisional", due.toString(), WorkingCalendar.provisionalReason(provisional)));
            return 0;
        }
    }

    @Command(name = "check")
    static final class Check extends Base {
        @Parameters(paramLabel = "YYYY-MM-DD")
        LocalDate day;

        @Override
        Integer execute() {
            WorkingCalendar cal = calendar(this);
            boolean working = cal.isWorkingDay(day);
            String kind = cal.holidayName(day).map(h -> Out.t("calendar.holiday", h))
                    .orElse(cal.isMakeUpWorkday(day) ? Out.t("calendar.makeup") : "");
            if (cal.isProvisional(day)) {
                kind = kind + Out.t("calendar.check.provisional",
                        WorkingCalendar.provisionalReason(java.util.List.of(day.getYear())));
            }
            out().println(Out.t(working ? "calendar.working" : "calendar.rest", day.toString(), kind));
            return 0;
        }
    }

    @Command(name = "import")
    static final class Import extends Base {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        Integer execute() throws Exception {
            String yaml = Files.readString(file, StandardCharsets.UTF_8);
            var result = desk().setup().importCalendarFile(yaml, actor());
            List<Integer> years = result.years();
            out().println(Out.t("calendar.imported", years.toString(), desk().calendar().years().toString()));
            if (!result.changedCases().isEmpty()) {
                out().println(Out.t("calendar.imported.changed", String.valueOf(result.changedCases().size()),
                        String.join(Out.t("calendar.imported.join"), result.changedCases())));
            }
            return 0;
        }
    }

    @Command(name = "export")
    static final class Export extends Base {
        @Override
        Integer execute() {
            out().print(calendar(this).toYaml());
            return 0;
        }
    }
}
