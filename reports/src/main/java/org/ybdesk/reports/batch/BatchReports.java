package org.ybdesk.reports.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.money.Money;
import org.ybdesk.reports.Prints;
import org.ybdesk.reports.Typesetting;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.ReportService.Filter;
import org.ybdesk.service.ReportService.Kind;
import org.ybdesk.service.ReportService.Timeliness;

/**
 * The supervisors' batch reports as JasperReports prints: {@link #prepare} runs the query of a report (through
 * {@link ReportService}) and turns its rows into the template's fields; {@link #print} fills the A4 pages (a
 * {@link JasperPrint} that PDF post-processing — missing-glyph guard, sandbox watermark — can take over);
 * {@link #pdf} and {@link #xlsx} export; the spreadsheet is written from the same rows, not from the pages.
 */
public final class BatchReports {
    private static final Messages M = Messages.bundle("org.ybdesk.reports.batch.messages");
    /** Width of the portrait templates' column, in points (the charts are drawn to it). */
    private static final int PORTRAIT_WIDTH = 511;

    private BatchReports() {
    }

    /** A report ready to be filled: which template, its parameters and its rows. */
    public record Prepared(Kind kind, String template, Map<String, Object> parameters,
                           List<Map<String, ?>> rows) {
        public Prepared {
            parameters = Map.copyOf(parameters);
            rows = List.copyOf(rows);
        }

        /** The report's title, as printed (also the spreadsheet's sheet name). */
        public String title() {
            return M.get(template + ".title");
        }
    }

    /** Runs the report's query over {@code filter} (refusing a bad period with its reasons) and prepares it. */
    public static Prepared prepare(Desk desk, Kind kind, Filter filter) {
        ReportService rs = desk.reports();
        return switch (kind) {
            case LEDGER -> ledger(rs.ledger(filter));
            case MONTHLY -> monthly(rs.monthly(filter));
            case OVERDUE -> due(rs.due(filter));
            case PAYMENTS -> payments(rs.payments(filter));
            case SOD -> separationOfDuties(rs.separationOfDuties(filter));
        };
    }

    // ------------------------------------------------------------------------------------------------ mapping

