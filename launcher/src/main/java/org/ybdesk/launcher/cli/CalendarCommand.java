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

    /** The calendar in force for the data folder if it exists, else the one shipped. */
    static WorkingCalendar calendar(Base b) {
        Path folder = b.ctx().dataDir().resolve(b.ctx().sandbox ? "sandbox" : "prod");
        return Files.exists(folder.resolve("ybdesk.mv.db")) ? b.desk().calendar() : WorkingCalendar.loadDefault();
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
            out().println(calendar(this).addWorkingDays(from, days));
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
            List<Integer> years = desk().setup().importCalendar(yaml, actor());
            out().println(Out.t("calendar.imported", years.toString(), desk().calendar().years().toString()));
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
