package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Mode;
import org.ybdesk.reports.PrintDoc.Kind;

/** Every window document rendered from real cases and read back with PDFBox; documents that do not apply refused. */
class DocumentsTest {
    static final Path OUT = Path.of("target/prints");

    @TempDir
    static Path dir;
    static PrintFixture f;

    @BeforeAll
    static void open() throws Exception {
        f = new PrintFixture(dir, Mode.PRODUCTION);
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    static byte[] save(String name, byte[] pdf) throws Exception {
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        int[] seen = {0};
        assertThat(PrintFixture.notEmbedded(pdf, seen)).as("fonts not embedded in %s", name).isEmpty();
        assertThat(seen[0]).isPositive();
        return pdf;
    }

    @Test
    void receiptCarriesCaseItemApplicantMaterialsDueDateAndQr() throws Exception {
        CaseView c = f.create(17, "王䶮", Set.of());
        String no = c.summary().caseNo();
        CaseView v = f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
        String text = PrintFixture.text(save("receipt", f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk)));
        assertThat(text).contains("受理回执", no, "王䶮", c.applicantId(), "门（急）诊费用报销",
                "2026年11月2日", "窗口乙", "0451-84661234", "哈尔滨市道里区医疗保障中心", "承诺办结日期",
                "已收取的申请材料", "打印时间：2026-11-02 09:30");
        assertThat(text).contains(Documents.date(v.summary().deadline().dueDate()));
        assertThat(v.summary().deadline().dueDate()).isAfter(PrintFixture.TODAY);
        c.materials().forEach(m -> assertThat(text.replaceAll("\\s", "")).contains(m.name().replaceAll("\\s", "")));
        assertThat(PrintFixture.pages(f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk))).isEqualTo(1);
    }

    @Test
    void refusalNoticeListsEveryReasonAndMissingMaterial() throws Exception {
        CaseView c = f.create(9, "赵六", Set.of(2));
        String no = c.summary().caseNo();
        f.act(no, Command.withReasons(CaseAction.REFUSE, List.of("已在外地参加职工医保", "申请表未签字")), f.clerk);
        String text = PrintFixture.text(save("notice", f.prints.render(PrintDoc.of(Kind.NOTICE), no, f.clerk)));
        assertThat(text).contains("不予受理通知书", "一次性告知", "1. 已在外地参加职工医保", "2. 申请表未签字",
                "尚缺的申请材料", "职工基本医疗保险个人账户一次性支取申请表", "赵六", no);
        assertThatThrownBy(() -> f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk))
                .isInstanceOf(PrintRefusedException.class).hasMessageContaining("受理回执").hasMessageContaining("尚未受理");
    }

    @Test
    void supplementNoticeStatesReasonsAndThePausedDeadline() throws Exception {
        // 补正 after acceptance exists only for designation applications (25/26, D15)
        CaseView c = f.create(25, "道里区钱七医院", Set.of());
        String no = c.summary().caseNo();
        f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
        f.act(no, Command.withReasons(CaseAction.REQUEST_SUPPLEMENT, List.of("补交医疗机构执业许可证副本")), f.clerk);
        String text = PrintFixture.text(save("supplement", f.prints.render(PrintDoc.of(Kind.SUPPLEMENT), no,
                f.clerk)));
        assertThat(text).contains("补正通知书", "补交医疗机构执业许可证副本", "暂停计算", "个工作日", "道里区钱七医院");
    }

    @Test
    void approvalSheetHasEveryStepWithNamesFromTheTimelineAndTheRiskLevel() throws Exception {
        CaseView c = f.create(17, "孙八", Set.of());
        String no = c.summary().caseNo();
        CaseView done = f.run(no, 10);
        assertThat(done.summary().state()).isEqualTo(CaseState.CLOSED);
        String text = PrintFixture.text(save("approval", f.prints.render(PrintDoc.of(Kind.APPROVAL), no, f.clerk)));
        assertThat(text).contains("业务审批表", "极高风险", "受理、审核、复核、审批须由不同人员办理", "窗口乙", "审核丁",
                "复核戊", "财务庚", "签字", "孙八", "¥864.20");
        assertThat(text).doesNotContain("负责人己"); // no 审批 on 17 (D85)
        String sheet = PrintFixture.text(save("reimbursement", f.prints.render(PrintDoc.of(Kind.REIMBURSEMENT), no,
                f.clerk)));
        assertThat(sheet).contains("报销明细表", "¥864.20", "本人确认", "申请人（签字）", "孙八");
        assertThatThrownBy(() -> f.prints.render(PrintDoc.of(Kind.SUBSIDY), no, f.clerk))
                .isInstanceOf(PrintRefusedException.class).hasMessageContaining("不返还补贴");
        assertThat(f.prints.applicable(no, f.clerk)).extracting(PrintDoc::code)
                .containsExactly("receipt", "approval", "reimbursement");
    }

    @Test
    void subsidyCostReviewAndFilingDocuments() throws Exception {
        CaseView s = f.create(23, "周九", Set.of());
        f.run(s.summary().caseNo(), 10);
        String sub = PrintFixture.text(save("subsidy", f.prints.render(PrintDoc.of(Kind.SUBSIDY),
                s.summary().caseNo(), f.clerk)));
        assertThat(sub).contains("补贴返还明细表", "周九", "¥864.20", "本人确认");

        CaseView h = f.create(27, "道里区第一医院", Set.of());
        f.run(h.summary().caseNo(), 10);
        String cost = PrintFixture.text(save("cost-review", f.prints.render(PrintDoc.of(Kind.COST_REVIEW),
                h.summary().caseNo(), f.clerk)));
        assertThat(cost).contains("费用审核单", "¥12,345.67", "对账平衡", "道里区第一医院", h.applicantId(),
                "审核金额", "¥864.20", "复核确认金额");

        CaseView fl = f.create(14, "吴十", Set.of());
        String fno = fl.summary().caseNo();
        assertThatThrownBy(() -> f.prints.render(PrintDoc.of(Kind.FILING), fno, f.clerk))
                .isInstanceOf(PrintRefusedException.class).hasMessageContaining("备案尚未办结");
        f.run(fno, 5);
        String filing = PrintFixture.text(save("filing", f.prints.render(PrintDoc.of(Kind.FILING), fno, f.clerk)));
        assertThat(filing).contains("备案确认单", "吴十", "2026年11月2日至2027年11月1日", fno);
        assertThat(f.prints.applicable(fno, f.clerk)).extracting(PrintDoc::code)
                .containsExactly("receipt", "filing", "table-9");
        assertThatThrownBy(() -> f.prints.render(PrintDoc.of(Kind.APPROVAL), fno, f.clerk))
                .isInstanceOf(PrintRefusedException.class).hasMessageContaining("即办件");
    }

    @Test
    void prenatalCostReviewSheetListsTheReviewAndTheConfirmedAmountWithWhoAndWhen() throws Exception {
        // items 19–22: 「对审核通过的申报材料…进行待遇审核，录入信息系统，打印费用审核单」
        CaseView c = f.create(19, "郑产检", Set.of());
        String no = c.summary().caseNo();
        f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
        assertThatThrownBy(() -> f.prints.render(PrintDoc.of(Kind.COST_REVIEW), no, f.clerk))
                .isInstanceOf(PrintRefusedException.class).hasMessageContaining("审核确定金额后");
        f.act(no, Command.withAmount(CaseAction.REVIEW, org.ybdesk.core.money.Money.ofFen(152_380)), f.reviewer);
        String reviewed = PrintFixture.text(save("cost-review-19-reviewed", f.prints.render(
                PrintDoc.of(Kind.COST_REVIEW), no, f.clerk)));
        assertThat(reviewed).contains("费用审核单", "产前检查费", "郑产检", c.applicantId(), no, "审核金额",
                "¥1,523.80", "审核丁", "2026年11月2日", "尚未复核", "尚未支付");
        f.run(no, 5);
        String done = PrintFixture.text(save("cost-review-19", f.prints.render(PrintDoc.of(Kind.COST_REVIEW), no,
                f.clerk)));
        assertThat(done).contains("复核确认金额", "复核戊", "¥1,523.80");
        assertThat(f.prints.applicable(no, f.clerk)).extracting(PrintDoc::code).contains("cost-review");
        // 17 and 18 do not print one: their process does not name it
        CaseView r = f.create(18, "冯住院", Set.of());
        f.run(r.summary().caseNo(), 10);
        assertThat(f.prints.applicable(r.summary().caseNo(), f.clerk)).extracting(PrintDoc::code)
                .doesNotContain("cost-review");
    }

    @Test
    void batchPrintPutsManyDocumentsInOnePdf() throws Exception {
        List<Prints.Request> reqs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CaseView c = f.create(9, "批量" + "甲乙丙丁戊".charAt(i), Set.of());
            f.act(c.summary().caseNo(), Command.of(CaseAction.ACCEPT), f.clerk);
            reqs.add(new Prints.Request(PrintDoc.of(Kind.RECEIPT), c.summary().caseNo()));
            reqs.add(new Prints.Request(PrintDoc.table(7), c.summary().caseNo()));
        }
        byte[] pdf = f.prints.renderMany(reqs, f.clerk);
        List<String> pages = PrintFixture.pageTexts(pdf);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(10);
        for (Prints.Request r : reqs) {
            assertThat(pages).anySatisfy(p -> assertThat(p).contains(r.caseNo()));
        }
        assertThat(String.join("", pages)).doesNotContain(Watermark.text());
        // issue 14: each document counts its own pages, 第N页 共M页 (a receipt: one page of one)
        List<String> receipts = pages.stream().filter(p -> p.replaceAll("\\s", "").contains("受理回执")).toList();
        assertThat(receipts).hasSize(5)
                .allSatisfy(p -> assertThat(p.replaceAll("[\\s\u3000]", "")).contains("第1页共1页"));
    }

    @Test
    void aDocumentOfSeveralPagesSaysOnEachWhichPageOfHowMany() throws Exception {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("TITLE", "医疗保障经办审批表");
        p.put("AGENCY_NAME", "哈尔滨市道里区医疗保障中心");
        p.put("CASE_NO", "230102001202611020100001");
        p.put("PRINTED_AT", "2026-11-02 09:30");
        p.put(net.sf.jasperreports.engine.JRParameter.REPORT_LOCALE, ReportTexts.locale());
        p.put(net.sf.jasperreports.engine.JRParameter.REPORT_RESOURCE_BUNDLE, ReportTexts.bundle());
        List<java.util.Map<String, ?>> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            lines.add(java.util.Map.of("kind", "FIELD", "label", "第" + i + "项", "value", "内容" + i));
        }
        byte[] pdf = Prints.export(List.of(net.sf.jasperreports.engine.JasperFillManager.fillReport(
                Prints.document(), p, new net.sf.jasperreports.engine.data.JRMapCollectionDataSource(lines))));
        List<String> pages = PrintFixture.pageTexts(pdf);
        assertThat(pages.size()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i).replaceAll("[\\s\u3000]", ""))
                    .contains("第" + (i + 1) + "页共" + pages.size() + "页");
        }
    }

    @Test
    void unknownDocumentCodeIsRefusedInChinese() {
        assertThatThrownBy(() -> PrintDoc.parse("table-14")).isInstanceOf(PrintRefusedException.class)
                .hasMessageContaining("没有「table-14」");
        assertThat(PrintDoc.parse("cost-review")).isEqualTo(PrintDoc.of(Kind.COST_REVIEW));
        assertThat(PrintDoc.parse("TABLE-9")).isEqualTo(PrintDoc.table(9));
    }
}