    private static Map<String, Object> header(ReportService.Header h) {
        Map<String, Object> p = new HashMap<>();
        p.put("P_AGENCIES", h.agencies());
        p.put("P_FROM", h.from().toString());
        p.put("P_TO", h.to().toString());
        p.put("P_FILTERS", h.filters());
        p.put("P_PRINTED", h.printedAt().format(DateTimeFormatter.ofPattern(M.get("printed.format"))));
        p.put("P_AS_OF", h.asOf().toString());
        // the scope and the desks the report covers, each with its last upload (issue 12)
        p.put("P_COVERAGE", h.coverage());
        return p;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** Yuan with two decimals, exactly (fen / 100). */
    static BigDecimal yuan(Money m) {
        return m == null ? null : BigDecimal.valueOf(m.fen(), 2);
    }

    private static String item(int no, String name) {
        return no + " " + name;
    }

    public static Prepared ledger(ReportService.Ledger l) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ReportService.LedgerRow r : l.rows()) {
            Map<String, Object> m = new HashMap<>();
            m.put("caseNo", r.caseNo());
            m.put("item", item(r.itemNo(), r.itemName()));
            m.put("applicant", r.applicantName());
            m.put("idNumber", r.applicantIdMasked());
            m.put("channel", r.channel());
            m.put("receivedOn", date(r.receivedOn()));
            m.put("acceptedOn", date(r.acceptedOn()));
            m.put("dueOn", date(r.dueOn()));
            m.put("closedOn", date(r.closedOn()));
            m.put("state", r.stateLabel());
            m.put("handler", r.handler());
            m.put("declared", yuan(r.declared()));
            // issue 14 (D167): a refused (不予受理) declaration is listed but not added to the total
            m.put("declaredCounted", r.state() == org.ybdesk.core.lifecycle.CaseState.REFUSED ? null
                    : yuan(r.declared()));
            m.put("paid", yuan(r.paid()));
            rows.add(m);
        }
        Map<String, Object> params = new HashMap<>(header(l.header()));
        params.put("P_AUDIT_HEAD", l.auditHead());
        params.put("P_REFUSED_DECLARED", (int) l.refusedDeclarations());
        return new Prepared(Kind.LEDGER, "ledger", params, rows);
    }

    private static String rateText(Timeliness t) {
        BigDecimal r = t.ratePercent();
        return r == null ? M.get("monthly.rate.none") : r.toPlainString() + "%";
    }

    private static Map<String, Object> statRow(String section, String title, String month, String label,
                                               Integer received, Integer closed, Integer rejected, Integer refused,
                                               Integer open, Timeliness t) {
        Map<String, Object> m = new HashMap<>();
        m.put("section", section);
        m.put("sectionTitle", title);
        m.put("month", month);
        m.put("label", label);
        m.put("received", received);
        m.put("closed", closed);
        m.put("rejected", rejected);
        m.put("refused", refused);
        m.put("open", open);
        if (t != null) {
            m.put("onTime", t.onTime());
            m.put("late", t.late());
            m.put("openOverdue", t.openOverdue());
            m.put("rate", t.ratePercent());
        }
        return m;
    }

    public static Prepared monthly(ReportService.Monthly mo) {
        List<Map<String, ?>> rows = new ArrayList<>();
        String items = M.get("section.items");
        for (ReportService.MonthlyRow r : mo.rows()) {
            rows.add(statRow("1", items, r.month().toString(), item(r.itemNo(), r.itemName()), r.received(),
                    r.closed(), r.rejected(), r.refused(), r.open(), r.timeliness()));
        }
        rows.add(statRow("1", items, null, M.get("row.total"), mo.received(), mo.closed(), mo.rejected(),
                mo.refused(), mo.open(), mo.timeliness()));
        String states = M.get("section.states");
        for (ReportService.StateRow s : mo.states()) {
            rows.add(statRow("2", states, null, s.label(), s.count(), null, null, null, null, null));
        }
        String channels = M.get("section.channels");
        for (ReportService.ChannelRow c : mo.channels()) {
            rows.add(statRow("3", channels, null, c.channel(), c.received(), c.closed(), null, null, null,
                    c.timeliness()));
        }
        Map<String, Object> p = header(mo.header());
        Timeliness t = mo.timeliness();
        p.put("P_SUMMARY", M.get("monthly.summary", mo.received(), mo.closed(), mo.rejected(), mo.refused(),
                mo.open(), rateText(t), t.onTime(), t.late(), t.openOverdue()));
        p.put("P_CHART_ITEMS", BatchCharts.byItem(mo, PORTRAIT_WIDTH, 230));
        p.put("P_CHART_RATE", BatchCharts.rateByMonth(mo, PORTRAIT_WIDTH, 150));
        return new Prepared(Kind.MONTHLY, "monthly", p, rows);
    }

    public static Prepared due(ReportService.DueLists d) {
        List<Map<String, ?>> rows = new ArrayList<>();
        String overdue = M.get("section.overdue", d.overdue().size());
        String near = M.get("section.near", d.near().size());
        d.overdue().forEach(r -> rows.add(dueRow("1", overdue, r)));
        d.near().forEach(r -> rows.add(dueRow("2", near, r)));
        Map<String, Object> p = header(d.header());
        p.put("P_SUMMARY", M.get("overdue.summary", d.overdue().size(), d.near().size()));
        return new Prepared(Kind.OVERDUE, "overdue", p, rows);
    }

    private static Map<String, Object> dueRow(String section, String title, ReportService.DueRow r) {
        Map<String, Object> m = new HashMap<>();
        m.put("section", section);
        m.put("sectionTitle", title);
        m.put("caseNo", r.caseNo());
        m.put("item", item(r.itemNo(), r.itemName()));
        m.put("applicant", r.applicantName());
        m.put("idNumber", r.applicantIdMasked());
        m.put("acceptedOn", date(r.acceptedOn()));
        m.put("dueOn", date(r.dueOn()));
        m.put("daysLeft", r.workingDaysLeft());
        m.put("state", r.stateLabel());
        m.put("handler", r.handler());
        return m;
    }

    public static Prepared payments(ReportService.Payments pay) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ReportService.PaymentRow r : pay.rows()) {
            Map<String, Object> m = new HashMap<>();
            m.put("kind", r.kind() == null ? "~" : r.kind().name());
            m.put("kindLabel", r.kindLabel());
            m.put("paidOn", date(r.paidOn()));
            m.put("caseNo", r.caseNo());
            m.put("item", item(r.itemNo(), r.itemName()));
            m.put("payee", r.payee());
            m.put("idNumber", r.payeeIdMasked());
            m.put("paidBy", r.paidBy());
            m.put("amount", yuan(r.amount()));
            rows.add(m);
        }
        return new Prepared(Kind.PAYMENTS, "payments", header(pay.header()), rows);
    }

    public static Prepared separationOfDuties(ReportService.SodReport s) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ReportService.SodRow r : s.rows()) {
            Map<String, Object> m = new HashMap<>();
            m.put("caseNo", r.caseNo());
            m.put("item", item(r.itemNo(), r.itemName()));
            m.put("risk", r.riskLabel());
            m.put("anomaly", r.anomalyLabel());
            m.put("detail", r.detail());
            m.put("onDay", date(r.onDay()));
            rows.add(m);
        }
        Map<String, Object> p = header(s.header());
        p.put("P_SUMMARY", s.rows().isEmpty() ? M.get("sod.none", s.casesChecked())
                : M.get("sod.summary", s.casesChecked(), s.rows().size()));
        return new Prepared(Kind.SOD, "sod", p, rows);
    }

    // ------------------------------------------------------------------------------------------------ fill, export

    /** Fills the A4 pages of the report. */
    public static JasperPrint print(Prepared p) {
        return fill(p, false);
    }

    private static JasperPrint fill(Prepared p, boolean onePage) {
        // Chinese line breaking and unbreakable codes as on every other print (D160); the XLSX takes the rows plain
        Map<String, Object> params = new HashMap<>(Typesetting.set(p.parameters()));
        params.put(JRParameter.REPORT_LOCALE, Messages.LOCALE);
        params.put(JRParameter.IS_IGNORE_PAGINATION, onePage);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Collection<Map<String, ?>> rows = (Collection) new ArrayList<>(Typesetting.setRows(p.rows()));
        try {
            return JasperFillManager.fillReport(BatchTemplates.get(p.template()), params,
                    new JRMapCollectionDataSource(rows));
        } catch (JRException e) {
            throw new IllegalStateException("filling batch report " + p.template() + " failed", e);
        }
    }

    /**
     * The report as PDF through the same path as every print ({@link Prints#finish}): missing-glyph guard, fonts
     * embedded (Identity-H), the training watermark on every page in the sandbox.
     */
    public static byte[] pdf(Prepared p, Mode mode) {
        return pdf(print(p), mode);
    }

    public static byte[] pdf(JasperPrint print, Mode mode) {
        return Prints.finish(List.of(print), mode);
    }

    public static void pdf(Prepared p, Mode mode, OutputStream out) throws IOException {
        out.write(pdf(p, mode));
    }

    /**
     * The report as an Excel workbook a supervisor can sort (issue 14, D168): the table alone on the first sheet
     * (frozen header row, auto-filter, date cells, numbers as numbers, 宋体, no merged cells), what the paper prints
     * around it on a second sheet 「说明」 ({@link XlsxSheet}).
     */
    public static byte[] xlsx(Prepared p, Mode mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx(p, mode, out);
        return out.toByteArray();
    }

    /** In the sandbox the sheets are named as training data (a spreadsheet has no pages to watermark). */
    public static void xlsx(Prepared p, Mode mode, OutputStream out) {
        String sheet = M.get(mode == Mode.SANDBOX ? "sheet.name.sandbox" : "sheet.name", p.title());
        String info = M.get(mode == Mode.SANDBOX ? "sheet.name.sandbox" : "sheet.name", M.get("xlsx.info"));
        XlsxSheet.write(out, sheet, columns(p.kind()), p.rows(), info, info(p, mode));
    }

    /** The columns of each report's table, as the PDF prints them (headers without their line breaks). */
    static List<XlsxSheet.Column> columns(Kind kind) {
        List<XlsxSheet.Column> c = new ArrayList<>();
        java.util.function.BiConsumer<String, XlsxSheet.Type> add = (key, type) -> c.add(new XlsxSheet.Column(key,
                M.get(key == null ? "col.no" : "col." + key).replace("\n", ""), type));
        XlsxSheet.Type t = XlsxSheet.Type.TEXT;
        XlsxSheet.Type d = XlsxSheet.Type.DATE;
        XlsxSheet.Type n = XlsxSheet.Type.INT;
        XlsxSheet.Type y = XlsxSheet.Type.MONEY;
        switch (kind) {
            case LEDGER -> {
                add.accept(null, n);
                for (String k : List.of("caseNo", "item", "applicant", "idNumber", "channel")) {
                    add.accept(k, t);
                }
                for (String k : List.of("receivedOn", "acceptedOn", "dueOn", "closedOn")) {
                    add.accept(k, d);
                }
                add.accept("state", t);
                add.accept("handler", t);
                add.accept("declared", y);
                add.accept("paid", y);
            }
            case PAYMENTS -> {
                add.accept("kindLabel", t);
                add.accept("paidOn", d);
                for (String k : List.of("caseNo", "item", "payee", "idNumber", "paidBy")) {
                    add.accept(k, t);
                }
                add.accept("amount", y);
            }
            case OVERDUE -> {
                add.accept("sectionTitle", t);
                for (String k : List.of("caseNo", "item", "applicant", "idNumber")) {
                    add.accept(k, t);
                }
                add.accept("acceptedOn", d);
                add.accept("dueOn", d);
                add.accept("daysLeft", n);
                add.accept("state", t);
                add.accept("handler", t);
            }
            case MONTHLY -> {
                add.accept("sectionTitle", t);
                add.accept("month", XlsxSheet.Type.MONTH);
                add.accept("label", t);
                for (String k : List.of("received", "closed", "rejected", "refused", "open", "onTime", "late",
                        "openOverdue")) {
                    add.accept(k, n);
                }
                add.accept("rate", XlsxSheet.Type.RATE);
            }
            case SOD -> {
                for (String k : List.of("caseNo", "item", "risk", "anomaly", "detail")) {
                    add.accept(k, t);
                }
                add.accept("onDay", d);
            }
        }
        return c;
    }

    /** The 「说明」 sheet: title, agency, period, filters, scope, when printed, totals and summary, audit head. */
    private static List<String[]> info(Prepared p, Mode mode) {
        Map<String, Object> q = p.parameters();
        List<String[]> out = new ArrayList<>();
        java.util.function.BiConsumer<String, Object> add = (k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                out.add(new String[] {M.get("xlsx.info." + k), v.toString()});
            }
        };
        add.accept("title", p.title());
        if (mode == Mode.SANDBOX) {
            add.accept("mode", M.get("xlsx.info.sandbox"));
        }
        add.accept("agency", q.get("P_AGENCIES"));
        add.accept("period", M.get("xlsx.info.periodValue", q.get("P_FROM"), q.get("P_TO")));
        add.accept("filters", q.get("P_FILTERS"));
        add.accept("coverage", q.get("P_COVERAGE"));
        add.accept("printed", q.get("P_PRINTED"));
        add.accept("asOf", q.get("P_AS_OF"));
        add.accept("rows", p.rows().size());
        add.accept("summary", q.get("P_SUMMARY"));
        if (p.kind() == Kind.LEDGER) {
            add.accept("declared", sum(p.rows(), "declaredCounted").toPlainString());
            add.accept("paid", sum(p.rows(), "paid").toPlainString());
        } else if (p.kind() == Kind.PAYMENTS) {
            add.accept("paid", sum(p.rows(), "amount").toPlainString());
        }
        add.accept("auditHead", q.get("P_AUDIT_HEAD"));
        return out;
    }

    private static BigDecimal sum(List<Map<String, ?>> rows, String key) {
        BigDecimal s = BigDecimal.ZERO.setScale(2);
        for (Map<String, ?> r : rows) {
            if (r.get(key) instanceof BigDecimal b) {
                s = s.add(b);
            }
        }
        return s;
    }

    /** The file name suggested for a report: kind, period, extension. */
    public static String fileName(Prepared p, String extension) {
        Object from = p.parameters().get("P_FROM");
        Object to = p.parameters().get("P_TO");
        return p.template() + "-" + from + "_" + to + "." + extension;
    }

    /** Labels of the report kinds in menu order (for screens and help). */
    public static Map<Kind, String> kinds() {
        Map<Kind, String> m = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            m.put(k, k.label());
        }
        return m;
    }
}
