package org.ybdesk.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.reports.PrintDoc;
import org.ybdesk.reports.Prints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code ybdesk print}: one document of a case, or a blank reference table, as a PDF file. */
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

    @Override
    Integer execute() throws IOException {
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
}
