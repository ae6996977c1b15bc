package org.ybdesk.reports.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.ReportService.Filter;
import org.ybdesk.service.ReportService.Kind;
import org.ybdesk.service.SandboxSeeder;
import org.ybdesk.service.ServiceException;

/**
 * The batch reports rendered from a sandbox filled through the real services (45 days of cases up to 2026-11-25):
 * PDF text read back with PDFBox, XLSX sheets read back from their XML, totals compared with plain SQL. The PDFs are
 * also written to {@code target/batch-prints/} to be looked at.
 */
class BatchReportsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    static final DecimalFormat YUAN = new DecimalFormat("#,##0.00");

    @TempDir
    static Path dir;
    static Desk desk;

    @BeforeAll
    static void seed() {
        Clock clock = Clock.fixed(TODAY.atTime(LocalTime.of(9, 0)).atZone(Desk.ZONE).toInstant(), Desk.ZONE);
        SandboxSeeder.seed(dir, clock);
        desk = Desk.open(dir, Mode.SANDBOX, clock);
    }

    @AfterAll
    static void close() {
        desk.close();
    }

    static Filter period() {
        return Filter.of(FROM, TODAY);
    }

    static long sql(String query) {
        Object v = desk.db().dsl().fetchValue(query);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static void keep(String name, byte[] bytes) throws IOException {
        Path out = Path.of("target", "batch-prints");
        Files.createDirectories(out);
        Files.write(out.resolve(name), bytes);
    }

    static String yuan(long fen) {
        return YUAN.format(BigDecimal.valueOf(fen, 2));
    }

    /** Every numeric cell of the first sheet (cells that are not strings), in sheet order. */
    static List<BigDecimal> numericCells(byte[] xlsx) throws IOException {
        String sheet = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(sheet).as("sheet1.xml in the workbook").isNotNull();
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = Pattern.compile("<c ([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v></c>").matcher(sheet);
        while (m.find()) {
            String attrs = m.group(1);
            if (!attrs.contains("t=\"s\"") && !attrs.contains("t=\"str\"") && !attrs.contains("t=\"inlineStr\"")) {
                out.add(new BigDecimal(m.group(2)));
            }
        }
        return out;
    }

    /** The second sheet (「说明」: period, totals, audit head) as text. */
    static String infoSheet(byte[] xlsx) throws IOException {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/worksheets/sheet2.xml")) {
                    return new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no sheet2.xml in the workbook");
    }

    @Test
    void monthlyPdfHasTheChartsTheTotalsAndPageNumbers() throws IOException {
        ReportService.Monthly m = desk.reports().monthly(period());
        long received = sql("select count(*) from case_file where received_on between date '2026-10-01' and date '2026-11-25'");
        assertThat(m.received()).isEqualTo(received).isGreaterThan(20);
        BatchReports.Prepared p = BatchReports.monthly(m);
        JasperPrint print = BatchReports.print(p);
        byte[] pdf = BatchReports.pdf(print, desk.mode());
        keep("monthly.pdf", pdf);
        String t = text(pdf);
        assertThat(t).contains("医疗保障经办政务服务月度统计", "培训", "统计期间：2026-10-01 至 2026-11-25（按收件日期统计）",
                "收件 " + received + " 件", "按期办结率", "第 1 页", "共 " + print.getPages().size() + " 页",
                "一、按月份和事项", "二、按当前状态", "三、按受理渠道", "合计");
        assertThat(t.replaceAll("\\s", "")).as("sandbox reports carry the training watermark")
                .contains(org.ybdesk.reports.Watermark.text().replaceAll("\\s", ""));
        if (m.timeliness().ratePercent() != null) {
            assertThat(t).contains("按期办结率 " + m.timeliness().ratePercent().toPlainString() + "%");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("chart images").hasSizeGreaterThanOrEqualTo(2);
            List<String> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont f = doc.getPage(0).getResources().getFont(name);
                fonts.add(f.getName());
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            }
            assertThat(fonts).anyMatch(n -> n.contains("NotoSerifCJK")).anyMatch(n -> n.contains("NotoSansCJK"));
        }
    }

    @Test
    void monthlyXlsxHasNumericCountsThatAddUp() throws IOException {
        ReportService.Monthly m = desk.reports().monthly(period());
        byte[] xlsx = BatchReports.xlsx(BatchReports.monthly(m), desk.mode());
        keep("monthly.xlsx", xlsx);
        List<BigDecimal> n = numericCells(xlsx);
        // per month and item: received, closed, rejected, refused, open, on time, late, open overdue (+ rate)
        assertThat(n).usingElementComparator(BigDecimal::compareTo).contains(BigDecimal.valueOf(m.received()));
        long sumReceived = m.rows().stream().mapToLong(ReportService.MonthlyRow::received).sum();
        assertThat(sumReceived).isEqualTo(m.received());
        assertThat(n.size()).isGreaterThanOrEqualTo(m.rows().size() * 8);
    }

    @Test
    void ledgerPdfListsEveryCaseWithExactTotals() throws IOException {
        ReportService.Ledger l = desk.reports().ledger(period());
        long count = sql("select count(*) from case_file where received_on between date '2026-10-01' and date '2026-11-25'");
        // issue 14 (D167): 支付金额 counts the 支付/拨付 steps up to the period's end, not item 10's 余额划转
        long paid = sql("select sum(e.amount_fen) from case_event e join case_file c on c.id = e.case_id where "
                + "e.action = 'PAY' and e.on_day <= date '2026-11-25' and c.received_on between date '2026-10-01' "
                + "and date '2026-11-25'");
        long declared = sql("select sum(declared_fen) from case_file where received_on between date '2026-10-01' "
                + "and date '2026-11-25' and state <> 'REFUSED'");
        assertThat(l.rows()).hasSize((int) count);
        assertThat(l.paidTotal().fen()).isEqualTo(paid);
        byte[] pdf = BatchReports.pdf(BatchReports.ledger(l), desk.mode());
        keep("ledger.pdf", pdf);
        String t = text(pdf);
        assertThat(t).contains("医疗保障经办政务服务办件台账", "合计 " + count + " 件", yuan(paid), yuan(declared));
        assertThat(t).contains(l.rows().get(0).caseNo(), l.rows().get(l.rows().size() - 1).caseNo());
        // the footer carries the audit chain's head (D71): compare the paper with `ybdesk audit verify`
        var head = desk.auditHead().orElseThrow();
        assertThat(l.auditHead()).contains("第 " + head.seq() + " 条", head.hash().substring(0, 16));
        assertThat(t.replaceAll("\\s+", "")).contains("审计链头", head.hash().substring(0, 16));
        assertThat(t).doesNotContain(desk.db().dsl().fetchValue("select applicant_id_number from case_file "
                + "where applicant_kind = 'PERSON' limit 1").toString());
        byte[] xlsx = BatchReports.xlsx(BatchReports.ledger(l), desk.mode());
        keep("ledger.xlsx", xlsx);
        // the totals are on the 「说明」 sheet since issue 14 (no total row among the sortable data)
        assertThat(infoSheet(xlsx)).contains(BigDecimal.valueOf(paid, 2).toPlainString());
    }

    @Test
    void paymentsPdfAndXlsxTotalPerKindAndOverall() throws IOException {
        ReportService.Payments p = desk.reports().payments(period());
        long total = sql("select sum(amount_fen) from case_event where action = 'PAY' and on_day between "
                + "date '2026-10-01' and date '2026-11-25'");
        assertThat(total).isPositive();
        assertThat(p.total().fen()).isEqualTo(total);
        assertThat(p.totals().stream().mapToLong(x -> x.amount().fen()).sum()).isEqualTo(total);
        byte[] pdf = BatchReports.pdf(BatchReports.payments(p), desk.mode());
        keep("payments.pdf", pdf);
        String t = text(pdf);
        assertThat(t).contains("医疗保障待遇支付清单", "按支付日期统计", "总计 " + p.count() + " 笔", yuan(total));
        for (ReportService.PaymentTotal k : p.totals()) {
            assertThat(t).contains(k.label() + "小计 " + k.count() + " 笔", yuan(k.amount().fen()));
        }
        byte[] payXlsx = BatchReports.xlsx(BatchReports.payments(p), desk.mode());
        List<BigDecimal> n = numericCells(payXlsx);
        assertThat(infoSheet(payXlsx)).contains(BigDecimal.valueOf(total, 2).toPlainString());
        BigDecimal rowsSum = BigDecimal.ZERO;
        for (ReportService.PaymentRow r : p.rows()) {
            assertThat(n).usingElementComparator(BigDecimal::compareTo).contains(BigDecimal.valueOf(r.amount().fen(), 2));
            rowsSum = rowsSum.add(BigDecimal.valueOf(r.amount().fen(), 2));
        }
        assertThat(rowsSum).isEqualByComparingTo(BigDecimal.valueOf(total, 2));
    }

    @Test
    void overdueAndSodReportsRender() throws IOException {
        ReportService.DueLists d = desk.reports().due(period());
        byte[] pdf = BatchReports.pdf(BatchReports.due(d), desk.mode());
        keep("overdue.pdf", pdf);
        String t = text(pdf);
        assertThat(t).contains("逾期与临近办结期限办件清单", "已逾期 " + d.overdue().size() + " 件",
                "临近办结期限 " + d.near().size() + " 件");
        d.overdue().stream().limit(3).forEach(r -> assertThat(t).contains(r.caseNo()));
        ReportService.SodReport s = desk.reports().separationOfDuties(period());
        String st = text(BatchReports.pdf(BatchReports.separationOfDuties(s), desk.mode()));
        assertThat(st).contains("岗位分离与审计异常清单", "共检查办件 " + s.casesChecked() + " 件");
    }

    /** Issue 12: every report says which cases it covers and which desks, each with its last upload. */
    @Test
    void everyReportNamesItsScopeAndTheDesksItCovers() throws IOException {
        for (Kind k : Kind.values()) {
            BatchReports.Prepared p = BatchReports.prepare(desk, k, period());
            String t = text(BatchReports.pdf(p, desk.mode())).replaceAll("\\s+", "");
            assertThat(t).as(k.name()).contains("范围：本窗口受理的办件", "覆盖窗口：",
                    desk.agency().orElseThrow().getName());
        }
    }

    @Test
    void templatesAreCompiledOncePerProcess() {
        var first = BatchTemplates.get("sod");
        BatchReports.print(BatchReports.prepare(desk, Kind.SOD, period()));
        assertThat(BatchTemplates.get("sod")).isSameAs(first);
    }

    @Test
    void aBadPeriodIsRefusedBeforeAnythingIsFilled() {
        assertThatThrownBy(() -> BatchReports.prepare(desk, Kind.LEDGER, Filter.of(TODAY, FROM)))
                .isInstanceOf(ServiceException.class).hasMessageContaining("早于起始日期");
    }
}
