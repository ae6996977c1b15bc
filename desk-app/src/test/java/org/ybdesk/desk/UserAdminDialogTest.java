package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.UserService;

/**
 * 用户管理 (issue 15): an administrator adds a user (a person: staff ID number required; every problem at once,
 * nothing typed lost), disables one, lifts a lockout, resets a password (to be changed at the next login), sets
 * roles and the idle lock time — through the same {@code UserService} calls as {@code ybdesk user …}.
 */
class UserAdminDialogTest extends GuiTestBase {

    private void later(FrameFixture main, String name) {
        javax.swing.AbstractButton b = find(main, name, javax.swing.AbstractButton.class);
        javax.swing.SwingUtilities.invokeLater(b::doClick);
    }

    /** Sets a field's text on the event thread (a robot focus change was lost between the stacked dialogs). */
    private static void type(DialogFixture d, String name, String value) {
        javax.swing.text.JTextComponent t = d.textBox(name).target();
        GuiActionRunner.execute(() -> t.setText(value));
    }

    private static void tick(DialogFixture d, String name, boolean on) {
        javax.swing.JCheckBox b = (javax.swing.JCheckBox) d.checkBox(name).target();
        GuiActionRunner.execute(() -> b.setSelected(on));
    }

    private DialogFixture dialog(String name) {
        DialogFixture d = WindowFinder.findDialog(name).withTimeout(10, TimeUnit.SECONDS).using(robot);
        waitIdle();
        return d;
    }

    private void select(DialogFixture users, String username) {
        javax.swing.JTable t = (javax.swing.JTable) users.table("users.table").target();
        GuiActionRunner.execute(() -> {
            for (int r = 0; r < t.getRowCount(); r++) {
                if (username.equals(t.getValueAt(r, 0))) {
                    t.setRowSelectionInterval(r, r);
                }
            }
        });
    }

    private String row(DialogFixture users, String username) {
        javax.swing.JTable t = (javax.swing.JTable) users.table("users.table").target();
        return GuiActionRunner.execute(() -> {
            for (int r = 0; r < t.getRowCount(); r++) {
                if (username.equals(t.getValueAt(r, 0))) {
                    StringBuilder sb = new StringBuilder();
                    for (int c = 0; c < t.getColumnCount(); c++) {
                        sb.append(t.getValueAt(r, c)).append(" | ");
                    }
                    return sb.toString();
                }
            }
            return null;
        });
    }

