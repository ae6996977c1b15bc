package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SetupService;

/**
 * Real Swing windows under Xvfb, driven by AssertJ Swing, on a real H2 data folder per test. The clock is fixed
 * (2026-11-25, a Wednesday) so deadlines are reproducible. Screenshots go to target/screenshots and — for the ones a
 * test marks as documentation — to docs/screenshots.
 */
public abstract class GuiTestBase {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    public static final Clock CLOCK = Clock.fixed(TODAY.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));

    @TempDir
    protected Path dataDir;
    protected Robot robot;
    protected Desks desks;

    @BeforeAll
    static void requireDisplay() {
        // GUI tests need a display: ./run-tests provides Xvfb. Without one (a plain `mvn test` on a server) they
        // cannot run at all; run-tests makes sure there is one, so in CI they always run.
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless() && System.getenv("CI") == null,
                "no display: run ./run-tests (it starts Xvfb)");
        FailOnThreadViolationRepaintManager.install();
        UiSetup.install();
    }

    @BeforeEach
    void robot() {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        // AssertJ Swing's default pacing: faster settings lost clicks under Xvfb now and then
        GuiActionRunner.execute(() -> javax.swing.ToolTipManager.sharedInstance().setEnabled(false));
        desks = new Desks(dataDir, CLOCK);
    }

    @AfterEach
    void cleanUp() {
        try {
            waitIdle();
        } catch (RuntimeException ignored) {
            // a failed test may leave work behind; clean up anyway
        }
        robot.cleanUp();
        desks.closeAll();
    }

    /** A production desk with an agency, an administrator and one user per role (passwords: "pass" + username + "1"). */
    protected Desk productionDesk() {
        Desk d = desks.get(Mode.PRODUCTION);
        if (d.agency().isEmpty()) {
            d.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234"), null);
            d.users().add("admin", "管理员甲", "passadmin1", EnumSet.of(Role.ADMIN), staffId(1), null);
            var admin = d.users().login("admin", "passadmin1");
            d.users().add("clerk", "窗口乙", "passclerk1", EnumSet.of(Role.CLERK), staffId(2), admin);
            d.users().add("reviewer", "审核丁", "passreviewer1", EnumSet.of(Role.REVIEWER), staffId(3),
                    admin);
            d.users().add("head", "负责人己", "passhead1", EnumSet.of(Role.HEAD), staffId(4), admin);
            d.users().add("finance", "财务庚", "passfinance1", EnumSet.of(Role.FINANCE), staffId(5), admin);
            d.users().add("all", "全能辛", "passall1", EnumSet.of(Role.CLERK, Role.REVIEWER, Role.RECHECKER,
                    Role.HEAD, Role.FINANCE), staffId(6), admin);
        }
        return d;
    }

    /** A synthetic staff resident ID number (valid check digit), a different person for each {@code n}. */
    protected static String staffId(int n) {
        String first17 = "230102" + "19850101" + String.format("%03d", n);
        return first17 + org.ybdesk.core.validation.Validators.residentIdCheckChar(first17);
    }

    /** Opens the login window for the mode and returns its fixture. */
    protected FrameFixture loginWindow(Mode mode) {
        LoginFrame f = GuiActionRunner.execute(() -> new LoginFrame(desks, mode));
        FrameFixture w = new FrameFixture(robot, f);
        w.show();
        waitIdle();
        return w;
    }

    /** Logs in and returns the main window. */
    protected FrameFixture login(Mode mode, String user, String password) {
        FrameFixture w = loginWindow(mode);
        w.textBox("login.username").setText(user);
        w.textBox("login.password").setText(password);
        // a robot click on the submit button was occasionally lost under Xvfb; press it programmatically
        GuiActionRunner.execute(() -> ((javax.swing.JButton) w.button("login.submit").target()).doClick());
        FrameFixture main = WindowFinder.findFrame(new GenericTypeMatcher<MainFrame>(MainFrame.class) {
            @Override
            protected boolean isMatching(MainFrame frame) {
                return frame.isShowing();
            }
        }).withTimeout(20, TimeUnit.SECONDS).using(robot);
        waitIdle();
        return main;
    }

    /** Waits until no background task is running and the event queue is idle. */
    protected void waitIdle() {
        for (int settled = 0; settled < 2; ) {
            Pause.pause(new Condition("background work done") {
                @Override
                public boolean test() {
                    return Background.pending() == 0;
                }
            }, 120_000);
            robot.waitForIdle();
            settled = Background.pending() == 0 ? settled + 1 : 0;
        }
    }

    /**
     * Presses a button of a dialog or window the way its listeners see a click, without the mouse: a click by screen
     * position can land on another window that is still opening, moving or closing at the same place (the windows
     * are centred), which made the GUI tests flaky on a loaded machine. The button must be showing and enabled. The
     * press is posted to the event thread, so a button that opens a modal dialog does not block the test.
     */
    protected void press(org.assertj.swing.fixture.JButtonFixture button) {
        button.requireVisible().requireEnabled();
        javax.swing.JButton b = button.target();
        javax.swing.SwingUtilities.invokeLater(b::doClick);
        waitIdle();
    }

    /** The named component inside the window (hidden ones too). */
    protected <T extends java.awt.Component> T find(FrameFixture main, String name, Class<T> type) {
        return robot.finder().findByName(main.target(), name, type, false);
    }

    /** Clicks the named button on the event thread and waits until the desk is idle. */
    protected void click(FrameFixture main, String name) {
        javax.swing.AbstractButton b = find(main, name, javax.swing.AbstractButton.class);
        GuiActionRunner.execute(() -> b.doClick());
        waitIdle();
    }

    /** Sets the named text component's text on the event thread. */
    protected void setText(FrameFixture main, String name, String value) {
        javax.swing.text.JTextComponent t = find(main, name, javax.swing.text.JTextComponent.class);
        GuiActionRunner.execute(() -> t.setText(value));
    }

    /** What the named component shows: a text field's text, a label's text, a combo's selection. */
    protected String text(FrameFixture main, String name) {
        java.awt.Component c = find(main, name, java.awt.Component.class);
        return GuiActionRunner.execute(() -> c instanceof javax.swing.text.JTextComponent t ? t.getText()
                : c instanceof javax.swing.JLabel l ? l.getText()
                : c instanceof javax.swing.JComboBox<?> cb ? String.valueOf(cb.getSelectedItem()) : String.valueOf(c));
    }

    /** Saves a screenshot of the window to target/screenshots (and docs/screenshots when {@code forDocs}). */
    protected Path screenshot(FrameFixture w, String name, boolean forDocs) {
        return screenshot(w.target(), name, forDocs);
    }

    /** Saves a screenshot of any window (a dialog too) like {@link #screenshot(FrameFixture, String, boolean)}. */
    protected Path screenshot(java.awt.Window c, String name, boolean forDocs) {
        waitIdle();
        BufferedImage img = GuiActionRunner.execute(() -> {
            BufferedImage b = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
            c.paintAll(b.getGraphics());
            return b;
        });
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Path out = dir.resolve(name + ".png");
            ImageIO.write(img, "png", out.toFile());
            if (forDocs) {
                Path docs = Path.of("..", "docs", "screenshots");
                Files.createDirectories(docs);
                Files.copy(out, docs.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(out).exists();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
