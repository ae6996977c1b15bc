package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

class LoginAndWorkbenchTest extends GuiTestBase {

    @Test
    void firstStartWalksThroughAgencySetupAndTheFirstAdministrator() {
        FrameFixture login = loginWindow(Mode.PRODUCTION);
        DialogFixture setup = WindowFinder.findDialog("setup").withTimeout(10, TimeUnit.SECONDS).using(robot);
        screenshot(login, "setup-behind", false);
        setup.textBox("setup.code").enterText("2301");
        setup.textBox("setup.window").enterText("二");
        setup.textBox("setup.division").enterText("99");
        setup.textBox("setup.name").enterText("测试医保中心");
        setup.textBox("setup.adminUser").enterText("boss");
        setup.textBox("setup.adminName").enterText("王主任");
        String good = staffId(7);
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        setup.textBox("setup.adminPersonId").enterText(wrongCheck);
        waitIdle();
        assertThat(setup.label("setup.adminPersonId.check").text()).contains("校验位").contains("第18位");
        setup.textBox("setup.adminPassword").enterText("short");
        setup.textBox("setup.adminPassword2").enterText("short");
        press(setup.button("setup.submit"));
        waitIdle();
        String problems = setup.label("setup.problems").text();
        assertThat(problems).contains("区划").contains("至少8位").contains("字母和数字").contains("本人身份证号")
                .contains("窗口号应为 1–99 的整数，「二」不是整数");
        // fix only what was wrong: the rest stays as typed
        assertThat(setup.textBox("setup.name").text()).isEqualTo("测试医保中心");
        setup.textBox("setup.division").setText("230102");
        setup.textBox("setup.adminPersonId").setText(good);
        waitIdle();
        assertThat(setup.label("setup.adminPersonId.check").text()).contains("校验通过");
        setup.textBox("setup.adminPassword").setText("boss2026a");
        setup.textBox("setup.adminPassword2").setText("boss2026a");
        setup.textBox("setup.window").setText("100");
        press(setup.button("setup.submit"));
        waitIdle();
        assertThat(setup.label("setup.problems").text()).contains("「100」不在此范围内")
                .doesNotContain("区划").doesNotContain("本人身份证号");
        assertThat(setup.textBox("setup.adminUser").text()).isEqualTo("boss");
        // full-width digits are read; Enter in the field submits (the default button)
        setup.textBox("setup.window").setText("１２");
        setup.textBox("setup.window").pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        waitIdle();
        assertThat(login.textBox("login.username").text()).isEqualTo("boss");
        assertThat(desks.get(Mode.PRODUCTION).windowNo()).contains(12);
        login.focus();
        login.textBox("login.password").setText("boss2026a");
        // Enter in the password field (the default button), as a clerk logs in: a key goes to the focused field,
        // where a mouse click by screen position can land on another test's window still closing at the centre
        login.textBox("login.password").pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        FrameFixture main = WindowFinder.findFrame("main").withTimeout(20, TimeUnit.SECONDS).using(robot);
        waitIdle();
        assertThat(main.label("status").text()).contains("测试医保中心").contains("王主任");
    }

    @Test
    void wrongPasswordsCountDownThenLockTheAccount() {
        productionDesk();
        FrameFixture w = loginWindow(Mode.PRODUCTION);
        for (int i = 1; i <= 4; i++) {
            w.textBox("login.username").setText("clerk");
            w.textBox("login.password").setText("wrongpass9");
            press(w.button("login.submit"));
            waitIdle();
            assertThat(w.label("login.message").text()).contains("用户名或密码不正确"); // issue 15: same as an unknown user
        }
        w.textBox("login.password").setText("wrongpass9");
        press(w.button("login.submit"));
        waitIdle();
        assertThat(w.label("login.message").text()).contains("已锁定");
        w.textBox("login.password").setText("passclerk1");
        press(w.button("login.submit"));
        waitIdle();
        assertThat(w.label("login.message").text()).contains("分钟后再试");
        screenshot(w, "login-locked", true);
    }

    @Test
    void workbenchShowsCountsAndOpensACaseWithOneKeystroke() {
        Desk d = productionDesk();
        var clerk = d.users().login("clerk", "passclerk1");
        String id = "230102" + "19800101" + "123";
        id = id + Validators.residentIdCheckChar(id);
        var item = d.catalog().item(8);
        Map<Integer, MaterialStatus> m = new java.util.LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        String no = d.cases().create(new CaseService.NewCase(8, new CaseService.Applicant(IdType.RESIDENT_ID, id,
                "张三", "13812345678"), Map.of(), m, null, null, null), clerk).summary().caseNo();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        assertThat(main.label("card.toAccept.value").text()).isEqualTo("1");
        main.table("workbench.table").requireRowCount(1);
        assertThat(main.table("workbench.table").valueAt(org.assertj.swing.data.TableCell.row(0).column(3)))
                .isEqualTo("230102********" + id.substring(14));
        screenshot(main, "workbench", true);
        main.table("workbench.table").focus();
        main.table("workbench.table").pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        waitIdle();
        assertThat(main.label("case.header.caseNo").text()).contains(no);
    }

