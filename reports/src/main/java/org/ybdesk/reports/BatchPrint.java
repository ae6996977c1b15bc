package org.ybdesk.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.sf.jasperreports.engine.JasperPrint;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.PrintService.PrintModel;

/**
 * Batch printing for users (issue 14, D169): one document for each of many cases into one PDF — the command line's
 * {@code ybdesk print --cases …} and the lists' 批量打印. Unlike {@link Prints#renderMany}, which refuses a job in which
 * any document does not apply, a batch prints the cases the document applies to and lists the others with the
 * reason, so nothing is skipped silently. The print model of each case is read once (in parallel, like
 * {@code renderMany}), the documents filled in the order of the cases and exported once: the fonts are embedded once
 * for the whole job.
 */
public final class BatchPrint {
    /** At most this many documents in one job (about as many pages): a larger batch is refused before any work. */
    public static final int MAX_CASES = 5_000;

    /**
     * The job's result: the PDF (null when no case could be printed), the cases printed, in order, and the cases
     * skipped with the Chinese reason for each.
     */
    public record Result(byte[] pdf, List<String> printed, Map<String, String> skipped) {
        public Result {
            printed = List.copyOf(printed);
            skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    private final Desk desk;

    public BatchPrint(Desk desk) {
        this.desk = desk;
    }

    /**
     * Prints {@code doc} for every case of {@code caseNos} it applies to, in the given order, into one PDF. Refused
     * (Chinese) when the list is empty or longer than {@link #MAX_CASES}, or when a character cannot be printed (the
     * missing-glyph guard names the case's field).
     */
    public Result print(PrintDoc doc, List<String> caseNos, Actor actor) {
        List<String> nos = caseNos.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (nos.isEmpty()) {
            throw new PrintRefusedException(ReportTexts.get("print.nothing"));
        }
        if (nos.size() > MAX_CASES) {
            throw new PrintRefusedException(ReportTexts.get("batch.tooMany", String.valueOf(nos.size()),
                    String.valueOf(MAX_CASES)));
        }
        Map<String, PrintModel> models = nos.parallelStream()
                .collect(Collectors.toConcurrentMap(no -> no, no -> desk.prints().model(no, actor)));
        List<PrintModel> toPrint = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String no : nos) {
            PrintModel m = models.get(no);
            Optional<String> why = Applicability.refusal(doc, m);
            if (why.isPresent()) {
                skipped.put(m.caseNo(), why.get());
            } else {
                toPrint.add(m);
                printed.add(m.caseNo());
            }
        }
        if (toPrint.isEmpty()) {
            return new Result(null, printed, skipped);
        }
        List<JasperPrint> prints = IntStream.range(0, toPrint.size()).parallel()
                .mapToObj(i -> Prints.fill(doc, toPrint.get(i))).toList();
        return new Result(Prints.finish(prints, desk.mode()), printed, skipped);
    }
}
