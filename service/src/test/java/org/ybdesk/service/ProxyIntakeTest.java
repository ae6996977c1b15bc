package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.CASE_AGENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_PAYEE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.service.CaseService.Agent;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;

/** Issue 13, proxy: the agent (代办人) and the payee (拨付对象) at intake, in the view, in search and in reports. */
class ProxyIntakeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    static Agent agent(String id, String name, String relation, String authorisation) {
        return new Agent(IdType.RESIDENT_ID, id, name, "13900001111", relation, authorisation);
    }

    static NewCase application(DeskFixture f, int itemNo, Applicant ap, Map<String, String> fields) {
        ServiceItem item = f.item(itemNo);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        return new NewCase(itemNo, ap, Samples.fields(item, fields), m, null, null, null);
    }

    static NewCase withAgent(NewCase req, Agent a) {
        return req.with(req.circumstances().withAgent(a));
    }

    @Test
    void anAgentIsStoredShownAuditedAndFoundBySearch() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            String agentId = Samples.residentId("19900315", false);
            CaseView v = f.desk.cases().create(withAgent(application(f, 16, DeskFixture.person("张老汉"), Map.of()),
                    agent(" " + agentId.toLowerCase() + " ", " 李小红 ", "子女", "委托书")), f.clerk);
            assertThat(v.agent()).isNotNull();
            assertThat(v.agent().idNumber()).isEqualTo(agentId); // normalised: upper case, no spaces
            assertThat(v.agent().name()).isEqualTo("李小红");
            assertThat(v.agent().idTypeLabel()).isEqualTo("居民身份证");
            assertThat(v.agent().idMasked()).isEqualTo(CaseViews.mask(agentId));
            assertThat(v.agent().relation()).isEqualTo("子女");
            assertThat(v.agent().authorisation()).isEqualTo("委托书");
            assertThat(v.payee()).as("item 16 pays nothing").isNull();
            assertThat(f.desk.cases().show(v.summary().caseNo(), f.clerk).agent()).isEqualTo(v.agent());
            // the intake's audit record carries the agent
            String after = f.desk.db().dsl().fetchValue("SELECT after_json FROM audit_log WHERE entity_id = ? "
                    + "ORDER BY seq FETCH FIRST 1 ROWS ONLY", v.summary().caseNo()).toString();
            assertThat(after).contains("李小红").contains(agentId);
            // an ordinary case has neither
            CaseView plain = f.create(16, DeskFixture.person("王大妈"), Map.of(), f.clerk);
            assertThat(plain.agent()).isNull();
            // search: by the agent's ID (whole or leading part), name and initials; and the applicant still
            SearchService s = f.desk.search();
            assertThat(s.search(SearchService.Query.text(agentId))).extracting(x -> x.caseNo())
                    .containsExactly(v.summary().caseNo());
            assertThat(s.byAgent(agentId.substring(0, 14), 10)).extracting(x -> x.caseNo())
                    .containsExactly(v.summary().caseNo());
            assertThat(s.byAgent("李小", 10)).hasSize(1);
            assertThat(s.byAgent("lxh", 10)).hasSize(1);
            assertThat(s.search(SearchService.Query.text("李小红"))).hasSize(1);
            assertThat(s.search(SearchService.Query.text("张老汉"))).hasSize(1);
            assertThat(s.byAgent("王大妈", 10)).isEmpty();
            assertThatThrownBy(() -> s.byAgent(" ", 10)).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("代办人");
        }
    }

    @Test
    void refusalsSayWhatToFixAllAtOnceAndWriteNothing() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            Applicant ap = DeskFixture.person("张老汉");
            int cases = f.desk.db().dsl().fetchCount(CASE_FILE);
            // the agent is the applicant
            assertThat(problems(f, withAgent(application(f, 16, ap, Map.of()),
                    agent(ap.idNumber(), "张老汉", "其他亲属", "委托书"))))
                    .anyMatch(p -> p.contains("代办人不能是申请人本人"));
            // a bad ID (check digit), a name with digits, a bad phone, no relation, no authorisation: all at once
            String bad = Samples.residentId("19900315", true);
            bad = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
            List<String> all = problems(f, withAgent(application(f, 16, ap, Map.of()),
                    new Agent(IdType.RESIDENT_ID, bad, "李4", "12345", null, null)));
            assertThat(all).anyMatch(p -> p.startsWith("「代办人证件号码」"))
                    .anyMatch(p -> p.contains("代办人姓名"))
                    .anyMatch(p -> p.startsWith("「代办人联系电话」"))
                    .anyMatch(p -> p.contains("请选择代办人与申请人的关系"))
                    .anyMatch(p -> p.contains("委托书"));
            // unknown relation and authorisation words
            assertThat(problems(f, withAgent(application(f, 16, ap, Map.of()),
                    agent(Samples.residentId("19900315", true), "李四", "邻居", "介绍信"))))
                    .anyMatch(p -> p.contains("「邻居」无法识别")).anyMatch(p -> p.contains("「介绍信」无法识别"));
            // an agent for a unit's item
            assertThat(problems(f, withAgent(application(f, 1, DeskFixture.institution("某某公司"), Map.of()),
                    agent(Samples.residentId("19900315", true), "李四", "委托代理人", "委托书"))))
                    .anyMatch(p -> p.contains("不设代办人"));
            assertThat(f.desk.db().dsl().fetchCount(CASE_FILE)).isEqualTo(cases);
            assertThat(f.desk.db().dsl().fetchCount(CASE_AGENT)).isZero();
        }
    }

    @Test
    void aMinorNeedsAGuardianWithProofOfGuardianship() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            // born 2010-06-01: 16 on the desk's day
            Applicant child = new Applicant(IdType.RESIDENT_ID, Samples.residentId("20100601", true), "张小明",
                    "13912345678");
            String parent = Samples.residentId("19820101", false);
            assertThat(problems(f, withAgent(application(f, 3, child, Map.of()),
                    agent(parent, "王芳", "父母", "委托书")))).singleElement().asString()
                    .contains("未满18周岁").contains("监护关系证明");
            assertThat(problems(f, withAgent(application(f, 3, child, Map.of()),
                    agent(parent, "王芳", "委托代理人", "监护关系证明")))).singleElement().asString()
                    .contains("父母 或 监护人");
            assertThat(problems(f, withAgent(application(f, 3, child, Map.of()),
                    agent(parent, "王芳", "父母", null)))).singleElement().asString().contains("监护关系证明");
            CaseView ok = f.desk.cases().create(withAgent(application(f, 3, child, Map.of()),
                    agent(parent, "王芳", "父母", "监护关系证明")), f.clerk);
            assertThat(ok.agent().authorisation()).isEqualTo("监护关系证明");
            // an adult under guardianship: 监护关系证明 with relation 监护人 is accepted, with 子女 it is not
            Applicant adult = DeskFixture.person("赵大伯");
            assertThat(problems(f, withAgent(application(f, 3, adult, Map.of()),
                    agent(parent, "王芳", "子女", "监护关系证明")))).singleElement().asString()
                    .contains("父母 或 监护人");
            assertThat(f.desk.cases().create(withAgent(application(f, 3, adult, Map.of()),
                    agent(parent, "王芳", "监护人", "监护关系证明")), f.clerk).agent()).isNotNull();
        }
    }

    @Test
    void aBackfilledMinorIsJudgedOnTheDayTheApplicationHappened() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            // 18 on 2026-10-01: a minor on 2026-09-30, an adult on the desk's day
            Applicant ap = new Applicant(IdType.RESIDENT_ID, Samples.residentId("20081001", true), "周青",
                    "13912345678");
            NewCase req = withAgent(application(f, 3, ap, Map.of()),
                    agent(Samples.residentId("19800101", true), "周父", "子女", "委托书"));
            assertThat(ProxyIntake.problems(f.item(3), req, ap.idNumber(), IdType.RESIDENT_ID, req.fields(), TODAY))
                    .isEmpty();
            NewCase back = req.with(req.circumstances().withBackfill(new CaseService.Backfilled(
                    java.time.LocalDateTime.of(2026, 9, 30, 9, 0), "纸质-001")));
            assertThat(ProxyIntake.problems(f.item(3), back, ap.idNumber(), IdType.RESIDENT_ID, back.fields(), TODAY))
                    .anyMatch(p -> p.contains("未满18周岁"));
        }
    }

    @Test
    void withdrawalAfterDeathPaysTheHeirAndRefusesTheInsuredAsPayee() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            Applicant ap = DeskFixture.person("刘故");
            String heirId = Samples.residentId("19700101", true);
            String card = Samples.bankCard();
            Map<String, String> death = Map.of("withdrawalReason", "死亡", "payeeName", "刘继", "payeeIdNumber",
                    heirId, "payeeRelationship", "子女", "bankAccountNumber", card, "bankName", "中国银行哈尔滨分行");
            CaseView v = f.desk.cases().create(withAgent(application(f, 9, ap, death),
                    agent(heirId, "刘继", "子女", "委托书")), f.clerk);
            assertThat(v.payee().kind()).isEqualTo("HEIR");
            assertThat(v.payee().kindLabel()).isEqualTo("继承人（代表人）");
            assertThat(v.payee().name()).isEqualTo("刘继");
            assertThat(v.payee().idNumber()).isEqualTo(heirId);
            assertThat(v.payee().account()).isEqualTo(card);
            Map<String, String> self = new LinkedHashMap<>(death);
            self.put("payeeRelationship", "本人");
            self.put("payeeName", "刘故");
            assertThat(problems(f, application(f, 9, DeskFixture.person("刘故"), self)))
                    .anyMatch(p -> p.contains("领取人应为继承人"));
            // an ordinary withdrawal (settling abroad) by the insured pays the insured
            Map<String, String> abroad = Map.of("withdrawalReason", "出国（境）定居", "payeeName", "陈出",
                    "payeeRelationship", "本人");
            CaseView own = f.desk.cases().create(application(f, 9, DeskFixture.person("陈出"), abroad), f.clerk);
            assertThat(own.payee().kind()).isEqualTo("INSURED");
            assertThat(own.payee().name()).isEqualTo("陈出");
        }
    }

    @Test
    void maternityMayBeCollectedByTheUnitAndThePaymentListSaysSo() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            Applicant ap = DeskFixture.person("孙产");
            // 拨付对象 单位 without the unit as 户名: refused, with what to fill
            assertThat(problems(f, application(f, 22, ap, Map.of()).withPayTo(PayeeKind.UNIT)))
                    .anyMatch(p -> p.contains("户名"));
            // 拨付对象 on an item without the choice
            assertThat(problems(f, application(f, 17, ap, Map.of()).withPayTo(PayeeKind.UNIT)))
                    .anyMatch(p -> p.contains("没有拨付对象可选"));
            String unitAccount = "3500123456789012";
            CaseView v = f.desk.cases().create(application(f, 22, ap, Map.of("bankAccountName", "哈尔滨某某有限公司",
                    "bankAccountNumber", unitAccount)).withPayTo(PayeeKind.UNIT), f.clerk,
                    true); // a unit account is no card: the card check-digit warning is confirmed (D142)
            assertThat(v.payee().kind()).isEqualTo("UNIT");
            assertThat(v.payee().name()).isEqualTo("哈尔滨某某有限公司");
            assertThat(v.payee().account()).isEqualTo(unitAccount);
            // the default: the insured
            CaseView own = f.create(22, DeskFixture.person("钱产"), Map.of(), f.clerk);
            assertThat(own.payee().kind()).isEqualTo("INSURED");
            assertThat(own.payee().name()).isEqualTo("钱产");
            // paid: the payment list names the unit, not the insured
            String no = v.summary().caseNo();
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
            f.desk.cases().act(no, Command.withAmount(CaseAction.REVIEW, Money.ofFen(350_000)), null, f.reviewer);
            f.desk.cases().act(no, Command.withAmount(CaseAction.RECHECK, Money.ofFen(350_000)), null, f.rechecker);
            f.desk.cases().act(no, Command.of(CaseAction.PAY), null, f.finance);
            var pay = f.desk.reports().payments(ReportService.Filter.of(TODAY, TODAY));
            assertThat(pay.rows()).singleElement().satisfies(r -> {
                assertThat(r.payee()).isEqualTo("哈尔滨某某有限公司（单位（代收））");
                assertThat(r.payeeIdMasked()).isEmpty();
            });
            assertThat(f.desk.db().dsl().fetchCount(CASE_PAYEE)).isEqualTo(2);
        }
    }

    private static List<String> problems(DeskFixture f, NewCase req) {
        try {
            f.desk.cases().create(req, f.clerk, true);
        } catch (ServiceException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + req);
    }
}
