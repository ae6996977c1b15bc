package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.RegistryService.UnitInput;

class UsersAndRegistryTest {
    @TempDir
    Path dir;

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            // issue 15: a wrong password and an unknown user get the same words; the counting is unchanged
            String unknown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> f.desk.users().login("nobody", "wrong1234")).getMessage();
            assertThat(unknown).isEqualTo("用户名或密码不正确");
            for (int i = 1; i <= 4; i++) {
                assertThatThrownBy(() -> f.desk.users().login("clerk", "wrong1234")).hasMessage(unknown);
            }
            assertThatThrownBy(() -> f.desk.users().login("clerk", "wrong1234")).hasMessageContaining("已锁定");
            assertThatThrownBy(() -> f.desk.users().login("clerk", "passw0rdclerk")).hasMessageContaining("分钟后再试");
            f.clock.advance(Duration.ofMinutes(16));
            assertThat(f.desk.users().login("clerk", "passw0rdclerk").name()).isEqualTo("窗口乙");
        }
    }

    @Test
    void passwordsNeedEightCharactersWithLettersAndDigitsAndOnlyAdminsAddUsers() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            assertThatThrownBy(() -> f.desk.users().add("x1", "某人", "abc", EnumSet.of(Role.CLERK),
                    Samples.residentId(), f.admin))
                    .isInstanceOf(ServiceException.class)
                    .satisfies(e -> assertThat(((ServiceException) e).problems()).hasSize(2));
            assertThatThrownBy(() -> f.desk.users().add("x2", "某人", "abcd1234", EnumSet.of(Role.CLERK),
                    Samples.residentId(), f.clerk))
                    .hasMessageContaining("只有管理员");
            assertThatThrownBy(() -> f.desk.users().add("clerk", "某人", "abcd1234", EnumSet.of(Role.CLERK),
                    Samples.residentId(), f.admin))
                    .hasMessageContaining("已存在");
        }
    }

    @Test
    void personRegistrationDerivesGenderAndBirthAndFindsByIdNameAndPinyinInitials() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String unitCode = Samples.creditCode();
            f.desk.registry().registerUnit(new UnitInput(unitCode, "哈尔滨道里机械厂", "企业", "道里区工农大街8号",
                    "刘大", IdType.RESIDENT_ID, Samples.residentId(), "13800001111", "中国工商银行", "6217000000000000007",
                    "刘二", "13800002222", "230102"), f.admin);
            String id = Samples.residentId("19900315", false);
            var p = f.desk.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, "张三丰", null, null,
                    InsuranceType.EMPLOYEE, null, unitCode, "13812345678", "哈尔滨市道里区", null), f.clerk);
            assertThat(p.gender()).isEqualTo(Gender.FEMALE);
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(1990, 3, 15));
            assertThat(p.unitName()).isEqualTo("哈尔滨道里机械厂");
            assertThat(f.desk.db().dsl().select(org.ybdesk.db.jooq.Tables.OUTBOX.PAYLOAD_JSON)
                    .from(org.ybdesk.db.jooq.Tables.OUTBOX)
                    .where(org.ybdesk.db.jooq.Tables.OUTBOX.MSG_TYPE.eq("PERSON_REGISTERED"),
                            org.ybdesk.db.jooq.Tables.OUTBOX.ENTITY_ID.eq(id))
                    .fetchOne(0, String.class))
                    .as("the province links the person to the unit by its credit code")
                    .contains("\"unitCreditCode\":\"" + unitCode + "\"");
            assertThat(f.desk.registry().findPerson(id.toLowerCase())).isPresent();
            assertThat(f.desk.registry().searchPersons("zsf", 10)).extracting(x -> x.name()).containsExactly("张三丰");
            assertThat(f.desk.registry().searchPersons("张三", 10)).hasSize(1);
            assertThat(f.desk.registry().searchPersons(id.substring(0, 10), 10)).hasSize(1);
            assertThat(f.desk.registry().searchPersons("哈尔滨道里", 10)).hasSize(1);
            assertThat(f.desk.registry().searchPersons(unitCode, 10)).hasSize(1);
            assertThat(f.desk.registry().personsOfUnit(unitCode, 10)).hasSize(1);
        }
    }

    @Test
    void personRegistrationListsEveryProblemAtOnce() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String id = Samples.residentId("19900315", false);
            ServiceException e = org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class, () ->
                    f.desk.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, " ", Gender.MALE,
                            LocalDate.of(1990, 1, 1), null, null, "91230102MA1B2C3D4X", "12345", null, null), f.clerk));
            assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(String.join("\n", e.problems())).contains("姓名").contains("参保险种").contains("性别")
                    .contains("出生日期").contains("联系电话").contains("单位");
        }
    }

    @Test
    void duplicateRegistrationIsRefused() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String id = Samples.residentId();
            PersonInput in = new PersonInput(IdType.RESIDENT_ID, id, "重复", null, null, InsuranceType.RESIDENT, null,
                    null, null, null, null);
            f.desk.registry().registerPerson(in, f.clerk);
            assertThatThrownBy(() -> f.desk.registry().registerPerson(in, f.clerk)).hasMessageContaining("已登记");
        }
    }

    @Test
    void importedCalendarYearExtendsDeadlinesIntoThatYear() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 12, 28))) {
            String no = f.create(16, DeskFixture.person("跨年"), Map.of(), f.clerk).summary().caseNo();
            var accepted = f.desk.cases().act(no, org.ybdesk.core.lifecycle.Command.of(
                    org.ybdesk.core.lifecycle.CaseAction.ACCEPT), null, f.clerk);
            // (replaced in issue 10) provisional by law instead of refused
            assertThat(accepted.summary().deadline().problem()).isNull();
            assertThat(accepted.summary().deadline().provisional()).isTrue();
            assertThat(accepted.summary().deadline().dueDate()).isEqualTo(LocalDate.of(2027, 1, 26));
            String yaml = """
                    years:
                      - year: 2027
                        notice: 测试用
                        holidays:
                          - name: 元旦
                            days: [2027-01-01]
                        makeUpWorkdays: []
                    """;
            assertThat(f.desk.setup().importCalendar(yaml, f.admin)).containsExactly(2027);
            var v = f.desk.cases().show(no, f.clerk);
            assertThat(v.summary().deadline().problem()).isNull();
            assertThat(v.summary().deadline().dueDate()).isEqualTo(LocalDate.of(2027, 1, 26));
            assertThat(v.summary().deadline().provisional()).isFalse();
        }
    }
}
