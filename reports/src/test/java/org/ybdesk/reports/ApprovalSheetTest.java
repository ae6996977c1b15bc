package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;
import org.ybdesk.reports.PrintDoc.Kind;
import org.ybdesk.service.Mode;

/**
 * Issue 14, items 1 and 9 (D162, D166): the approval sheet lists the item's stages in the flow's order, each with its
 * opinion, person and date; an open case has room to sign the stages to come; a turned-down case shows what happened
 * and the refusal with its reasons, not blank stages waiting for signatures; long labels wrap instead of losing the
 * words that tell two rows apart (「医疗机构执业许可证有效期限开始日期／截止日期」).
 */
class ApprovalSheetTest {
    @TempDir
    static Path dir;
    static PrintFixture f;

    @BeforeAll
    static void open() throws Exception {
        f = new PrintFixture(dir, Mode.PRODUCTION);
        Files.createDirectories(DocumentsTest.OUT);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    /** The stage rows of the sheet: c1 (stage), c2 (opinion), c3 (person), c4 (date). */
    private static List<List<String>> stages(String no) {
        Documents.Content c = Documents.build(PrintDoc.of(Kind.APPROVAL), f.desk.prints().model(no, f.clerk));
        return c.lines().stream().filter(l -> "STAGE".equals(l.get("kind")))
                .map(l -> List.of(s(l, "c1"), s(l, "c2"), s(l, "c3"), s(l, "c4"))).toList();
    }

    private static String s(Map<String, ?> l, String k) {
        return l.get(k) == null ? "" : (String) l.get(k);
    }

    @Test
    void anOpenCaseListsTheStagesDoneThenTheStagesToComeInTheFlowsOrder() throws Exception {
        String no = f.create(17, "孙八", Set.of()).summary().caseNo();
        f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
        f.act(no, Command.withAmount(CaseAction.REVIEW, Money.ofFen(86_420)), f.reviewer);
        var rows = stages(no);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("受理", "审核通过", "复核通过", "支付", "办结");
        assertThat(rows.get(0)).containsExactly("受理", "", "窗口乙", "2026年11月2日");
        assertThat(rows.get(1)).containsExactly("审核通过", "", "审核丁", "2026年11月2日");
        for (List<String> r : rows.subList(2, 5)) { // to come: room for the opinion, the signature, the date
            assertThat(r.subList(1, 4)).containsExactly("", "", "　　年　　月　　日");
        }
        byte[] pdf = f.prints.render(PrintDoc.of(Kind.APPROVAL), no, f.clerk);
        Files.write(DocumentsTest.OUT.resolve("approval-open.pdf"), pdf);
        String text = PrintFixture.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains("环节意见经办人（签字）日期");
        assertThat(text.indexOf("复核通过")).isLessThan(text.indexOf("支付")).isPositive();
    }

    @Test
    void aRejectedCaseShowsWhatHappenedAndTheRefusalNotBlankStages() throws Exception {
        String no = f.create(9, "赵六", Set.of()).summary().caseNo();
        f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
        f.act(no, Command.withReasons(CaseAction.REJECT, List.of("个人账户余额为零", "未提供出国（境）定居证明")),
                f.reviewer);
        var rows = stages(no);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("受理", "未通过");
        assertThat(rows.get(1)).containsExactly("未通过", "个人账户余额为零；未提供出国（境）定居证明", "审核丁",
                "2026年11月2日");
        String text = PrintFixture.text(f.prints.render(PrintDoc.of(Kind.APPROVAL), no, f.clerk));
        assertThat(text).doesNotContain("　　年　　月　　日", "办结");
        assertThat(text.replaceAll("\\s", "")).contains("个人账户余额为零；未提供出国（境）定居证明");
    }

    @Test
    void aDesignationListsItsOwnStagesAndLongLabelsKeepWhatDistinguishesThem() throws Exception {
        String no = f.create(25, "道里区钱七医院", Set.of()).summary().caseNo();
        f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
        assertThat(stages(no)).extracting(r -> r.get(0)).containsExactly("受理", "评估合格", "公示期满无异议",
                "签订协议");
        byte[] pdf = f.prints.render(PrintDoc.of(Kind.APPROVAL), no, f.clerk);
        Files.write(DocumentsTest.OUT.resolve("approval-25.pdf"), pdf);
        String text = PrintFixture.text(pdf).replaceAll("\\s", "");
        // today both rows read 「医疗机构执业许可证有效」: the label was cut to one line
        assertThat(text).contains("医疗机构执业许可证有效期限开始日期", "医疗机构执业许可证有效期限截止日期");
        assertThat(PdfProbe.read(pdf, 9f).small).isEmpty();
    }
}
