package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.lifecycle.CaseAction.*;
import static org.ybdesk.db.jooq.Tables.AGENCY;
import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;
import org.ybdesk.service.CaseViews.CaseView;

/** Separation of duties compares persons (staff ID numbers), not accounts; 支付 joins it; admins hold no business. */
class SeparationByPersonTest {
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

    /** A step; 审核 and 复核 of paying items carry the amount they decide (D87). */
    CaseView act(String no, CaseAction a, Actor by) {
        var item = f.desk.catalog().item(f.desk.cases().show(no, null).summary().itemNo());
        boolean money = org.ybdesk.core.lifecycle.Lifecycle.decidesAmountAtReview(item)
                && (a == REVIEW || a == RECHECK);
        return f.desk.cases().act(no, money ? Command.withAmount(a, Money.ofFen(88_800)) : Command.of(a), null, by);
    }

    /** 支付 pays the confirmed amount. */
    CaseView pay(String no, Actor by) {
        return f.desk.cases().act(no, Command.of(PAY), null, by);
    }

    static String no(CaseView v) {
        return v.summary().caseNo();
    }

    @Test
    void onePersonWithFourAccountsMayNotAcceptReviewRecheckAndApproveOneVeryHighRiskReimbursement() {
        String person = Samples.residentId("19810203", true);
        Actor asClerk = f.add("zhang.clerk", "张一", person, f.admin, Role.CLERK);
        Actor asReviewer = f.add("zhang.review", "张一", person, f.admin, Role.REVIEWER);
        Actor asRechecker = f.add("zhang.recheck", "张一", person, f.admin, Role.RECHECKER);
        Actor asHead = f.add("zhang.head", "张一", person, f.admin, Role.HEAD);
        assertThat(asClerk.personId()).isEqualTo(person).isEqualTo(asHead.personId());

        // item 17 门（急）诊费用报销: 极高风险, REVIEW → RECHECK → PAY (no 审批 in its process, D85)
        String no = no(f.create(17, DeskFixture.person("周五"), Map.of(), asClerk));
        act(no, ACCEPT, asClerk);
        assertThat(f.desk.cases().show(no, asReviewer).actions()).filteredOn(a -> a.action() == REVIEW)
                .singleElement().satisfies(a -> {
                    assertThat(a.allowed()).isFalse();
                    assertThat(a.whyNot()).anyMatch(w -> w.contains("受理人不得"));
                });
        assertThatThrownBy(() -> act(no, REVIEW, asReviewer)).hasMessageContaining("极高风险")
                .hasMessageContaining("受理人不得");
        act(no, REVIEW, f.reviewer);
        assertThatThrownBy(() -> act(no, RECHECK, asRechecker)).hasMessageContaining("受理人不得");
        act(no, RECHECK, f.rechecker);
        assertThat(asHead.personId()).isEqualTo(person);
        pay(no, f.finance);
        assertThat(act(no, CLOSE, asClerk).summary().state()).isEqualTo(CaseState.CLOSED);

        // The same person starting at review: their recheck and approval accounts are refused too.
        String no2 = no(f.create(17, DeskFixture.person("吴六"), Map.of(), f.clerk));
        act(no2, ACCEPT, f.clerk);
        act(no2, REVIEW, asReviewer);
        assertThatThrownBy(() -> act(no2, RECHECK, asRechecker)).hasMessageContaining("复核须由审核人以外");
        assertThat(act(no2, RECHECK, f.rechecker).summary().state()).isEqualTo(CaseState.RECHECKED);

        // Each step stores the person who took it.
        assertThat(f.desk.db().dsl().select(CASE_EVENT.ACTOR_PERSON_ID).from(CASE_EVENT)
                .where(CASE_EVENT.ACTOR_ID.eq(asReviewer.id())).fetch(CASE_EVENT.ACTOR_PERSON_ID))
                .containsExactly(person);
    }

