package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.lifecycle.CaseAction.ACCEPT;
import static org.ybdesk.core.lifecycle.CaseAction.APPROVE;
import static org.ybdesk.core.lifecycle.CaseAction.PAY;
import static org.ybdesk.core.lifecycle.CaseAction.RECHECK;
import static org.ybdesk.core.lifecycle.CaseAction.REFUSE;
import static org.ybdesk.core.lifecycle.CaseAction.REVIEW;
import static org.ybdesk.db.jooq.Tables.AGENCY;
import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.CASE_ATTACHMENT;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_NOTE;
import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.SYNC_TASK;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.nio.charset.StandardCharsets;
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
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.validation.FieldLimits;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.RegistryService.UnitInput;

/**
 * Bad input never reaches the database: every text entering through the services is checked for control, NUL,
 * bidirectional and zero-width characters and for its column's length, with a Chinese message; dates are strict;
 * amounts paid are positive and bounded. Real H2 file, fixed clock.
 */
class InputHygieneServiceTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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

    int count(org.jooq.Table<?> table) {
        return f.desk.db().dsl().fetchCount(table);
    }

    /** Runs {@code call}, expects a refusal, and checks nothing at all was written. */
    List<String> refused(Runnable call) {
        int cases = count(CASE_FILE);
        int events = count(CASE_EVENT);
        int audit = count(AUDIT_LOG);
        int persons = count(PERSON);
        int units = count(UNIT);
        int notes = count(CASE_NOTE);
        int attachments = count(CASE_ATTACHMENT);
        try {
            call.run();
        } catch (ServiceException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).containsPattern("\\p{IsHan}"));
            assertThat(count(CASE_FILE)).isEqualTo(cases);
            assertThat(count(CASE_EVENT)).isEqualTo(events);
            assertThat(count(AUDIT_LOG)).isEqualTo(audit);
            assertThat(count(PERSON)).isEqualTo(persons);
            assertThat(count(UNIT)).isEqualTo(units);
            assertThat(count(CASE_NOTE)).isEqualTo(notes);
            assertThat(count(CASE_ATTACHMENT)).isEqualTo(attachments);
            return e.problems();
        }
        throw new AssertionError("expected a refusal");
    }

    static String only(List<String> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    Applicant person(String name) {
        return new Applicant(IdType.RESIDENT_ID, Samples.residentId(), name, "13912345678");
    }

    // ---------------------------------------------------------------- intake

    @Test
    void hostileApplicantNamesAreRefusedNotStoredEmpty() {
        assertThat(only(refused(() -> f.create(3, person("\u0000"), Map.of(), f.clerk))))
                .isEqualTo("申请人姓名（名称）含有空字符（第1个字符 U+0000），请删除后重新输入");
        assertThat(only(refused(() -> f.create(3, person("张三\u202E"), Map.of(), f.clerk))))
                .isEqualTo("申请人姓名（名称）含有改变文字方向的不可见字符（第3个字符 U+202E），请删除后重新输入");
        assertThat(only(refused(() -> f.create(3, person("张\u200B三"), Map.of(), f.clerk)))).contains("零宽度");
        assertThat(only(refused(() -> f.create(3, person("\u0007\u0008"), Map.of(), f.clerk)))).contains("控制字符");
        assertThat(only(refused(() -> f.create(3, person("张".repeat(65)), Map.of(), f.clerk))))
                .contains("最多64个字符");
        // a unit's name may be longer than a person's
        var unitItem = f.item(1);
        assertThat(refused(() -> f.create(1, new Applicant(null, Samples.creditCode(), "某".repeat(201), null),
                Map.of(), f.clerk))).anySatisfy(p -> assertThat(p).contains("最多200个字符"));
        assertThat(unitItem).isNotNull();
    }

    @Test
    void rareCharactersAndMiddleDotNamesAreStoredExactly() {
        for (String name : List.of("刘䶮", "王\uD840\uDC00", "阿卜杜·热合曼")) {
            CaseView v = f.create(3, person(name), Map.of(), f.clerk);
            assertThat(v.summary().applicantName()).isEqualTo(name);
        }
        assertThat(count(CASE_FILE)).isEqualTo(3);
    }

    @Test
    void otherIntakeTextsAreCheckedToo() {
        var item = f.item(3);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        assertThat(only(refused(() -> f.desk.cases().create(new NewCase(3, person("孙三"),
                Samples.fields(item, Map.of()), m, "窗口\u0000", null, null), f.clerk)))).contains("受理渠道含有空字符");
        assertThat(only(refused(() -> f.desk.cases().create(new NewCase(3, person("孙三"),
                Samples.fields(item, Map.of()), m, "窗".repeat(41), null, null), f.clerk)))).contains("最多40个字符");
        assertThat(refused(() -> f.create(3, new Applicant(IdType.RESIDENT_ID, "2301\u202E0219900101001X", "孙三",
                "13912345678"), Map.of(), f.clerk))).singleElement().asString().contains("申请人证件号码含有改变文字方向");
        assertThat(refused(() -> f.create(3, new Applicant(IdType.RESIDENT_ID, Samples.residentId(), "孙三",
                "139\u00001234\u00005678"), Map.of(), f.clerk))).singleElement().asString()
                .contains("申请人联系电话含有空字符（第4、9个字符 U+0000）");
        // field values: hygiene, strict dates
        assertThat(refused(() -> f.create(15, person("李四"), Map.of("filingStartDate", "20260230"), f.clerk)))
                .anySatisfy(p -> assertThat(p).contains("2026年2月只有28天"));
        assertThat(refused(() -> f.create(15, person("李四"), Map.of("filingStartDate", "2026-02-30"), f.clerk)))
                .anySatisfy(p -> assertThat(p).contains("2026年2月只有28天"));
        String anyTextField = item.leafFields().filter(x -> !Samples.PERSON_PREFILLED.contains(x.key()))
                .filter(x -> x.type() == org.ybdesk.core.catalog.FieldType.ADDRESS
                        || x.type() == org.ybdesk.core.catalog.FieldType.TEXT).findFirst().orElseThrow().key();
        assertThat(refused(() -> f.create(3, person("李四"), Map.of(anyTextField, "某街\u202E1号"), f.clerk)))
                .anySatisfy(p -> assertThat(p).contains("U+202E"));
        assertThat(refused(() -> f.create(3, person("李四"), Map.of(anyTextField, "某".repeat(501)), f.clerk)))
                .anySatisfy(p -> assertThat(p).contains("最多500个字符"));
    }

    @Test
    void settlementAmountsMustBePositiveAndBounded() {
        var item = f.item(27);
        Map<Integer, MaterialStatus> all = new LinkedHashMap<>();
        item.materials().forEach(x -> all.put(x.no(), MaterialStatus.ELECTRONIC));
        Applicant hospital = DeskFixture.institution("道里区人民医院");
        Map<String, String> fields = Samples.fields(item, Map.of());
        assertThat(refused(() -> f.desk.cases().create(new NewCase(27, hospital, fields, all, null,
                Money.ofFen(-100), Money.ofFen(-100)), f.clerk)))
                .containsExactly("申报金额须大于零（当前为-1.00元），请核对", "对账金额须大于零（当前为-1.00元），请核对");
        assertThat(refused(() -> f.desk.cases().create(new NewCase(27, hospital, fields, all, null,
                Money.ZERO, Money.ZERO), f.clerk))).hasSize(2);
        Money tooMuch = InputHygiene.MAX_PAID.plus(Money.ofFen(1));
        assertThat(refused(() -> f.desk.cases().create(new NewCase(27, hospital, fields, all, null,
                tooMuch, tooMuch), f.clerk))).allSatisfy(p -> assertThat(p).contains("超过上限"));
        CaseView ok = f.desk.cases().create(new NewCase(27, hospital, fields, all, null,
                InputHygiene.MAX_PAID, InputHygiene.MAX_PAID), f.clerk);
        assertThat(ok.declared()).isEqualTo(InputHygiene.MAX_PAID);
    }

    // ---------------------------------------------------------------- steps

    @Test
    void stepsCheckCaseNumberReasonsNoteAndAmount() {
        CaseView v = f.create(3, person("周五"), Map.of(), f.clerk);
        String no = v.summary().caseNo();
        assertThat(only(refused(() -> f.desk.cases().act(no + "\u0000", Command.of(ACCEPT), null, f.clerk))))
                .contains("办件编号含有空字符");
        assertThat(only(refused(() -> f.desk.cases().act("x".repeat(49), Command.of(ACCEPT), null, f.clerk))))
                .contains("办件编号过长");
        assertThat(only(refused(() -> f.desk.cases().act("230102001\u202E", Command.of(ACCEPT), null, f.clerk))))
                .contains("U+202E");
        assertThat(refused(() -> f.desk.cases().act(no, Command.withReasons(REFUSE, List.of("材料不全\u0000",
                "户籍\u202E不符")), null, f.clerk))).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("原因含有"));
        assertThat(only(refused(() -> f.desk.cases().act(no, Command.withReasons(REFUSE, List.of("因".repeat(501))),
                null, f.clerk)))).contains("最多500个字符");
        assertThat(only(refused(() -> f.desk.cases().act(no, Command.of(ACCEPT), "备".repeat(1001), f.clerk))))
                .contains("备注过长");
        assertThat(only(refused(() -> f.desk.cases().act(no, Command.withAmount(ACCEPT, Money.ofFen(-5)), null,
                f.clerk)))).contains("不需要填写金额");
        assertThat(only(refused(() -> f.desk.cases().show(no + "\u0007", f.clerk)))).contains("控制字符");
        // multi-line reasons and notes are fine
        CaseView done = f.desk.cases().act(no, Command.withReasons(REFUSE, List.of("第一条\n第二条")), "说明：\n已告知",
                f.clerk);
        assertThat(done.events().get(done.events().size() - 1).note()).isEqualTo("说明：\n已告知");
    }

    @Test
    void paymentsArePositiveAndBounded() {
        Applicant hospital = DeskFixture.institution("道里区人民医院");
        var item = f.item(27);
        Map<Integer, MaterialStatus> all = new LinkedHashMap<>();
        item.materials().forEach(x -> all.put(x.no(), MaterialStatus.ELECTRONIC));
        String no = f.desk.cases().create(new NewCase(27, hospital, Samples.fields(item, Map.of()), all, null,
                Money.ofFen(1_000_000), Money.ofFen(1_000_000)), f.clerk).summary().caseNo();
        f.desk.cases().act(no, Command.of(ACCEPT), null, f.clerk);
        // the amount is decided at 审核 (D87): that is where it must be positive and bounded
        assertThat(only(refused(() -> f.desk.cases().act(no, Command.withAmount(REVIEW, Money.ZERO), null,
                f.reviewer)))).contains("大于零");
        assertThat(only(refused(() -> f.desk.cases().act(no, Command.withAmount(REVIEW, Money.ofFen(-1)), null,
                f.reviewer)))).contains("大于零");
        assertThat(only(refused(() -> f.desk.cases().act(no, Command.withAmount(REVIEW,
                InputHygiene.MAX_PAID.plus(Money.ofFen(1))), null, f.reviewer)))).contains("超过上限");
        f.desk.cases().act(no, Command.withAmount(REVIEW, Money.ofFen(1_000_000)), null, f.reviewer);
        f.desk.cases().act(no, Command.withAmount(RECHECK, Money.ofFen(1_000_000)), null, f.rechecker);
        f.desk.cases().act(no, Command.of(APPROVE), null, f.head);
        assertThat(only(refused(() -> f.desk.cases().act(no, Command.withAmount(PAY, Money.ofFen(-1)), null,
                f.finance)))).contains("1000").contains("10000.00");
        assertThat(f.desk.cases().act(no, Command.of(PAY), null, f.finance).paid())
                .isEqualTo(Money.ofFen(1_000_000));
    }

    // ---------------------------------------------------------------- notes, attachments, tasks

    @Test
    void notesAndAttachmentNamesAreChecked() {
        String no = f.create(3, person("吴六"), Map.of(), f.clerk).summary().caseNo();
        assertThat(only(refused(() -> f.desk.cases().addNote(no, "\u0000", f.clerk)))).contains("备注含有空字符");
        assertThat(only(refused(() -> f.desk.cases().addNote(no, "备".repeat(2001), f.clerk)))).contains("最多2000个字符");
        assertThat(only(refused(() -> f.desk.cases().addNote(no, "看\u202E这里", f.clerk)))).contains("U+202E");
        assertThat(f.desk.cases().addNote(no, "第一行\n第二行", f.clerk).text()).isEqualTo("第一行\n第二行");
        // a right-to-left override makes 「invoice‮fdp.exe」 look like 「invoiceexe.pdf」
        assertThat(only(refused(() -> f.desk.cases().addAttachment(no, "invoice\u202Efdp.exe", PDF, f.clerk))))
                .contains("附件文件名含有改变文字方向的不可见字符");
        assertThat(only(refused(() -> f.desk.cases().addAttachment(no, "a".repeat(257) + ".pdf", PDF, f.clerk))))
                .contains("最多260个字符");
        assertThat(only(refused(() -> f.desk.cases().addAttachment(no, " ", PDF, f.clerk)))).contains("请填写附件文件名");
        assertThat(f.desk.cases().addAttachment(no, "身份证正反面.pdf", PDF, f.clerk).fileName()).isEqualTo("身份证正反面.pdf");
    }

    @Test
    void syncTaskNotesAreChecked() {
        SyncStore store = new SyncStore(f.desk);
        assertThat(count(SYNC_TASK)).isZero();
        assertThatThrownBy(() -> store.handleTask(1, "已\u0000处理", f.clerk)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("处理说明含有空字符");
        assertThatThrownBy(() -> store.handleTask(1, "处".repeat(1001), f.clerk)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("最多1000个字符");
    }

    // ---------------------------------------------------------------- registry

    @Test
    void personRegistrationChecksEveryText() {
        String id = Samples.residentId();
        assertThat(only(refused(() -> f.desk.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id,
                "\u0000", null, null, InsuranceType.EMPLOYEE, null, null, null, null, null), f.clerk))))
                .contains("姓名含有空字符");
        List<String> many = refused(() -> f.desk.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID,
                id + "\u200B", "张".repeat(65), null, null, InsuranceType.EMPLOYEE, null, "9123\u0000", "138\u202E",
                "址".repeat(301), "住\u0085址"), f.clerk));
        assertThat(many).hasSize(6); // all at once, no follow-up noise from the format checks
        assertThat(f.desk.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, "  刘䶮 ", null, null,
                InsuranceType.EMPLOYEE, null, null, null, null, null), f.clerk).name()).isEqualTo("刘䶮");
    }

    @Test
    void unitRegistrationChecksEveryText() {
        String code = Samples.creditCode();
        List<String> many = refused(() -> f.desk.registry().registerUnit(new UnitInput(code, "某\u202E公司",
                "企".repeat(61), "址".repeat(301), "法\u0000人", null, null, null, "银".repeat(101), null,
                "联\u200D系", null, "230102\u0000"), f.clerk));
        assertThat(many).hasSize(7);
        var ok = f.desk.registry().registerUnit(new UnitInput(code, "阿卜杜·热合曼商贸有限公司", null, null, null, null,
                null, null, null, null, null, null, " 230 102 "), f.clerk);
        assertThat(ok.adminDivisionCode()).isEqualTo("230102");
    }

    // ---------------------------------------------------------------- dates, limits

    @Test
    void reportDatesAreStrict() {
        assertThatThrownBy(() -> ReportService.parseDate("2026-02-30", "起始日期")).isInstanceOf(ServiceException.class)
                .hasMessageContaining("2026年2月只有28天");
        assertThatThrownBy(() -> ReportService.parseDate("20260230", "起始日期")).isInstanceOf(ServiceException.class)
                .hasMessageContaining("2026年2月只有28天");
        assertThatThrownBy(() -> ReportService.parseDate("2026-02-2\u202E8", "起始日期"))
                .hasMessageNotContaining("\u202E");
    }

    @Test
    void fieldLimitsMatchTheColumns() {
        assertThat(FieldLimits.PERSON_NAME).isEqualTo(PERSON.NAME.getDataType().length());
        assertThat(FieldLimits.ID_NUMBER).isEqualTo(PERSON.ID_NUMBER.getDataType().length());
        assertThat(FieldLimits.PHONE).isEqualTo(PERSON.PHONE.getDataType().length());
        assertThat(FieldLimits.ADDRESS).isEqualTo(PERSON.HOUSEHOLD_ADDRESS.getDataType().length());
        assertThat(FieldLimits.ADDRESS).isEqualTo(UNIT.ADDRESS.getDataType().length());
        assertThat(FieldLimits.UNIT_NAME).isEqualTo(UNIT.NAME.getDataType().length());
        assertThat(FieldLimits.UNIT_TYPE).isEqualTo(UNIT.UNIT_TYPE.getDataType().length());
        assertThat(FieldLimits.LEGAL_REP_NAME).isEqualTo(UNIT.LEGAL_REP_NAME.getDataType().length());
        assertThat(FieldLimits.BANK_NAME).isEqualTo(UNIT.BANK_NAME.getDataType().length());
        assertThat(FieldLimits.BANK_ACCOUNT).isEqualTo(UNIT.BANK_ACCOUNT.getDataType().length());
        assertThat(FieldLimits.CONTACT_NAME).isEqualTo(UNIT.CONTACT_NAME.getDataType().length());
        assertThat(FieldLimits.CASE_NO).isEqualTo(CASE_FILE.CASE_NO.getDataType().length());
        assertThat(FieldLimits.APPLICANT_NAME).isEqualTo(CASE_FILE.APPLICANT_NAME.getDataType().length());
        assertThat(FieldLimits.ID_NUMBER).isEqualTo(CASE_FILE.APPLICANT_ID_NUMBER.getDataType().length());
        assertThat(FieldLimits.PHONE).isEqualTo(CASE_FILE.APPLICANT_PHONE.getDataType().length());
        assertThat(FieldLimits.CHANNEL).isEqualTo(CASE_FILE.CHANNEL.getDataType().length());
        assertThat(FieldLimits.EVENT_NOTE).isEqualTo(CASE_EVENT.NOTE.getDataType().length());
        assertThat(FieldLimits.FILE_NAME).isEqualTo(CASE_ATTACHMENT.FILE_NAME.getDataType().length());
        assertThat(FieldLimits.CASE_NOTE).isEqualTo(CASE_NOTE.NOTE_TEXT.getDataType().length());
        assertThat(FieldLimits.TASK_NOTE).isEqualTo(SYNC_TASK.HANDLED_NOTE.getDataType().length());
        assertThat(FieldLimits.USERNAME).isEqualTo(APP_USER.USERNAME.getDataType().length());
        assertThat(FieldLimits.USER_DISPLAY_NAME).isEqualTo(APP_USER.DISPLAY_NAME.getDataType().length());
        assertThat(FieldLimits.AGENCY_CODE).isEqualTo(AGENCY.CODE.getDataType().length());
        assertThat(FieldLimits.AGENCY_NAME).isEqualTo(AGENCY.NAME.getDataType().length());
        assertThat(FieldLimits.AGENCY_SIGNATURE).isEqualTo(AGENCY.SIGNATURE.getDataType().length());
        assertThat(FieldLimits.AGENCY_HOTLINE).isEqualTo(AGENCY.HOTLINE.getDataType().length());
    }
}