    @Test
    void searchFindsByPinyinInitialsCaseNumberAndIdPrefix() {
        Desk d = productionDesk();
        var clerk = d.users().login("clerk", "passclerk1");
        var item = d.catalog().item(8);
        Map<Integer, MaterialStatus> m = new java.util.LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        String[] names = {"张三", "李四", "张三丰"};
        String first = null;
        for (int i = 0; i < names.length; i++) {
            String id17 = "23010219850505" + (100 + i);
            String no = d.cases().create(new CaseService.NewCase(8, new CaseService.Applicant(IdType.RESIDENT_ID,
                    id17 + Validators.residentIdCheckChar(id17), names[i], null), Map.of(), m, null, null, null), clerk)
                    .summary().caseNo();
            if (first == null) {
                first = no;
            }
        }
        d.cases().act(first, Command.of(CaseAction.ACCEPT), null, clerk);
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        main.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_F3);
        main.textBox("search.box").enterText("zs\n");
        waitIdle();
        main.table("search.results").requireRowCount(2);
        assertThat(main.label("search.summary").text()).contains("找到 2 件");
        main.textBox("search.text").setText(first);
        press(main.button("search.go"));
        waitIdle();
        assertThat(main.label("search.summary").text()).contains("找到 1 件");
        main.table("search.results").requireRowCount(1);
        main.textBox("search.text").setText("2301021985");
        press(main.button("search.go"));
        waitIdle();
        main.table("search.results").requireRowCount(3);
        screenshot(main, "search", true);
    }

    @Test
    void sandboxShowsItsBannerTrainingAccountsAndResetsToTheSeed() {
        FrameFixture login = loginWindow(Mode.SANDBOX);
        waitIdle();
        assertThat(login.target().getTitle()).contains("培训环境");
        assertThat(login.label("login.hint").text()).contains("培训账号");
        var trainer = org.ybdesk.service.SandboxSeeder.ACCOUNTS.stream()
                .filter(a -> a.roles().contains(org.ybdesk.core.lifecycle.Role.TRAINER)).findFirst().orElseThrow();
        login.textBox("login.username").setText(trainer.username());
        login.textBox("login.password").setText(trainer.password());
        press(login.button("login.submit"));
        FrameFixture main = WindowFinder.findFrame("main").withTimeout(20, TimeUnit.SECONDS).using(robot);
        waitIdle();
        main.label("sandbox.banner").requireVisible();
        assertThat(main.label("sandbox.banner").text()).contains("培训环境");
        assertThat(main.target().getTitle()).contains("培训环境");
        screenshot(main, "sandbox", true);
        Desk sandbox = desks.get(Mode.SANDBOX);
        int before = sandbox.db().dsl().fetchCount(org.ybdesk.db.jooq.Tables.CASE_FILE);
        var actor = sandbox.users().login(trainer.username(), trainer.password());
        var clerkAccount = org.ybdesk.service.SandboxSeeder.ACCOUNTS.stream()
                .filter(a -> a.roles().contains(org.ybdesk.core.lifecycle.Role.CLERK)).findFirst().orElseThrow();
        var clerk = sandbox.users().login(clerkAccount.username(), clerkAccount.password());
        String id17 = "23010219900101" + "555";
        var item = sandbox.catalog().item(8);
        Map<Integer, MaterialStatus> m = new java.util.LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        sandbox.cases().create(new CaseService.NewCase(8, new CaseService.Applicant(IdType.RESIDENT_ID,
                id17 + Validators.residentIdCheckChar(id17), "练习者", null), Map.of(), m, null, null, null), clerk);
        assertThat(sandbox.db().dsl().fetchCount(org.ybdesk.db.jooq.Tables.CASE_FILE)).isEqualTo(before + 1);
        assertThat(actor.roles()).contains(org.ybdesk.core.lifecycle.Role.TRAINER);
        // programmatic presses: a robot click on a freshly opened modal pane was occasionally lost under Xvfb
        javax.swing.JButton reset = (javax.swing.JButton) main.button("nav.sandboxReset").target();
        javax.swing.SwingUtilities.invokeLater(reset::doClick);
        javax.swing.JButton ok = main.optionPane(org.assertj.swing.timing.Timeout.timeout(20_000)).okButton().target();
        javax.swing.SwingUtilities.invokeLater(ok::doClick);
        waitIdle();
        FrameFixture again = WindowFinder.findFrame(new GenericTypeMatcher<LoginFrame>(LoginFrame.class) {
            @Override
            protected boolean isMatching(LoginFrame f) {
                return f.isShowing();
            }
        }).withTimeout(90, TimeUnit.SECONDS).using(robot);
        waitIdle();
        Desk reopened = desks.get(Mode.SANDBOX);
        assertThat(reopened.db().dsl().fetchCount(org.ybdesk.db.jooq.Tables.CASE_FILE)).isEqualTo(before);
        assertThat(again.target().getTitle()).contains("培训环境");
        assertThat(again.label("login.message").text()).contains("已重置");
        assertThat(dataDir.resolve("prod")).doesNotExist();
    }

    static EnumSet<org.ybdesk.core.lifecycle.Role> roles(org.ybdesk.core.lifecycle.Role... r) {
        return EnumSet.copyOf(java.util.List.of(r));
    }
}