    @Test
    void thePayerOfAHighRiskCaseIsNobodyWhoAcceptedReviewedRecheckedOrApprovedIt() {
        String person = Samples.residentId("19790909", false);
        Actor asRechecker = f.add("li.recheck", "李二", person, f.admin, Role.RECHECKER);
        Actor asFinance = f.add("li.finance", "李二", person, f.admin, Role.FINANCE);
        String no = no(f.create(17, DeskFixture.person("郑七"), Map.of(), f.clerk));
        act(no, ACCEPT, f.clerk);
        act(no, REVIEW, f.reviewer);
        act(no, RECHECK, asRechecker);
        assertThatThrownBy(() -> pay(no, asFinance)).hasMessageContaining("极高风险")
                .hasMessageContaining("办理过本件「复核通过」的人员不得同时办理「支付」");
        assertThat(pay(no, f.finance).summary().state()).isEqualTo(CaseState.PAID);

        // On a high-risk item (22 生育津贴支付) the person who accepted (and entered the payee's account) may not pay.
        String high = no(f.create(22, DeskFixture.person("冯九"), Map.of(), f.allRounder));
        act(high, ACCEPT, f.allRounder);
        act(high, REVIEW, f.reviewer);
        act(high, RECHECK, f.rechecker);
        assertThatThrownBy(() -> pay(high, f.allRounder)).hasMessageContaining("高风险")
                .hasMessageContaining("「受理」");
        assertThat(pay(high, f.finance).summary().state()).isEqualTo(CaseState.PAID);

        // Medium risk (19 产前检查费支付): no separation for 支付, the rechecker may pay.
        String medium = no(f.create(19, DeskFixture.person("陈十"), Map.of(), f.clerk));
        act(medium, ACCEPT, f.clerk);
        act(medium, REVIEW, f.reviewer);
        act(medium, RECHECK, f.allRounder);
        assertThat(pay(medium, f.allRounder).summary().state()).isEqualTo(CaseState.PAID);
    }

