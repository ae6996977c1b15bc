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

/** {@code ybdesk print}: PDFs of a case's documents and blank tables; refusals exit 1, usage errors 2. */
class PrintCliTest {
    static final String PW = "passw0rd123";

    @TempDir
    Path dir;

    Run as(String user, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--user", user, "--password", PW));
        return ybdesk(dir, all.toArray(String[]::new));
    }

    static String text(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void printsReceiptTableAndBlankTableAndRefusesWhatDoesNotApply() throws Exception {
        assertThat(ybdesk(dir, "init", "--window", "1", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--hotline", "0451-84661234").code()).isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", CliTest.residentId("19750101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", CliTest.residentId("19850101")).code()).isZero();
        String id = CliTest.residentId("19800101");
        Run created = as("clerk", "case", "create", "--item", "16", "--applicant-id", id, "--applicant-name", "张䶮",
                "--phone", "13812345678", "--field", "age=46", "--field", "insuranceType=职工基本医疗保险",
                "--field", "insuredPlace=230102", "--field", "diseaseName=高血压",
                "--field", "benefitStartDate=2026-12-01", "--all-materials", "paper", "--json");
        assertThat(created.code()).as(created.toString()).isZero();
        String no = created.json().at("/summary/caseNo").asText();

        Run notYet = as("clerk", "print", "--case", no, "--doc", "receipt", "--out", dir.resolve("r.pdf").toString());
        assertThat(notYet.code()).as(notYet.toString()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(notYet.err()).contains("受理回执", "尚未受理");
        assertThat(Files.exists(dir.resolve("r.pdf"))).isFalse();

        assertThat(as("clerk", "case", "accept", no).code()).isZero();
        Path receipt = dir.resolve("out/receipt.pdf");
        Run r = as("clerk", "print", "--case", no, "--doc", "receipt", "--out", receipt.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("受理回执", "receipt.pdf");
        assertThat(text(receipt)).contains("受理回执", no, "张䶮", id, "0451-84661234");

        Path table = dir.resolve("table-10.pdf");
        Run t = as("clerk", "print", "--case", no, "--doc", "table-10", "--out", table.toString());
        assertThat(t.code()).as(t.toString()).isZero();
        assertThat(text(table)).contains("张䶮", "高血压", no);

        Path blank = dir.resolve("blank-9.pdf");
        Run b = as("clerk", "print", "--blank", "table-9", "--out", blank.toString());
        assertThat(b.code()).as(b.toString()).isZero();
        assertThat(text(blank)).contains("异地就医登记备案表", "（空白表）");

        Run notice = as("clerk", "print", "--case", no, "--doc", "notice", "--out", dir.resolve("n.pdf").toString());
        assertThat(notice.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(notice.err()).contains("不适用于此办件");
        Run wrongTable = as("clerk", "print", "--case", no, "--doc", "table-1", "--out", dir.resolve("x.pdf").toString());
        assertThat(wrongTable.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(wrongTable.err()).contains("表1");
        Run unknown = as("clerk", "print", "--case", no, "--doc", "letter", "--out", dir.resolve("x.pdf").toString());
        assertThat(unknown.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(unknown.err()).contains("没有「letter」");

        Run both = as("clerk", "print", "--case", no, "--blank", "table-9", "--out", dir.resolve("x.pdf").toString());
        assertThat(both.code()).as(both.toString()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(both.err()).contains("--blank");
        Run noOut = as("clerk", "print", "--case", no, "--doc", "receipt");
        assertThat(noOut.code()).isEqualTo(YbdeskCommand.USAGE);
        Run help = ybdesk(dir, "print", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("受理回执", "空白参考样表", "PDF");
    }

    @Test
    void theProgressAddressIsSetByAnAdministratorCheckedAndCleared() {
        assertThat(ybdesk(dir, "init", "--window", "1", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心").code()).isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", CliTest.residentId("19750101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", CliTest.residentId("19850101")).code()).isZero();
        assertThat(as("admin", "org", "progress-url").out()).contains("未设置进度查询网址");

        Run bad = as("admin", "org", "progress-url", "ftp://ybj.example.gov.cn/jd");
        assertThat(bad.code()).as(bad.toString()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(bad.err()).contains("http", "{caseNo}");
        Run clerk = as("clerk", "org", "progress-url", "https://ybj.example.gov.cn/jd?bh={caseNo}");
        assertThat(clerk.code()).as(clerk.toString()).isEqualTo(YbdeskCommand.REFUSED);

        Run set = as("admin", "org", "progress-url", "https://ybj.example.gov.cn/jd?bh={caseNo}");
        assertThat(set.code()).as(set.toString()).isZero();
        assertThat(as("admin", "org", "progress-url").out()).contains("https://ybj.example.gov.cn/jd?bh={caseNo}");
        Run both = as("admin", "org", "progress-url", "https://x.example/{caseNo}", "--clear");
        assertThat(both.code()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(as("admin", "org", "progress-url", "--clear").code()).isZero();
        assertThat(as("admin", "org", "progress-url").out()).contains("未设置进度查询网址");
    }
}
