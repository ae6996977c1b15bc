package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.lifecycle.CaseAction.ACCEPT;
import static org.ybdesk.core.lifecycle.CaseAction.CLOSE;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.db.jooq.tables.records.AuditLogRecord;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * Issue 10, item 9: every variant of items 1–6 changes the registry at 办结, in the closing transaction, with its
 * before and after in the audit log, before the 已完成 message; a variant the registry cannot take is refused at
 * 受理 with what is wrong. Real H2 file, fixed clock.
 */
class RegistryEffectsTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;
    DeskFixture f;

    @BeforeEach
    void open() {
        f = new DeskFixture(dir, MONDAY);
    }

    @AfterEach
    void close() {
        f.close();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Takes the case in with every material on paper, accepts it, reviews it at the window (items 1–6, D86) and closes
     * it; returns the closed case.
     */
    CaseView run(int item, Applicant ap, Map<String, String> fields) {
        String no = f.create(item, ap, fields, f.clerk).summary().caseNo();
        f.desk.cases().act(no, Command.of(ACCEPT), null, f.clerk);
        f.desk.cases().act(no, Command.of(org.ybdesk.core.lifecycle.CaseAction.REVIEW), null, f.clerk);
        return f.desk.cases().act(no, Command.of(CLOSE), null, f.clerk);
    }

    /** Takes the case in and tries to accept it: the refusal's text. */
    String refusedAtAcceptance(int item, Applicant ap, Map<String, String> fields) {
        String no = f.create(item, ap, fields, f.clerk).summary().caseNo();
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> f.desk.cases().act(no, Command.of(ACCEPT), null, f.clerk));
        assertThat(t).as("acceptance of item %d with %s", item, fields).isInstanceOf(ServiceException.class);
        assertThat(f.desk.cases().show(no, null).summary().state()).isEqualTo(CaseState.RECEIVED);
        return t.getMessage();
    }

    List<AuditLogRecord> audits(String entityType, String entityId) {
        return f.desk.db().dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq(entityType),
                AUDIT_LOG.ENTITY_ID.eq(entityId)).orderBy(AUDIT_LOG.SEQ).fetch();
    }

    AuditLogRecord lastAudit(String entityType, String entityId) {
        List<AuditLogRecord> a = audits(entityType, entityId);
        assertThat(a).as("audit records of %s %s", entityType, entityId).isNotEmpty();
        return a.get(a.size() - 1);
    }

    /** The audit record of the case's 办结 step. */
    AuditLogRecord closeAudit(CaseView v) {
        return f.desk.db().dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_ID.eq(v.summary().caseNo()),
                AUDIT_LOG.ACTION.eq("CASE_CLOSE")).fetchOne();
    }

    static Applicant unit(String name) {
        return new Applicant(null, Samples.creditCode(), name, "0451-84660000");
    }

    static Map<String, String> m(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    InsuredStatus unitStatus(String code) {
        return f.desk.registry().findUnit(code).orElseThrow().status();
    }

    RegistryService.PersonView person(String id) {
        return f.desk.registry().findPerson(id).orElseThrow();
    }

    String category(String id) {
        return f.desk.db().dsl().select(org.ybdesk.db.jooq.Tables.PERSON.PERSON_CATEGORY)
                .from(org.ybdesk.db.jooq.Tables.PERSON).where(org.ybdesk.db.jooq.Tables.PERSON.ID_NUMBER.eq(id))
                .fetchOne(org.ybdesk.db.jooq.Tables.PERSON.PERSON_CATEGORY);
    }

    /** Every option of the variant fields is one the registry effects know (a relabelled catalog is caught). */
    @Test
    void everyCatalogOptionOfTheVariantFieldsHasAnEffect() {
        Map<Integer, String> variantField = Map.of(1, "registrationType", 2, "changeType", 3, "businessType",
                5, "changeItem", 6, "changeItem");
        variantField.forEach((item, key) -> f.item(item).field(key).orElseThrow().options().forEach(o ->
                assertThat(java.util.Arrays.stream(RegistryEffects.Option.values()).map(RegistryEffects.Option::label))
                        .as("item %d %s option %s", item, key, o).contains(o)));
    }

    // ------------------------------------------------------------------------------------------------ item 1

    @Test
    void item1EveryRegistrationTypeChangesTheUnitAndAuditsBeforeAndAfter() {
        Applicant ap = unit("哈尔滨测试科技有限公司");
        String code = ap.idNumber();
        CaseView created = run(1, ap, m("registrationType", "新参保"));
        assertThat(unitStatus(code)).isEqualTo(InsuredStatus.INSURED);
        AuditLogRecord reg = lastAudit("UNIT", code);
        assertThat(reg.getAction()).isEqualTo("UNIT_REGISTER");
        assertThat(reg.getBeforeJson()).isNull();
        assertThat(reg.getAfterJson()).contains("\"status\":\"INSURED\"").contains(created.summary().caseNo());
        // the registry change is recorded before the step that sends 已完成, in the same transaction (same time)
        assertThat(reg.getSeq()).isLessThan(closeAudit(created).getSeq());
        assertThat(reg.getOccurredAt()).isEqualTo(closeAudit(created).getOccurredAt());
        assertThat(f.desk.db().dsl().fetchCount(OUTBOX, OUTBOX.MSG_TYPE.eq("UNIT_REGISTERED"))).isEqualTo(1);

        run(1, ap, m("registrationType", "暂停参保"));
        assertThat(unitStatus(code)).isEqualTo(InsuredStatus.SUSPENDED);
        AuditLogRecord s = lastAudit("UNIT", code);
        assertThat(s.getAction()).isEqualTo("UNIT_STATUS");
        assertThat(s.getBeforeJson()).contains("\"status\":\"INSURED\"");
        assertThat(s.getAfterJson()).contains("\"status\":\"SUSPENDED\"");

        assertThat(refusedAtAcceptance(1, ap, m("registrationType", "暂停参保")))
                .contains("当前参保状态为「暂停」", "不能办理「暂停参保」");

        run(1, ap, m("registrationType", "新参保")); // a suspended unit registers again
        assertThat(unitStatus(code)).isEqualTo(InsuredStatus.INSURED);
        assertThat(refusedAtAcceptance(1, ap, m("registrationType", "新参保")))
                .contains("已在本经办机构参保登记", "不能重复「新参保」");

        run(1, ap, m("registrationType", "注销登记"));
        assertThat(unitStatus(code)).isEqualTo(InsuredStatus.TERMINATED);
        assertThat(lastAudit("UNIT", code).getAfterJson()).contains("\"status\":\"TERMINATED\"");
        assertThat(refusedAtAcceptance(1, ap, m("registrationType", "注销登记"))).contains("已注销登记，不能再次注销");
    }

    @Test
    void item1SuspensionOrCancellationOfAnUnknownUnitIsRefusedAtAcceptance() {
        Applicant ap = unit("未登记单位");
        assertThat(refusedAtAcceptance(1, ap, m("registrationType", "暂停参保")))
                .contains(ap.idNumber(), "未在本经办机构参保登记", "不能办理「暂停参保」");
        assertThat(refusedAtAcceptance(1, ap, m("registrationType", "注销登记")))
                .contains("未在本经办机构参保登记", "不能办理「注销登记」");
        assertThat(f.desk.registry().findUnit(ap.idNumber())).isEmpty();
    }

    @Test
    void item1SuccessionRegistersTheSuccessorAndLinksBothUnits() {
        Applicant old = unit("旧公司");
        run(1, old, m("registrationType", "新参保"));
        Applicant successor = unit("新公司");
        String unknown = Samples.creditCode();
        assertThat(refusedAtAcceptance(1, successor, m("registrationType", "拆分合并分立", "formerCreditCode",
                unknown))).contains(unknown, "未在本经办机构参保登记");
        CaseView v = run(1, successor, m("registrationType", "拆分合并分立", "formerCreditCode", old.idNumber()));
        assertThat(v.summary().state()).isEqualTo(CaseState.CLOSED);
        var s = f.desk.db().dsl().selectFrom(org.ybdesk.db.jooq.Tables.UNIT)
                .where(org.ybdesk.db.jooq.Tables.UNIT.CREDIT_CODE.eq(successor.idNumber())).fetchOne();
        assertThat(s.getStatus()).isEqualTo("INSURED");
        assertThat(s.getPredecessorCreditCode()).isEqualTo(old.idNumber());
        var p = f.desk.db().dsl().selectFrom(org.ybdesk.db.jooq.Tables.UNIT)
                .where(org.ybdesk.db.jooq.Tables.UNIT.CREDIT_CODE.eq(old.idNumber())).fetchOne();
        assertThat(p.getSuccessorCreditCode()).isEqualTo(successor.idNumber());
        assertThat(p.getStatus()).as("the predecessor ends by its own 注销登记 (D90)").isEqualTo("INSURED");
        AuditLogRecord link = lastAudit("UNIT", old.idNumber());
        assertThat(link.getAction()).isEqualTo("UNIT_SUCCESSION");
        assertThat(link.getBeforeJson()).doesNotContain(successor.idNumber());
        assertThat(link.getAfterJson()).contains("\"successorCreditCode\":\"" + successor.idNumber() + "\"");
    }

    @Test
    void successionWithoutTheFormerCodeIsRefusedAtIntake() {
        Applicant successor = unit("新公司乙");
        assertThatThrownBy(() -> f.desk.cases().create(new CaseService.NewCase(1, successor,
                Samples.fields(f.item(1), m("registrationType", "拆分合并分立")), Map.of(1, MaterialStatus.PAPER,
                2, MaterialStatus.PAPER), null, null, null), f.clerk))
                .hasMessageContaining("「原统一社会信用代码」为必填项");
    }

    // ------------------------------------------------------------------------------------------------ item 2

    @Test
    void item2EveryChangeTypeChangesStatusCategoryAndUnit() {
        Applicant firm = unit("职工所在公司");
        run(1, firm, m("registrationType", "新参保"));
        Applicant other = unit("转入公司");
        run(1, other, m("registrationType", "新参保"));
        Applicant ap = DeskFixture.person("职工甲");
        String id = ap.idNumber();

        assertThat(refusedAtAcceptance(2, ap, m("changeType", "暂停", "creditCodeOrUnitCode", firm.idNumber())))
                .contains("职工甲", "未在本经办机构参保登记", "不能办理「暂停」");

        run(2, ap, m("changeType", "增加", "personCategory", "在职职工", "creditCodeOrUnitCode", firm.idNumber()));
        assertThat(person(id).status()).isEqualTo(InsuredStatus.INSURED);
        assertThat(person(id).insuranceType()).isEqualTo(InsuranceType.EMPLOYEE);
        assertThat(person(id).unitCreditCode()).isEqualTo(firm.idNumber());
        assertThat(category(id)).isEqualTo("EMPLOYED");
        assertThat(lastAudit("PERSON", id).getAction()).isEqualTo("PERSON_REGISTER");

        assertThat(refusedAtAcceptance(2, ap, m("changeType", "增加", "creditCodeOrUnitCode", firm.idNumber())))
                .contains("已参加职工医保", "不能重复参保登记");
        assertThat(refusedAtAcceptance(2, ap, m("changeType", "恢复", "creditCodeOrUnitCode", firm.idNumber())))
                .contains("不是「暂停」，不能办理「恢复」");

        run(2, ap, m("changeType", "暂停", "creditCodeOrUnitCode", firm.idNumber()));
        assertThat(person(id).status()).isEqualTo(InsuredStatus.SUSPENDED);
        AuditLogRecord a = lastAudit("PERSON", id);
        assertThat(a.getBeforeJson()).contains("\"status\":\"INSURED\"");
        assertThat(a.getAfterJson()).contains("\"status\":\"SUSPENDED\"");
        assertThat(refusedAtAcceptance(2, ap, m("changeType", "增加", "creditCodeOrUnitCode", firm.idNumber())))
                .contains("请选择「恢复」");

        run(2, ap, m("changeType", "恢复", "creditCodeOrUnitCode", firm.idNumber()));
        assertThat(person(id).status()).isEqualTo(InsuredStatus.INSURED);

        run(2, ap, m("changeType", "统筹区内转移", "creditCodeOrUnitCode", other.idNumber()));
        assertThat(person(id).unitCreditCode()).isEqualTo(other.idNumber());
        assertThat(lastAudit("PERSON", id).getAction()).isEqualTo("PERSON_UNIT");

        run(2, ap, m("changeType", "在职转退休", "creditCodeOrUnitCode", other.idNumber()));
        assertThat(category(id)).isEqualTo("RETIRED");
        assertThat(lastAudit("PERSON", id).getAfterJson()).contains("\"personCategory\":\"RETIRED\"");
        assertThat(refusedAtAcceptance(2, ap, m("changeType", "在职转退休", "creditCodeOrUnitCode",
                other.idNumber()))).contains("已登记为退休人员");

        run(2, ap, m("changeType", "终止", "creditCodeOrUnitCode", other.idNumber()));
        assertThat(person(id).status()).isEqualTo(InsuredStatus.TERMINATED);
        assertThat(refusedAtAcceptance(2, ap, m("changeType", "暂停", "creditCodeOrUnitCode", other.idNumber())))
                .contains("当前参保状态为「终止」");
        // a terminated person may join again
        run(2, ap, m("changeType", "增加", "personCategory", "灵活就业人员"));
        assertThat(person(id).status()).isEqualTo(InsuredStatus.INSURED);
        assertThat(category(id)).isEqualTo("FLEXIBLE_EMPLOYMENT");
        assertThat(person(id).unitCreditCode()).isNull();
    }

    @Test
    void aResidentCannotUseTheEmployeeItemsVariants() {
        Applicant ap = DeskFixture.person("居民乙");
        run(3, ap, m());
        assertThat(refusedAtAcceptance(2, ap, m("changeType", "暂停")))
                .contains("参加的是城乡居民医保", "本事项只办理职工医保");
    }

    // ------------------------------------------------------------------------------------------------ item 3

    @Test
    void item3NewSuspendResumeTerminate() {
        Applicant ap = DeskFixture.person("居民丙");
        String id = ap.idNumber();
        assertThat(refusedAtAcceptance(3, ap, m("businessType", "恢复"))).contains("未在本经办机构参保登记");
        CaseView v = run(3, ap, m()); // 业务类型 left empty: 新增
        assertThat(v.fields()).containsEntry("businessType", "新增");
        assertThat(person(id).insuranceType()).isEqualTo(InsuranceType.RESIDENT);
        assertThat(person(id).status()).isEqualTo(InsuredStatus.INSURED);
        run(3, ap, m("businessType", "暂停"));
        assertThat(person(id).status()).isEqualTo(InsuredStatus.SUSPENDED);
        run(3, ap, m("businessType", "恢复"));
        assertThat(person(id).status()).isEqualTo(InsuredStatus.INSURED);
        assertThat(lastAudit("PERSON", id).getBeforeJson()).contains("\"status\":\"SUSPENDED\"");
        run(3, ap, m("businessType", "终止"));
        assertThat(person(id).status()).isEqualTo(InsuredStatus.TERMINATED);
        assertThat(refusedAtAcceptance(3, ap, m("businessType", "恢复"))).contains("不是「暂停」");
    }

    // ------------------------------------------------------------------------------------------------ items 4–6

    @Test
    void item4AppliesEveryChangedUnitField() {
        Applicant ap = unit("变更前公司");
        assertThat(refusedAtAcceptance(4, ap, m())).contains("未在本经办机构参保登记", "单位参保信息变更登记");
        run(1, ap, m("registrationType", "新参保"));
        String account = Samples.bankCard();
        run(4, ap, m("unitName", "变更后公司", "unitAddress", "哈尔滨市道里区新址8号", "unitType", "事业单位",
                "bankName", "中国建设银行", "bankAccountNumber", account, "legalRepresentativeName", "新法人",
                "legalRepresentativePhone", "13600000001", "unitContactName", "新经办", "unitContactPhone",
                "13600000002"));
        var u = f.desk.registry().findUnit(ap.idNumber()).orElseThrow();
        assertThat(u.name()).isEqualTo("变更后公司");
        assertThat(u.address()).isEqualTo("哈尔滨市道里区新址8号");
        assertThat(u.unitType()).isEqualTo("事业单位");
        assertThat(u.bankName()).isEqualTo("中国建设银行");
        assertThat(u.bankAccount()).isEqualTo(account);
        assertThat(u.legalRepName()).isEqualTo("新法人");
        assertThat(u.legalRepPhone()).isEqualTo("13600000001");
        assertThat(u.contactName()).isEqualTo("新经办");
        assertThat(u.contactPhone()).isEqualTo("13600000002");
        AuditLogRecord a = lastAudit("UNIT", ap.idNumber());
        assertThat(a.getAction()).isEqualTo("UNIT_CHANGE");
        assertThat(a.getBeforeJson()).contains("\"name\":\"变更前公司\"");
        assertThat(a.getAfterJson()).contains("\"name\":\"变更后公司\"", "\"bankName\":\"中国建设银行\"");
    }

    @Test
    void item5AndItem6ChangeTheNamedFieldWhenItsBeforeValueMatches() {
        Applicant emp = DeskFixture.person("旧名");
        assertThat(refusedAtAcceptance(5, emp, m("changeItem", "姓名", "valueBefore", "旧名", "valueAfter", "新名")))
                .contains("未在本经办机构参保登记");
        run(2, emp, m("changeType", "增加", "personCategory", "灵活就业人员"));
        assertThat(refusedAtAcceptance(5, emp, m("changeItem", "姓名", "valueBefore", "别名", "valueAfter", "新名")))
                .contains("变更前信息与参保登记不符", "登记的姓名为「旧名」", "「别名」");
        assertThat(refusedAtAcceptance(6, emp, m("changeItem", "姓名", "valueBefore", "旧名", "valueAfter", "新名")))
                .contains("参加的是职工医保", "城乡居民参保信息变更登记");
        run(5, emp, m("changeItem", "姓名", "valueBefore", "旧名", "valueAfter", "新名", "keyInfoFlag", "是"));
        assertThat(person(emp.idNumber()).name()).isEqualTo("新名");
        AuditLogRecord a = lastAudit("PERSON", emp.idNumber());
        assertThat(a.getAction()).isEqualTo("PERSON_CHANGE");
        assertThat(a.getBeforeJson()).contains("\"name\":\"旧名\"");
        assertThat(a.getAfterJson()).contains("\"name\":\"新名\"");

        Applicant res = DeskFixture.person("居民丁");
        run(3, res, m("householdAddress", "哈尔滨市道里区旧街1号"));
        run(6, res, m("changeItem", "户籍地址", "valueBefore", "哈尔滨市道里区旧街1号", "valueAfter",
                "哈尔滨市南岗区新街2号"));
        assertThat(person(res.idNumber()).householdAddress()).isEqualTo("哈尔滨市南岗区新街2号");
        assertThat(refusedAtAcceptance(6, res, m("changeItem", "性别", "valueBefore", "男", "valueAfter", "未知")))
                .contains("请填写「男」或「女」");
    }

    @Test
    void item5ChangesTheIdNumberAndBothNumbersKeepAVerifiableAuditTrail() {
        Applicant emp = DeskFixture.person("改号人");
        run(2, emp, m("changeType", "增加", "personCategory", "灵活就业人员"));
        String newId = Samples.residentId("19800101", true);
        run(5, emp, m("changeItem", "证件号码", "valueBefore", emp.idNumber(), "valueAfter", newId, "keyInfoFlag",
                "是"));
        assertThat(f.desk.registry().findPerson(emp.idNumber())).isEmpty();
        assertThat(person(newId).name()).isEqualTo("改号人");
        assertThat(lastAudit("PERSON", newId).getBeforeJson()).contains(emp.idNumber());
        assertThat(f.desk.verifyAudit().problems()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ materials

    @Test
    void personCategoryDecidesItem2sMaterialsAndFlexibleWorkersNeedNoUnitCode() {
        Applicant flex = DeskFixture.person("灵活甲");
        Map<String, String> fields = new LinkedHashMap<>(Samples.fields(f.item(2),
                m("personCategory", "灵活就业人员", "changeType", "增加")));
        fields.remove("creditCodeOrUnitCode");
        // material 2 (灵活就业人员) only: accepted without material 1
        CaseView v = f.desk.cases().create(new CaseService.NewCase(2, flex, fields, Map.of(2, MaterialStatus.PAPER),
                null, null, null), f.clerk);
        assertThat(v.materials()).extracting(CaseViews.MaterialLine::required)
                .containsExactly(false, true, false, false, false, false);
        f.desk.cases().act(v.summary().caseNo(), Command.of(ACCEPT), null, f.clerk);

        Applicant emp = DeskFixture.person("在职乙");
        Map<String, String> empFields = Samples.fields(f.item(2), m("personCategory", "在职职工", "changeType", "增加"));
        CaseView e = f.desk.cases().create(new CaseService.NewCase(2, emp, empFields, Map.of(2, MaterialStatus.PAPER),
                null, null, null), f.clerk);
        assertThat(e.materials()).extracting(CaseViews.MaterialLine::required)
                .containsExactly(true, false, false, false, false, false);
        assertThatThrownBy(() -> f.desk.cases().act(e.summary().caseNo(), Command.of(ACCEPT), null, f.clerk))
                .hasMessageContaining("材料不齐").hasMessageContaining("1. ①《职工基本医疗保险参保登记表》")
                .hasMessageContaining("（在职职工）");

        Map<String, String> noUnit = new LinkedHashMap<>(empFields);
        noUnit.remove("creditCodeOrUnitCode");
        assertThatThrownBy(() -> f.desk.cases().create(new CaseService.NewCase(2, DeskFixture.person("在职丙"), noUnit,
                Map.of(1, MaterialStatus.PAPER), null, null, null), f.clerk))
                .hasMessageContaining("「统一社会信用代码/单位编码」为必填项");
    }

    @Test
    void hongKongMacaoTaiwanEmployeesNeedMaterial3AndRetirementNeedsItsApproval() {
        String first17 = "81000019900101001";
        Applicant hk = new Applicant(IdType.fromLabel("港澳台居民居住证").orElseThrow(),
                first17 + org.ybdesk.core.validation.Validators.residentIdCheckChar(first17), "港澳甲", "13912345678");
        Map<String, String> fields = Samples.fields(f.item(2), m("personCategory", "在职职工", "changeType", "增加",
                "idType", "港澳台居民居住证"));
        CaseView v = f.desk.cases().create(new CaseService.NewCase(2, hk, fields, Map.of(1, MaterialStatus.PAPER),
                null, null, null), f.clerk);
        assertThat(v.materials()).extracting(CaseViews.MaterialLine::required)
                .containsExactly(true, false, true, false, false, false);
        assertThatThrownBy(() -> f.desk.cases().act(v.summary().caseNo(), Command.of(ACCEPT), null, f.clerk))
                .hasMessageContaining("3. 港澳台居民来往内地通行证");
        var needs = org.ybdesk.core.catalog.IntakeCheck.materialNeeds(f.item(2),
                m("personCategory", "在职职工", "changeType", "在职转退休"));
        assertThat(needs.values()).containsExactly(true, false, false, false, false, true);
    }

    @Test
    void withdrawalReasonDecidesItem9sMaterials() {
        var item = f.item(9);
        var death = org.ybdesk.core.catalog.IntakeCheck.materialNeeds(item, m("withdrawalReason", "死亡"));
        assertThat(death.values()).containsExactly(true, true, true, false);
        var quit = org.ybdesk.core.catalog.IntakeCheck.materialNeeds(item, m("withdrawalReason", "主动放弃"));
        assertThat(quit.values()).containsExactly(true, true, false, true);
        var abroad = org.ybdesk.core.catalog.IntakeCheck.materialNeeds(item, m("withdrawalReason", "出国（境）定居"));
        assertThat(abroad.values()).containsExactly(true, true, false, false);
        Applicant heir = DeskFixture.person("继承人");
        CaseView v = f.desk.cases().create(new CaseService.NewCase(9, heir, Samples.fields(item,
                // after a death the 领取人 is an heir, never the insured (issue 13, D142)
                Map.of("withdrawalReason", "死亡", "payeeRelationship", "子女")), Map.of(1, MaterialStatus.PAPER,
                2, MaterialStatus.PAPER), null, null,
                null), f.clerk);
        assertThatThrownBy(() -> f.desk.cases().act(v.summary().caseNo(), Command.of(ACCEPT), null, f.clerk))
                .hasMessageContaining("3. 继承人身份证").hasMessageContaining("（因死亡支取的）");
    }

    @Test
    void anApplicationWithNoMaterialAtAllIsNeverAccepted() {
        Applicant ap = DeskFixture.person("无材料");
        CaseView v = f.desk.cases().create(new CaseService.NewCase(2, ap, Samples.fields(f.item(2),
                m("personCategory", "灵活就业人员", "changeType", "增加")), Map.of(), null, null, null), f.clerk);
        assertThatThrownBy(() -> f.desk.cases().act(v.summary().caseNo(), Command.of(ACCEPT), null, f.clerk))
                .hasMessageContaining("一份也未收到，不能受理");
        // whatever the item and its values: nothing received is refused
        for (var item : f.desk.catalog().items()) {
            if (!item.materials().isEmpty()) {
                assertThat(org.ybdesk.core.catalog.IntakeCheck.materialProblems(item, Map.of(), Map.of()))
                        .as("item %d with nothing received", item.no())
                        .anyMatch(p -> p.contains("一份也未收到"));
            }
        }
    }
}
