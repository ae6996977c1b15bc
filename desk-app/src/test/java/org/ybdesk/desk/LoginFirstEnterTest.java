package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.service.Mode;

/**
 * The first Enter at login is never lost (issue 15): typed and pressed while the data is still opening, the login
 * shows 「正在打开数据…」, waits for the database and then logs in.
 */
class LoginFirstEnterTest extends GuiTestBase {

    @Test
    void enterPressedWhileTheDataOpensLogsInOnceItIsOpen() throws Exception {
        productionDesk();
        desks.closeAll(); // the window opens it again, as at a start
        CountDownLatch release = new CountDownLatch(1);
        // the worker is busy (a slow disk, a migration): the opening queues behind this
        GuiActionRunner.execute(() -> Background.run(null, () -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, v -> { }));
        try {
            waitsThenLogsIn(release);
        } finally {
            release.countDown();
        }
    }

    private void waitsThenLogsIn(CountDownLatch release) {
        LoginFrame f = GuiActionRunner.execute(() -> new LoginFrame(desks, Mode.PRODUCTION));
        FrameFixture w = new FrameFixture(robot, f);
        w.show();
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(f::waitingForData)).isTrue();
        assertThat(w.progressBar("login.progress").target().getString()).isEqualTo("正在打开数据…");
        w.textBox("login.username").setText("clerk");
        w.textBox("login.password").setText("passclerk1");
        w.textBox("login.password").focus().pressAndReleaseKeys(KeyEvent.VK_ENTER);
        robot.waitForIdle();
        assertThat(w.button("login.submit").target().isEnabled()).as("the login is on its way").isFalse();
        assertThat(GuiActionRunner.execute(f::waitingForData)).isTrue();

        release.countDown();
        FrameFixture main = WindowFinder.findFrame(new GenericTypeMatcher<MainFrame>(MainFrame.class) {
            @Override
            protected boolean isMatching(MainFrame frame) {
                return frame.isShowing();
            }
        }).withTimeout(30, TimeUnit.SECONDS).using(robot);
        waitIdle();
        assertThat(main.label("status").text()).contains("窗口乙");
    }
}
