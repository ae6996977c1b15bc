package org.ybdesk.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.reports.BatchPrint;
import org.ybdesk.reports.PrintDoc;
import org.ybdesk.reports.Prints;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code ybdesk print}: one document of a case, or a blank reference table, as a PDF file; or (issue 14, D169)
 * {@code --cases --from D --to D [--item N] [--state S] --doc DOC}: the document of every matching case in one PDF,
 * the cases it does not apply to listed and skipped.
 */
@Command(name = "print", mixinStandardHelpOptions = true)
final class PrintCommand extends Base {
    @Option(names = "--case", paramLabel = "CASE_NO")
    String caseNo;
    @Option(names = "--doc", paramLabel = "DOC")
    String doc;
    @Option(names = "--blank", paramLabel = "table-N")
    String blank;
    @Option(names = "--out", paramLabel = "FILE.pdf", required = true)
    Path out;
    @Option(names = "--cases")
    boolean cases;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    String from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    String to;
    @Option(names = "--item", paramLabel = "N")
    Integer item;
    @Option(names = "--state", paramLabel = "STATE")
    String state;

    @Override
    Integer execute() throws IOException {
        if (cases) {
            return batch();
        }
        if (from != null || to != null || item != null || state != null) {
            throw new ParameterException(spec.commandLine(), Out.t("print.batch.onlyWithCases"));
        }
        if ((caseNo == null) == (blank == null) || (caseNo != null && doc == null) || (blank != null && doc != null)) {
            throw new ParameterException(spec.commandLine(), Out.t("print.usage"));
        }
        byte[] pdf;
        String what;
        if (blank != null) {
            PrintDoc d = PrintDoc.parse(blank);
            if (d.kind() != PrintDoc.Kind.TABLE) {
                throw new ParameterException(spec.commandLine(), Out.t("print.blankTablesOnly", blank));
            }
            actor();
            pdf = new Prints(desk()).renderBlank(d.table());
            what = d.label();
        } else {
            PrintDoc d = PrintDoc.parse(doc);
            Actor a = actor();
            pdf = new Prints(desk()).render(d, caseNo, a);
            what = d.label();
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, pdf);
        out().println(Out.t("print.written", what, out.toString(), String.valueOf(pdf.length / 1024)));
        return 0;
    }

    /**
     * {@code --cases}: every problem of the request at once (period, item, state, document), then the cases found,
     * the document of each it applies to into one PDF; the skipped cases are listed with their reasons. Nothing is
     * written when no case can be printed.
     */
    private Integer batch() throws IOException {
        if (caseNo != null || blank != null || doc == null) {
            throw new ParameterException(spec.commandLine(), Out.t("print.batch.usage"));
        }
        List<String> problems = new ArrayList<>();
        PrintDoc d = null;
        try {
            d = PrintDoc.parse(doc);
        } catch (ServiceException e) {
            problems.addAll(e.problems());
        }
        LocalDate fromDay = null;
        LocalDate toDay = null;
        if (from == null || to == null) {
            problems.add(Out.t("print.batch.period"));
        } else {
            fromDay = ReportCommand.day(from, "report.label.from", problems);
            toDay = ReportCommand.day(to, "report.label.to", problems);
        }
        CaseState st = null;
        if (state != null) {
            st = state.isBlank() ? null : ReportCommand.parseState(state.trim());
            if (st == null) {
                problems.add(Out.t("report.state.unknown", state));
            }
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        Actor a = actor();
        List<String> nos = desk().search().caseNumbers(item, st, fromDay, toDay, BatchPrint.MAX_CASES);
        if (nos.isEmpty()) {
            throw new ServiceException(Out.t("print.batch.none", fromDay.toString(), toDay.toString()));
        }
        BatchPrint.Result r = new BatchPrint(desk()).print(d, nos, a);
        r.skipped().forEach((no, why) -> out().println(Out.t("print.batch.skipped", no, why)));
        if (r.pdf() == null) {
            throw new ServiceException(Out.t("print.batch.nothingApplies", d.label(),
                    String.valueOf(r.skipped().size())));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, r.pdf());
        out().println(Out.t("print.batch.written", d.label(), String.valueOf(r.printed().size()),
                String.valueOf(r.skipped().size()), out.toString(), String.valueOf(r.pdf().length / 1024)));
        return 0;
    }
}
