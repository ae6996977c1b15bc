package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.SandboxSeeder;

/**
 * {@code ybdesk report …} on a training sandbox seeded through the real services up to the tests' fixed day: the
 * files it writes, and exit codes 0 (written), 1 (refused, reasons in Chinese on stderr), 2 (command line not
 * understood).
 */
class ReportCliTest {
    @TempDir
    static Path dir;
    static final LocalDate TODAY = LocalDate.ofInstant(CliTest.TODAY.instant(), Desk.ZONE);
    static final String FROM = TODAY.minusDays(60).toString();
    static final String TO = TODAY.toString();

    @BeforeAll
    static void seed() {
        SandboxSeeder.seed(dir, CliTest.TODAY);
    }

    static CliTest.Run report(String... args) {
        List<String> all = new ArrayList<>(List.of("--sandbox", "--user", "head", "--password", "px260006", "report"));
        all.addAll(Arrays.asList(args));
        return CliTest.ybdesk(dir, all.toArray(String[]::new));
    }

    @Test
    void monthlyPdfIsWrittenWithTheCountsOfTheService(@TempDir Path out) throws IOException {
        Path pdf = out.resolve("sub/monthly.pdf");
        CliTest.Run r = report("monthly", "--from", FROM, "--to", TO, "--out", pdf.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("医疗保障经办政务服务月度统计", pdf.toString());
        int received;
        try (Desk desk = Desk.open(dir, Mode.SANDBOX)) {
            received = desk.reports().monthly(ReportService.Filter.of(LocalDate.parse(FROM), TODAY)).received();
        }
        assertThat(received).isPositive();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("月度统计", "收件 " + received + " 件");
        }
    }

    /** Issue 12: {@code --scope county} covers the county view; the page names the scope and the desks covered. */
    @Test
    void countyScopeNamesItsScopeAndCoveredDesks(@TempDir Path out) throws IOException {
        Path pdf = out.resolve("ledger.pdf");
        CliTest.Run r = report("ledger", "--from", FROM, "--to", TO, "--scope", "county", "--out", pdf.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("范围：本县（区）全部办件",
                    "覆盖窗口：");
        }
    }

    @Test
    void paymentsAsXlsxFilteredByItem(@TempDir Path out) throws IOException {
        Path xlsx = out.resolve("payments.xlsx");
        CliTest.Run r = report("payments", "--from", FROM, "--to", TO, "--item", "17", "--agency", "PX230102",
                "--format", "xlsx", "--out", xlsx.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        try (ZipFile z = new ZipFile(xlsx.toFile())) {
            assertThat(z.getEntry("xl/worksheets/sheet1.xml")).isNotNull();
        }
    }

    @Test
    void refusalsAndUsageErrors(@TempDir Path out) {
        String file = out.resolve("x.pdf").toString();
        CliTest.Run reversed = report("ledger", "--from", TO, "--to", FROM, "--out", file);
        assertThat(reversed.code()).as(reversed.toString()).isEqualTo(1);
        assertThat(reversed.err()).contains("早于起始日期");
        CliTest.Run tooLong = report("ledger", "--from", TODAY.minusYears(2).toString(), "--to", TO, "--out", file);
        assertThat(tooLong.code()).isEqualTo(1);
        assertThat(tooLong.err()).contains("台账的统计期间不能超过1年");
        CliTest.Run badDate = report("sod", "--from", "2026-02-30", "--to", TO, "--state", "无此状态", "--out", file);
        assertThat(badDate.code()).isEqualTo(1);
        assertThat(badDate.err()).contains("「起始日期」的日期「2026-02-30」无法识别", "办件状态「无此状态」不存在");
        assertThat(Files.exists(Path.of(file))).isFalse();
        CliTest.Run unknownKind = report("weekly", "--from", FROM, "--to", TO, "--out", file);
        assertThat(unknownKind.code()).isEqualTo(2);
        assertThat(unknownKind.err()).contains("weekly");
        CliTest.Run badScope = report("ledger", "--from", FROM, "--to", TO, "--scope", "province", "--out", file);
        assertThat(badScope.code()).as(badScope.toString()).isEqualTo(1);
        assertThat(badScope.err()).contains("统计范围「province」无法识别", "county");
        CliTest.Run badFormat = report("ledger", "--from", FROM, "--to", TO, "--format", "doc", "--out", file);
        assertThat(badFormat.code()).isEqualTo(2);
        CliTest.Run noOut = report("ledger", "--from", FROM, "--to", TO);
        assertThat(noOut.code()).isEqualTo(2);
        CliTest.Run help = CliTest.ybdesk(dir, "report", "--help");
        assertThat(help.code()).as(help.toString()).isZero();
        assertThat(help.out()).contains("批量报表", "--from", "台账");
    }
}