    @Test
    void anAccountWithoutAPersonTakesNoStepUntilTheAdministratorRegistersIt() {
        // As in a data folder of the previous release: the column exists, the user has no number.
        f.desk.db().write(tx -> tx.update(APP_USER).setNull(APP_USER.PERSON_ID_NUMBER)
                .where(APP_USER.USERNAME.eq("clerk2")).execute());
        Actor old = f.desk.users().login("clerk2", "passw0rdclerk2");
        assertThat(old.personId()).isNull();
        String no = no(f.create(16, DeskFixture.person("王八"), Map.of(), f.clerk));
        assertThatThrownBy(() -> act(no, ACCEPT, old)).hasMessageContaining("尚未登记本人身份证号")
                .hasMessageContaining("ybdesk user update");
        assertThat(f.desk.users().list()).filteredOn(u -> u.username().equals("clerk2")).singleElement()
                .satisfies(u -> assertThat(u.personId()).isNull());

        assertThatThrownBy(() -> f.desk.users().update("clerk2", null, Samples.residentId(), f.clerk))
                .hasMessageContaining("只有管理员");
        String id = Samples.residentId("19880808", true);
        var view = f.desk.users().update("clerk2", null, id, f.admin);
        assertThat(view.personId()).isEqualTo(CaseViews.mask(id)).contains("****");
        Actor now = f.desk.users().login("clerk2", "passw0rdclerk2");
        assertThat(now.personId()).isEqualTo(id);
        assertThat(act(no, ACCEPT, now).summary().state()).isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void stepsStoredBeforeTheColumnExistedCountAsTheAccountsCurrentPerson() {
        String no = no(f.create(17, DeskFixture.person("褚十一"), Map.of(), f.allRounder));
        act(no, ACCEPT, f.allRounder);
        f.desk.db().write(tx -> tx.update(CASE_EVENT).setNull(CASE_EVENT.ACTOR_PERSON_ID).execute());
        Actor sameOtherAccount = f.add("all.review", "全能辛", f.allRounder.personId(), f.admin, Role.REVIEWER);
        assertThatThrownBy(() -> act(no, REVIEW, sameOtherAccount)).hasMessageContaining("受理人不得");
        assertThat(act(no, REVIEW, f.reviewer).summary().state()).isEqualTo(CaseState.REVIEWED);
    }

    @Test
    void personIdIsRequiredAndChecked() {
        String good = Samples.residentId("19900101", true);
        char last = good.charAt(17);
        String badCheck = good.substring(0, 17) + (last == '1' ? '2' : '1');
        assertThatThrownBy(() -> f.desk.users().add("x1", "某人", "abcd1234", EnumSet.of(Role.CLERK), null, f.admin))
                .hasMessageContaining("请填写本人身份证号");
        assertThatThrownBy(() -> f.desk.users().add("x1", "某人", "abcd1234", EnumSet.of(Role.CLERK), badCheck,
                f.admin)).hasMessageContaining("本人身份证号").hasMessageContaining("校验位");
        assertThat(f.desk.users().add("x1", "某人", "abcd1234", EnumSet.of(Role.CLERK),
                " " + good.toLowerCase() + " ", f.admin).personId()).isEqualTo(CaseViews.mask(good));
    }

    @Test
    void administratorsHoldNoBusinessRoles() {
        assertThatThrownBy(() -> f.desk.users().add("boss", "某人", "abcd1234", EnumSet.of(Role.ADMIN, Role.CLERK),
                Samples.residentId(), f.admin)).hasMessageContaining("管理员账号不能同时担任业务岗位")
                .hasMessageContaining("窗口经办");
        assertThatThrownBy(() -> f.desk.users().update("admin", EnumSet.of(Role.ADMIN, Role.FINANCE), null, f.admin))
                .hasMessageContaining("管理员账号不能同时担任业务岗位").hasMessageContaining("财务");
        assertThatThrownBy(() -> f.desk.users().update("clerk", EnumSet.of(Role.ADMIN, Role.CLERK), null, f.admin))
                .hasMessageContaining("管理员账号不能同时担任业务岗位");
        assertThatThrownBy(() -> f.desk.users().update("admin", EnumSet.of(Role.TRAINER), null, f.admin))
                .hasMessageContaining("唯一的管理员");
        assertThat(f.desk.users().update("admin", EnumSet.of(Role.ADMIN, Role.TRAINER), null, f.admin).roles())
                .containsExactlyInAnyOrder(Role.ADMIN, Role.TRAINER);

        // An administrator with business roles from an older version: the business roles are not in effect.
        f.desk.db().write(tx -> tx.update(APP_USER).set(APP_USER.ROLES, "ADMIN,CLERK,HEAD")
                .where(APP_USER.USERNAME.eq("admin")).execute());
        Actor admin = f.desk.users().login("admin", "passw0rdadmin");
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(f.desk.users().list()).filteredOn(u -> u.username().equals("admin")).singleElement()
                .satisfies(u -> assertThat(u.ignoredRoles()).containsExactlyInAnyOrder(Role.CLERK, Role.HEAD));
        String no = no(f.create(16, DeskFixture.person("卫十二"), Map.of(), f.clerk));
        assertThatThrownBy(() -> act(no, ACCEPT, admin)).hasMessageContaining("「窗口经办」岗位");
    }

    @Test
    void renamingTheAgencyOfASetUpDeskNeedsAnAdministrator() {
        var rename = new SetupService.AgencySetup("230102001", "230102", "假冒的中心", "假冒", "0451-84661234");
        assertThatThrownBy(() -> f.desk.setup().initAgency(rename, null)).hasMessageContaining("须由管理员办理");
        assertThatThrownBy(() -> f.desk.setup().initAgency(rename, f.clerk)).hasMessageContaining("须由管理员办理");
        assertThat(f.desk.db().dsl().select(AGENCY.NAME).from(AGENCY).fetchOne(AGENCY.NAME))
                .isEqualTo("哈尔滨市道里区医疗保障中心");
        assertThat(f.desk.setup().initAgency(rename, f.admin).name()).isEqualTo("假冒的中心");
    }
}
