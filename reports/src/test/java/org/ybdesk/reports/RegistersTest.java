package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.type.SplitTypeEnum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ybdesk.reports.batch.BatchReports;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.ReportService.Filter;
import org.ybdesk.service.ReportService.Kind;

/**
 * Issue 14, point 5: the ledger, payment and overdue lists are registers — every case number whole on one line in
 * its column, no glyph below 9 pt, 「第N页 共M页」 on every page, rows kept whole across pages — and the ledger's
 * figures reconcile with the payment list (a transfer's 余额划转 is not a payment; a refused declaration is not added
 * to 申报金额). Real H2 desk, real services; the PDFs are kept in {@code target/registers/} to be looked at.
 */
class RegistersTest {
    static final LocalDate TODAY = PrintFixture.TODAY;
    static final Filter PERIOD = Filter.of(TODAY.minusDays(30), TODAY);

    static PrintFixture f;
    static final DayClock clock = new DayClock();

    /** A fixed time of day on a day the test may move. */
    static final class DayClock extends Clock {
        volatile LocalDate day = TODAY;

        @Override
        public java.time.ZoneId getZone() {
            return Desk.ZONE;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return day.atTime(LocalTime.of(9, 30)).atZone(Desk.ZONE).toInstant();
        }
    }

    @BeforeAll
    static void data() {
        f = RegisterCases.shared();
    }

    static long sql(String query) {
        Object v = f.desk.db().dsl().fetchValue(query);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static String yuan(long fen) {
        return new java.text.DecimalFormat("#,##0.00").format(java.math.BigDecimal.valueOf(fen, 2));
    }

    static void keep(String name, byte[] pdf) throws IOException {
        Path out = Path.of("target", "registers");
        Files.createDirectories(out);
        Files.write(out.resolve(name), pdf);
    }

    @Test
    void ledgerPaidEqualsThePaymentListAndRefusedDeclarationsAreNotAdded() throws IOException {
        long moved = sql("select coalesce(sum(amount_fen), 0) from case_event where action = 'MOVE_BALANCE'");
        assertThat(moved).as("item 10's 余额划转 in the data").isPositive();
        ReportService.Ledger l = f.desk.reports().ledger(PERIOD);
        ReportService.Payments p = f.desk.reports().payments(PERIOD);
        assertThat(p.total().fen()).isPositive();
        assertThat(l.paidTotal().fen()).as("ledger 支付金额 = payment list total").isEqualTo(p.total().fen());
        assertThat(l.paidTotal().fen()).as("the moved balance is not a payment")
                .isEqualTo(sql("select coalesce(sum(paid_fen), 0) from case_file") - moved);
        long declaredAll = sql("select coalesce(sum(declared_fen), 0) from case_file");
        assertThat(l.declaredTotal().fen()).isEqualTo(declaredAll - RegisterCases.REFUSED_DECLARED)
                .isEqualTo(sql("select coalesce(sum(declared_fen), 0) from case_file where state <> 'REFUSED'"));
        assertThat(l.refusedDeclarations()).isEqualTo(1);
        String t = PdfProbe.read(BatchReports.pdf(BatchReports.ledger(l), Mode.PRODUCTION), 9f).text;
        assertThat(t).contains("申报金额合计不含不予受理的 1 件",
                yuan(l.declaredTotal().fen()), yuan(p.total().fen()));
    }

    @Test
    void ledgerPrintsEveryCaseNumberWholeAtNinepoints() throws IOException {
        ReportService.Ledger l = f.desk.reports().ledger(PERIOD);
        assertThat(l.rows()).hasSizeGreaterThan(60);
        JasperPrint print = BatchReports.print(BatchReports.ledger(l));
        byte[] pdf = BatchReports.pdf(print, Mode.PRODUCTION);
        keep("ledger.pdf", pdf);
        registerChecks(pdf, l.rows().stream().map(ReportService.LedgerRow::caseNo).toList(), 3);
    }

    @Test
    void paymentListPrintsEveryCaseNumberWholeAtNinePoints() throws IOException {
        ReportService.Payments p = f.desk.reports().payments(PERIOD);
        assertThat(p.rows()).hasSizeGreaterThanOrEqualTo(4);
        byte[] pdf = BatchReports.pdf(BatchReports.payments(p), Mode.PRODUCTION);
        keep("payments.pdf", pdf);
        registerChecks(pdf, p.rows().stream().map(ReportService.PaymentRow::caseNo).toList(), 1);
    }

    /** The overdue list as of 40 days later: the open cases accepted on the first day are overdue by then. */
    @Test
    void overdueListPrintsEveryCaseNumberWholeAtNinePoints() throws IOException {
        ReportService.DueLists d;
        clock.day = TODAY.plusDays(40);
        try {
            d = f.desk.reports().due(Filter.of(TODAY.minusDays(30), TODAY));
        } finally {
            clock.day = TODAY;
        }
        assertThat(d.overdue()).hasSizeGreaterThan(5);
        byte[] pdf = BatchReports.pdf(BatchReports.due(d), Mode.PRODUCTION);
        keep("overdue.pdf", pdf);
        registerChecks(pdf, d.overdue().stream().map(ReportService.DueRow::caseNo).toList(), 1);
    }

    @Test
    void everyBatchReportIsAtLeastNinePointsWithPageNofM() throws IOException {
        for (Kind k : Kind.values()) {
            byte[] pdf = BatchReports.pdf(BatchReports.prepare(f.desk, k, PERIOD), Mode.PRODUCTION);
            keep(k.name().toLowerCase() + ".pdf", pdf);
            PdfProbe probe = PdfProbe.read(pdf, 9f);
            assertThat(probe.small).as(k + ": glyphs below 9 pt").isEmpty();
            footers(pdf, probe.pages);
        }
    }

    /** A row is kept whole: every batch template's detail band may not split across pages. */
    @Test
    void rowsNeverSplitAcrossPages() {
        for (String t : List.of("ledger", "payments", "overdue", "monthly", "sod")) {
            var report = Templates.get(Templates.jrxml("org/ybdesk/reports/batch/" + t));
            for (var band : report.getDetailSection().getBands()) {
                assertThat(band.getSplitType()).as(t).isEqualTo(SplitTypeEnum.PREVENT);
            }
        }
    }

    /** Each number whole on one line, nothing under 9 pt, at least {@code minPages} pages each with 第N页 共M页. */
    static void registerChecks(byte[] pdf, List<String> caseNos, int minPages) throws IOException {
        PdfProbe probe = PdfProbe.read(pdf, 9f);
        assertThat(probe.small).as("glyphs below 9 pt").isEmpty();
        assertThat(probe.pages).isGreaterThanOrEqualTo(minPages);
        assertThat(caseNos).allSatisfy(no -> assertThat(no).hasSize(24));
        List<String> lines = probe.text.lines().toList();
        for (String no : caseNos) {
            assertThat(lines).as("case number %s whole on one line", no).anyMatch(line -> line.contains(no));
        }
        footers(pdf, probe.pages);
    }

    static void footers(byte[] pdf, int pages) throws IOException {
        List<String> texts = PrintFixture.pageTexts(pdf);
        assertThat(texts).hasSize(pages);
        for (int i = 0; i < pages; i++) {
            assertThat(texts.get(i).replaceAll("\\s+", "")).as("page %d", i + 1)
                    .contains("第" + (i + 1) + "页共" + pages + "页");
        }
    }
}
