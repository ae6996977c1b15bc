package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.launcher.cli.CliTest.Run;

/**
 * Issue 14, point 11: {@code ybdesk print --cases --from D --to D [--item N] [--state S] --doc DOC} prints the
 * document of every matching case into one PDF, lists the cases it does not apply to, and refuses a bad request with
 * every problem at once in Chinese, writing nothing. Point 12 from the command line: an unprintable name is refused
 * at {@code case create}.
 */
class BatchPrintCliTest {
    static final String PW = "passw0rd123";
    static final String DAY = "2026-11-16";

    @TempDir
    Path dir;

    Run as(String user, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--user", user, "--password", PW));
        return ybdesk(dir, all.toArray(String[]::new));
    }

    String create(String name, boolean accept) {
        Run c = as("clerk", "case", "create", "--item", "16", "--applicant-id", CliTest.residentId("19800101"),
                "--applicant-name", name, "--phone", "13812345678", "--field", "age=46",
                "--field", "insuredPlace=230102", "--field", "insuranceType=职工基本医疗保险", "--field",
                "diseaseName=高血压", "--field", "benefitStartDate=2026-12-01", "--all-materials", "paper", "--json");
        assertThat(c.code()).as(c.toString()).isZero();
        String no = c.json().at("/summary/caseNo").asText();
        if (accept) {
            assertThat(as("clerk", "case", "accept", no).code()).isZero();
        }
        return no;
    }

    void setUp() {
        assertThat(ybdesk(dir, "init", "--window", "1", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--hotline", "0451-84661234").code()).isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", CliTest.residentId("19750101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", CliTest.residentId("19850101")).code()).isZero();
    }

    @Test
    void printsEveryMatchingCaseIntoOnePdfAndListsTheSkipped() throws Exception {
        setUp();
        String a = create("张䶮", true);
        String b = create("李四", true);
        String notAccepted = create("王五", false);
        Path out = dir.resolve("batch/receipts.pdf");
        Run r = as("clerk", "print", "--cases", "--from", DAY, "--to", DAY, "--item", "16", "--doc", "receipt",
                "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("已跳过 " + notAccepted, "尚未受理", "2 件（跳过 1 件）", "receipts.pdf");
        try (PDDocument d = Loader.loadPDF(out.toFile())) {
            assertThat(d.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(d);
            assertThat(text).contains(a, b, "张䶮", "李四").doesNotContain(notAccepted);
        }
        // by state: only the case waiting for acceptance; a receipt applies to none of them
        Run none = as("clerk", "print", "--cases", "--from", DAY, "--to", DAY, "--state", "待受理", "--doc", "receipt",
                "--out", dir.resolve("none.pdf").toString());
        assertThat(none.code()).as(none.toString()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(none.out()).contains("已跳过 " + notAccepted);
        assertThat(none.err()).contains("都不适用受理回执", "未生成文件");
        assertThat(Files.exists(dir.resolve("none.pdf"))).isFalse();
    }

    @Test
    void refusesABadRequestWithEveryProblemAndWritesNothing() {
        setUp();
        Path out = dir.resolve("x.pdf");
        Run bad = as("clerk", "print", "--cases", "--from", "2026-02-30", "--to", DAY, "--state", "无此状态", "--doc",
                "receipts", "--out", out.toString());
        assertThat(bad.code()).as(bad.toString()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(bad.err()).contains("receipts", "「起始日期」的日期「2026-02-30」无法识别", "办件状态「无此状态」不存在");
        Run reversed = as("clerk", "print", "--cases", "--from", DAY, "--to", "2026-11-01", "--item", "99", "--doc",
                "receipt", "--out", out.toString());
        assertThat(reversed.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(reversed.err()).contains("早于起始日期", "99");
        Run noPeriod = as("clerk", "print", "--cases", "--doc", "receipt", "--out", out.toString());
        assertThat(noPeriod.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(noPeriod.err()).contains("必须指定收件日期范围");
        Run nothing = as("clerk", "print", "--cases", "--from", DAY, "--to", DAY, "--doc", "receipt", "--out",
                out.toString());
        assertThat(nothing.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(nothing.err()).contains("没有符合条件的办件");
        Run mixed = as("clerk", "print", "--cases", "--case", "X", "--doc", "receipt", "--out", out.toString());
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("不能同时指定 --case");
        Run filterWithoutCases = as("clerk", "print", "--case", "X", "--doc", "receipt", "--from", DAY, "--out",
                out.toString());
        assertThat(filterWithoutCases.code()).isEqualTo(2);
        assertThat(filterWithoutCases.err()).contains("请同时指定 --cases");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void anUnprintableNameIsRefusedAtCaseCreate() {
        setUp();
        String zhe = new String(Character.toChars(0x2A6A5));
        Run c = as("clerk", "case", "create", "--item", "16", "--applicant-id", CliTest.residentId("19800101"),
                "--applicant-name", "张" + zhe, "--phone", "13812345678", "--field", "age=46",
                "--field", "insuredPlace=230102", "--field", "insuranceType=职工基本医疗保险", "--field",
                "diseaseName=高血压", "--field", "benefitStartDate=2026-12-01", "--all-materials", "paper");
        assertThat(c.code()).as(c.toString()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(c.err()).contains("U+2A6A5", "没有字形", "栏中的字「" + zhe + "」");
    }
}
