package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.reports.PrintDoc.Kind;
import org.ybdesk.service.Mode;

/**
 * Issue 10: a receipt whose due date lies in a year without a published notice prints it as 暂定 with a note for the
 * applicant — never a staff instruction — and every reprint keeps the promise, the moved date beside it.
 */
@org.junit.jupiter.api.Tag("calendar")
class ProvisionalReceiptTest {
    @TempDir
    Path dir;

    /** Accepted Mon 2026-12-07 for 20 working days: by law due Tue 2027-01-05. */
    @Test
    void provisionalPromiseIsPrintedForTheApplicantAndKeptOnReprint() throws Exception {
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION, LocalDate.of(2026, 12, 7))) {
            String no = f.create(16, "孙八", Set.of()).summary().caseNo();
            f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
            byte[] pdf = f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk);
            Files.createDirectories(DocumentsTest.OUT);
            Files.write(DocumentsTest.OUT.resolve("receipt-provisional.pdf"), pdf);
            String text = PrintFixture.text(pdf).replaceAll("\\s", "");
            assertThat(text).contains("承诺办结日期", "2027年1月5日（暂定）",
                    "2027年节假日安排尚未公布，办结日期按法定节假日暂定，公布后如有变化将另行告知");
            assertThat(text).doesNotContain("导入", "超出工作日历范围", "现办结日期");

            // the 2027 notice arrives with a bridge Monday: the due date moves to 01-06; the promise stays
            f.desk.setup().importCalendar("""
                    years:
                      - year: 2027
                        notice: 测试通知〔2026〕1号
                        holidays:
                          - {name: 元旦, from: 2027-01-01, to: 2027-01-04}
                        makeUpWorkdays: [2027-01-09]
                    """, f.admin);
            String reprint = PrintFixture.text(f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk))
                    .replaceAll("\\s", "");
            assertThat(reprint).contains("承诺办结日期", "2027年1月5日（受理时暂定）", "现办结日期", "2027年1月6日",
                    "2027年工作日历已导入（测试通知〔2026〕1号）");
            assertThat(reprint).doesNotContain("尚未公布", "请导入");
        }
    }
}
