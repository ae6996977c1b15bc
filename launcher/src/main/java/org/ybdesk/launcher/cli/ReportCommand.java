package org.ybdesk.launcher.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.reports.batch.BatchReports;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.ReportService.Filter;
import org.ybdesk.service.ReportService.Kind;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code ybdesk report ledger|monthly|overdue|payments|sod --from DATE --to DATE [--agency CODE]… [--item N]
 * [--state S] [--scope desk|county] [--format pdf|xlsx] --out FILE}: a supervisors' batch report for scheduled runs.
 * {@code --scope county} covers every case of the county view (issue 12); the default covers this desk's cases.
 */
@Command(name = "report", mixinStandardHelpOptions = true)
final class ReportCommand extends Base {
    @Parameters(index = "0", paramLabel = "KIND")
    String kind;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    String from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    String to;
    @Option(names = "--agency", paramLabel = "CODE", split = ",")
    List<String> agencies = new ArrayList<>();
    @Option(names = "--item", paramLabel = "N")
    Integer item;
    @Option(names = "--state", paramLabel = "STATE")
    String state;
    @Option(names = "--scope", paramLabel = "desk|county", defaultValue = "desk")
    String scope;
    @Option(names = "--format", paramLabel = "pdf|xlsx", defaultValue = "pdf")
    String format;
    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    Integer execute() throws IOException {
        Kind k;
        try {
            k = Kind.parse(kind);
        } catch (ServiceException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String f = format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("pdf") && !f.equals("xlsx")) {
            throw new ParameterException(spec.commandLine(), Out.t("report.format.unknown", format));
        }
        actor();
        List<String> problems = new ArrayList<>();
        java.time.LocalDate fromDay = day(from, "report.label.from", problems);
        java.time.LocalDate toDay = day(to, "report.label.to", problems);
        CaseState st = null;
        if (state != null && !state.isBlank()) {
            st = parseState(state.trim());
            if (st == null) {
                problems.add(Out.t("report.state.unknown", state));
            }
        }
        ReportService.Scope sc = null;
        try {
            sc = ReportService.Scope.parse(scope);
        } catch (ServiceException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        Filter filter = new Filter(fromDay, toDay, agencies, item, st, sc);
        BatchReports.Prepared p = BatchReports.prepare(desk(), k, filter);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            if (f.equals("pdf")) {
                BatchReports.pdf(p, desk().mode(), o);
            } else {
                BatchReports.xlsx(p, desk().mode(), o);
            }
        }
        out().println(Out.t("report.done", p.title(), out.toString(), String.valueOf(p.rows().size())));
        return 0;
    }

    /** The state by code name (CLOSED) or label (已办结). */
    static CaseState parseState(String text) {
        for (CaseState s : CaseState.values()) {
            if (s.name().equalsIgnoreCase(text) || s.label().equals(text)) {
                return s;
            }
        }
        return null;
    }

    /** A strict date of the command line, or null with its problems added (all problems are reported at once). */
    static java.time.LocalDate day(String raw, String labelKey, List<String> problems) {
        try {
            return ReportService.parseDate(raw, Out.t(labelKey));
        } catch (ServiceException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