    @Test
    void anAdministratorManagesUsersInTheWindow() {
        Desk d = productionDesk();
        for (int i = 0; i < UserService.MAX_FAILED_LOGINS; i++) {
            try {
                d.users().login("head", "wrongpass9");
            } catch (RuntimeException expected) {
                // counting towards the lockout
            }
        }
        FrameFixture main = login(Mode.PRODUCTION, "admin", "passadmin1");
        GuiActionRunner.execute(() -> main.target().setSize(1366, 768));
        later(main, "menu.users");
        DialogFixture users = dialog("users");
        assertThat(users.table("users.table").rowCount()).isEqualTo(6);
        assertThat(row(users, "head")).contains("已锁定");
        assertThat(row(users, "clerk")).contains("窗口乙").contains("窗口经办").contains("启用").contains("********");
        screenshot(users.target(), "users-dialog", true);

        // add: every problem at once, what was typed stays
        press(users.button("users.add"));
        DialogFixture form = dialog("userForm");
        type(form, "userForm.username", "clerk9");
        type(form, "userForm.displayName", "窗口壬");
        String good = staffId(9);
        type(form, "userForm.personId", good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1'));
        type(form, "userForm.password", "short");
        type(form, "userForm.password2", "short2");
        tick(form, "userForm.role.ADMIN", true);
        tick(form, "userForm.role.CLERK", true);
        press(form.button("userForm.ok"));
        String problems = form.label("userForm.problems").text();
        assertThat(problems).contains("至少8位").contains("本人身份证号").contains("管理员账号不能同时担任业务岗位")
                .contains("两次输入的密码不一致");
        assertThat(form.textBox("userForm.displayName").text()).isEqualTo("窗口壬");
        type(form, "userForm.personId", good);
        type(form, "userForm.password", "passclerk9");
        type(form, "userForm.password2", "passclerk9");
        tick(form, "userForm.role.ADMIN", false);
        press(form.button("userForm.ok"));
        waitIdle();
        assertThat(GuiActionRunner.execute(() -> form.target().isShowing())).isFalse();
        assertThat(row(users, "clerk9")).contains("窗口壬").contains("窗口经办");
        assertThat(users.label("users.message").text()).contains("已新增用户「clerk9」");
        assertThat(d.users().login("clerk9", "passclerk9").personId()).isEqualTo(good);

        // disable: the login is refused with the same words as a wrong password
        select(users, "clerk9");
        press(users.button("users.toggleActive"));
        assertThat(row(users, "clerk9")).contains("已停用");
        assertThatThrownBy(() -> d.users().login("clerk9", "passclerk9")).hasMessage("用户名或密码不正确");
        // not oneself
        select(users, "admin");
        press(users.button("users.toggleActive"));
        assertThat(users.label("users.message").text()).contains("不能停用自己");

        // lift the lockout
        select(users, "head");
        press(users.button("users.unlock"));
        assertThat(row(users, "head")).contains("启用").doesNotContain("已锁定");
        assertThat(d.users().login("head", "passhead1").name()).isEqualTo("负责人己");

        // reset a password: the user must choose a new one at the next login
        select(users, "clerk");
        press(users.button("users.resetPassword"));
        DialogFixture reset = dialog("reset");
        type(reset, "reset.password", "temp2026a");
        type(reset, "reset.password2", "temp2026a");
        press(reset.button("reset.ok"));
        waitIdle();
        Actor clerk = d.users().login("clerk", "temp2026a");
        assertThat(d.users().mustChangePassword(clerk.id())).isTrue();
        d.users().changePassword(clerk, "temp2026a", "mine2026b", "mine2026b");
        assertThat(d.users().mustChangePassword(clerk.id())).isFalse();

        // roles
        select(users, "clerk");
        press(users.button("users.roles"));
        DialogFixture roles = dialog("rolesForm");
        tick(roles, "rolesForm.role.REVIEWER", true);
        press(roles.button("rolesForm.ok"));
        waitIdle();
        assertThat(row(users, "clerk")).contains("窗口经办").contains("审核");

        // the idle lock time: a bad value is explained, a good one kept
        type(users, "users.idle", "0");
        press(users.button("users.idle.save"));
        assertThat(users.label("users.message").text()).contains("1–120").contains("「0」");
        type(users, "users.idle", "15");
        press(users.button("users.idle.save"));
        assertThat(users.label("users.message").text()).contains("15 分钟");
        assertThat(d.users().idleLockMinutes()).isEqualTo(15);
        assertThat(d.db().dsl().fetchCount(org.ybdesk.db.jooq.Tables.AUDIT_LOG,
                org.ybdesk.db.jooq.Tables.AUDIT_LOG.ACTION.in("USER_ADD", "USER_DISABLE", "USER_UNLOCK",
                        "USER_PASSWORD_RESET", "USER_UPDATE", "IDLE_LOCK_CONFIGURE"))).isGreaterThanOrEqualTo(11);
        press(users.button("users.close"));
        assertThat(GuiActionRunner.execute(() -> users.target().isShowing())).isFalse();
    }

    @Test
    void onlyAdministratorsSeeUserManagement() {
        productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        assertThat(robot.finder().findAll(main.target(), c -> "menu.users".equals(c.getName()))).isEmpty();
        assertThat(robot.finder().findAll(main.target(), c -> "menu.lock".equals(c.getName()))).hasSize(1);
    }
}
