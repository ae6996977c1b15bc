package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.service.CaseService.Agent;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Mode;
import org.ybdesk.service.PayeeKind;
import org.ybdesk.service.PrintService;
import org.ybdesk.service.ReportService;

/**
 * Issue 13, proxy: a proxy application of each item family, accepted, with the printed receipt, approval sheet and
 * the rulebook's tables read back — the agent's name, ID (printed in full, as the case head prints the applicant's)
 * and relationship on each; the payee on the approval sheet and the payment list.
 */
class ProxyPrintsTest {
    @TempDir
    static Path dir;
    static PrintFixture f;

    @BeforeAll
    static void open() {
        f = new PrintFixture(dir, Mode.PRODUCTION);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private record Proxy(String caseNo, String agentId, String agentName, String relation) {
    }

    private static Proxy apply(int itemNo, String applicantBirth, String agentName, String relation, String auth,
                               Map<String, String> given, PayeeKind payTo) {
        ServiceItem item = f.desk.catalog().item(itemNo);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        Map<String, String> fields = new LinkedHashMap<>(PrintFixture.fields(item));
        fields.putAll(given);
        Applicant ap = new Applicant(IdType.RESIDENT_ID, PrintFixture.residentId(applicantBirth, true),
                "申请" + agentName.substring(1), "13912345678");
        if (itemNo == 6) { // a change needs the applicant registered here with the value it changes (D91)
            f.desk.registry().registerPerson(new org.ybdesk.service.RegistryService.PersonInput(ap.idType(),
                    ap.idNumber(), ap.name(), null, null, org.ybdesk.core.registry.InsuranceType.RESIDENT, null,
                    null, "13912345678", null, null), f.clerk);
            fields.putAll(Map.of("changeItem", "联系电话", "valueBefore", "13912345678", "valueAfter",
                    "13700001111", "phone", "13700001111"));
        }
        String agentId = PrintFixture.residentId("19880808", false);
        NewCase req = new NewCase(itemNo, ap, fields, m, null, null, null).withPayTo(payTo);
        req = req.with(req.circumstances().withAgent(new Agent(IdType.RESIDENT_ID, agentId, agentName,
                "13800002222", relation, auth)));
        CaseView v = f.desk.cases().create(req, f.clerk, true);
        f.act(v.summary().caseNo(), Command.of(CaseAction.ACCEPT), f.clerk);
        return new Proxy(v.summary().caseNo(), agentId, agentName, relation);
    }

    /** The documents of the case that apply: receipt, approval sheet (not for instant items), tables it cites. */
    private static List<String> printed(Proxy p, List<PrintDoc> docs) throws Exception {
        List<String> out = new ArrayList<>();
        for (PrintDoc d : docs) {
            PrintService.PrintModel m = f.desk.prints().model(p.caseNo(), f.clerk);
            if (Applicability.refusal(d, m).isEmpty()) {
                out.add(flat(PrintFixture.text(f.prints.render(d, p.caseNo(), f.clerk))));
            }
        }
        return out;
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<PrintDoc> docs(int... tables) {
        List<PrintDoc> d = new ArrayList<>(List.of(PrintDoc.of(PrintDoc.Kind.RECEIPT),
                PrintDoc.of(PrintDoc.Kind.APPROVAL)));
        for (int t : tables) {
            d.add(PrintDoc.table(t));
        }
        return d;
    }

    private static void showsAgent(Proxy p, List<String> texts, int expected) {
        assertThat(texts).hasSize(expected).isNotEmpty().allSatisfy(t -> assertThat(t).contains(p.agentName())
                .contains(p.relation()));
        // the ID on the receipt and the approval sheet (and 表7's 被委托人 row): whole, as the applicant's
        assertThat(texts.get(0)).contains(p.agentId()).contains("代办人").contains("委托书");
    }

    @Test
    void registrationOfAMinorByAParentFillsTable3() throws Exception {
        Proxy p = apply(3, "20150301", "王妈妈", "父母", "监护关系证明", Map.of(), null);
        List<String> t = printed(p, docs(3));
        assertThat(t.get(0)).contains(p.agentId()).contains("监护关系证明");
        assertThat(t).hasSizeGreaterThanOrEqualTo(2).allSatisfy(x -> assertThat(x).contains("王妈妈").contains("父母"));
        assertThat(t.get(t.size() - 1)).contains("申请人或监护人").contains("监护人：王妈妈（父母）");
    }

    @Test
    void changeOfRegistration() throws Exception {
        Proxy p = apply(6, "19600101", "赵女儿", "子女", "委托书", Map.of(), null);
        // 表6 is a list of changes signed by the insured (参保人签字): no agent cell; receipt and approval sheet
        List<String> t = printed(p, docs());
        showsAgent(p, t, t.size());
    }

    @Test
    void filingFillsTheSignatureOfTable9() throws Exception {
        Proxy p = apply(12, "19500101", "钱儿子", "子女", "委托书", Map.of(), null);
        List<String> t = printed(p, docs(9));
        showsAgent(p, t, t.size());
        assertThat(t.get(t.size() - 1)).contains("本人（被委托人）签名").contains("被委托人：钱儿子（子女）");
    }

    @Test
    void reimbursement() throws Exception {
        Proxy p = apply(18, "19450101", "孙配偶", "配偶", "委托书", Map.of(), null);
        List<String> t = printed(p, docs());
        showsAgent(p, t, 2);
        assertThat(t.get(1)).contains("拨付对象").contains("参保人本人");
        String payment = flat(PrintFixture.text(f.prints.render(PrintDoc.of(PrintDoc.Kind.REIMBURSEMENT),
                p.caseNo(), f.clerk)));
        assertThat(payment).contains("代办人（签字）").contains("孙配偶");
    }

    @Test
    void maternityCollectedByTheUnitOnTheApprovalSheetAndThePaymentList() throws Exception {
        Proxy p = apply(22, "19920101", "周丈夫", "配偶", "委托书",
                Map.of("bankAccountName", "哈尔滨某某商贸有限公司", "bankAccountNumber", "3500111122223333"),
                PayeeKind.UNIT);
        List<String> t = printed(p, docs());
        showsAgent(p, t, 2);
        assertThat(t.get(1)).contains("拨付对象").contains("单位（代收）：哈尔滨某某商贸有限公司")
                .contains("3500111122223333");
        CaseView v = f.run(p.caseNo(), 8);
        assertThat(v.paid()).isNotNull();
        var pay = f.desk.reports().payments(ReportService.Filter.of(PrintFixture.TODAY, PrintFixture.TODAY));
        assertThat(pay.rows()).filteredOn(r -> r.caseNo().equals(p.caseNo())).singleElement()
                .satisfies(r -> assertThat(r.payee()).isEqualTo("哈尔滨某某商贸有限公司（单位（代收））"));
        byte[] list = org.ybdesk.reports.batch.BatchReports.pdf(org.ybdesk.reports.batch.BatchReports.prepare(
                f.desk, ReportService.Kind.PAYMENTS, ReportService.Filter.of(PrintFixture.TODAY, PrintFixture.TODAY)),
                Mode.PRODUCTION);
        assertThat(flat(PrintFixture.text(list))).contains("哈尔滨某某商贸有限公司（单位（代收））");
    }

    @Test
    void eligibility() throws Exception {
        Proxy p = apply(16, "19400101", "吴亲属", "其他亲属", "委托书", Map.of(), null);
        // 表10 has no place for an agent: receipt and approval sheet
        List<String> t = printed(p, docs());
        showsAgent(p, t, 2);
    }

    @Test
    void withdrawalAfterDeathFillsTable7WithTheHeirAndTheAgent() throws Exception {
        String heirId = PrintFixture.residentId("19700101", true);
        Proxy p = apply(9, "19400101", "郑继承", "子女", "委托书", Map.of("withdrawalReason", "死亡",
                "payeeName", "郑继承", "payeeIdNumber", heirId, "payeeRelationship", "子女",
                "bankName", "中国工商银行哈尔滨分行"), null);
        List<String> t = printed(p, docs(7));
        showsAgent(p, t, 3);
        assertThat(t.get(1)).contains("继承人（代表人）：郑继承");
        // 表7: 继承人(代表人) with the payee's bank, and 被委托人 with the agent's name, ID and phone
        assertThat(t.get(2)).contains("被委托人基本情况").contains(p.agentId()).contains("13800002222")
                .contains("中国工商银行哈尔滨分行");
    }

    @Test
    void anApplicantWithoutAnAgentPrintsNoAgentAndLeavesTheSignaturePlacesBlank() throws Exception {
        CaseView v = f.create(12, "冯本人", java.util.Set.of());
        f.act(v.summary().caseNo(), Command.of(CaseAction.ACCEPT), f.clerk);
        String receipt = flat(PrintFixture.text(f.prints.render(PrintDoc.of(PrintDoc.Kind.RECEIPT),
                v.summary().caseNo(), f.clerk)));
        assertThat(receipt).doesNotContain("代办人").doesNotContain("授权材料");
        String table9 = flat(PrintFixture.text(f.prints.render(PrintDoc.table(9), v.summary().caseNo(), f.clerk)));
        assertThat(table9).contains("本人（被委托人）签名").doesNotContain("被委托人：");
    }
}
