package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JOptionPane;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/**
 * 锁定屏幕 / 切换用户 / the idle lock (issue 15): the window stays, the intake typed before the lock is there after
 * the same user unlocks, another user is asked before it is discarded, the session's actor changes, and the audit
 * records each step. The idle lock runs on the desk's clock, moved by the test (no sleeping).
 */
class LockSwitchTest extends GuiTestBase {
    private MovableClock clock;

    @BeforeEach
    void movableClock() {
        clock = MovableClock.of(CLOCK);
        desks = new Desks(dataDir, clock);
    }

    private MainFrame frame(FrameFixture main) {
        return (MainFrame) main.target();
    }

    private boolean locked(FrameFixture main) {
        return GuiActionRunner.execute(() -> frame(main).lockScreen().locked());
    }

    private List<String> auditActions(Desk d) {
        return d.db().dsl().select(org.ybdesk.db.jooq.Tables.AUDIT_LOG.ACTION).from(org.ybdesk.db.jooq.Tables.AUDIT_LOG)
                .orderBy(org.ybdesk.db.jooq.Tables.AUDIT_LOG.SEQ).fetch(org.ybdesk.db.jooq.Tables.AUDIT_LOG.ACTION);
    }

    private void startIntakeWithInput(FrameFixture main) {
        click(main, "nav.newCase");
        setText(main, "intake.itemFilter", "异地");
        waitIdle();
        assertThat(GuiActionRunner.execute(() -> frame(main).hasUnsavedIntake())).isTrue();
    }

    @Test
    void ctrlLLocksAndTheSameUserFindsTheIntakeAsItWas() {
        Desk d = productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        startIntakeWithInput(main);
        GuiActionRunner.execute(() -> main.target().setSize(1366, 768));
        robot.focusAndWaitForFocusGain(find(main, "intake.itemFilter", java.awt.Component.class));
        robot.pressKey(KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(KeyEvent.VK_L);
        robot.releaseKey(KeyEvent.VK_CONTROL);
        waitIdle();
        assertThat(locked(main)).isTrue();
        assertThat(GuiActionRunner.execute(() -> frame(main).getJMenuBar())).as("menus gone while locked").isNull();
        assertThat(text(main, "lock.username")).isEqualTo("clerk");
        assertThat(text(main, "lock.who")).contains("窗口乙");
        screenshot(main, "lock-screen", true);
        // F2 does nothing behind the lock
        robot.pressAndReleaseKey(KeyEvent.VK_F2);
        waitIdle();
        assertThat(locked(main)).isTrue();

        setText(main, "lock.password", "wrongpass9");
        click(main, "lock.submit");
        assertThat(locked(main)).isTrue();
        assertThat(text(main, "lock.message")).contains("用户名或密码不正确");

        setText(main, "lock.password", "passclerk1");
        click(main, "lock.submit");
        assertThat(locked(main)).isFalse();
        assertThat(text(main, "intake.itemFilter")).isEqualTo("异地");
        assertThat(GuiActionRunner.execute(() -> frame(main).session().actor().name())).isEqualTo("窗口乙");
        assertThat(auditActions(d)).containsSubsequence("SCREEN_LOCK", "LOGIN_FAILED", "SCREEN_UNLOCK");
    }

    @Test
    void anotherUserTakesOverAfterBeingAskedAboutTheUnsavedIntake() {
        Desk d = productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        startIntakeWithInput(main);
        click(main, "menu.switchUser");
        assertThat(locked(main)).isTrue();
        assertThat(text(main, "lock.username")).isEmpty();
        setText(main, "lock.username", "reviewer");
        setText(main, "lock.password", "passreviewer1");

        // asked first: 取消 keeps the lock and the clerk's intake
        javax.swing.JButton submit = find(main, "lock.submit", javax.swing.JButton.class);
        javax.swing.SwingUtilities.invokeLater(submit::doClick);
        JOptionPaneFixture ask = JOptionPaneFinder.findOptionPane().withTimeout(10, TimeUnit.SECONDS).using(robot);
        assertThat(ask.target().getMessage().toString()).contains("窗口乙").contains("未保存的受理录入");
        GuiActionRunner.execute(() -> ask.target().setValue(JOptionPane.CANCEL_OPTION));
        waitIdle();
        assertThat(locked(main)).isTrue();
        assertThat(GuiActionRunner.execute(() -> frame(main).hasUnsavedIntake())).isTrue();

        // asked again: 确定 discards it and the reviewer has the window
        javax.swing.SwingUtilities.invokeLater(submit::doClick);
        JOptionPaneFixture again = JOptionPaneFinder.findOptionPane().withTimeout(10, TimeUnit.SECONDS).using(robot);
        GuiActionRunner.execute(() -> again.target().setValue(JOptionPane.OK_OPTION));
        waitIdle();
        assertThat(locked(main)).isFalse();
        assertThat(GuiActionRunner.execute(() -> frame(main).session().actor().name())).isEqualTo("审核丁");
        assertThat(GuiActionRunner.execute(() -> frame(main).hasUnsavedIntake())).isFalse();
        assertThat(main.label("status").text()).contains("审核丁");
        assertThat(auditActions(d)).containsSubsequence("SCREEN_LOCK", "USER_SWITCH");
        assertThat(d.db().dsl().select(org.ybdesk.db.jooq.Tables.AUDIT_LOG.ACTOR_NAME)
                .from(org.ybdesk.db.jooq.Tables.AUDIT_LOG).where(org.ybdesk.db.jooq.Tables.AUDIT_LOG.ACTION
                        .eq("USER_SWITCH")).fetchOne(org.ybdesk.db.jooq.Tables.AUDIT_LOG.ACTOR_NAME)).isEqualTo("审核丁");
    }

    @Test
    void theWindowLocksItselfAfterTheIdleTimeTheAdministratorSet() {
        Desk d = productionDesk();
        d.users().setIdleLockMinutes("3", d.users().login("admin", "passadmin1"));
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        clock.advance(Duration.ofMinutes(2).plusSeconds(50));
        GuiActionRunner.execute(() -> frame(main).lockScreen().checkIdle());
        waitIdle();
        assertThat(locked(main)).as("2 min 50 s idle of 3 min").isFalse();
        // a key press counts as activity and starts the idle time again
        main.pressAndReleaseKeys(KeyEvent.VK_SHIFT);
        clock.advance(Duration.ofMinutes(2).plusSeconds(50));
        GuiActionRunner.execute(() -> frame(main).lockScreen().checkIdle());
        waitIdle();
        assertThat(locked(main)).isFalse();
        clock.advance(Duration.ofSeconds(10));
        GuiActionRunner.execute(() -> frame(main).lockScreen().checkIdle());
        waitIdle();
        assertThat(locked(main)).isTrue();
        assertThat(text(main, "lock.who")).contains("自动锁定").contains("窗口乙");
        assertThat(auditActions(d)).contains("SCREEN_IDLE_LOCK");
        setText(main, "lock.password", "passclerk1");
        click(main, "lock.submit");
        assertThat(locked(main)).isFalse();
    }
}
