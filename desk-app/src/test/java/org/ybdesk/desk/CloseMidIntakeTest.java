package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.WindowEvent;
import java.util.concurrent.TimeUnit;
import javax.swing.JOptionPane;
import javax.swing.WindowConstants;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.service.Mode;

/** Issue 15, point 11: closing the window mid-intake asks first; 取消 keeps everything typed. */
class CloseMidIntakeTest extends GuiTestBase {

    @Test
    void closingMidIntakeAsksAndCancelKeepsTheIntake() {
        productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        MainFrame frame = (MainFrame) main.target();
        frame.closeOperation = WindowConstants.DISPOSE_ON_CLOSE; // the test's JVM goes on
        GuiActionRunner.execute(frame::newCase);
        waitIdle();
        setText(main, "intake.itemFilter", "16");
        close(frame);
        DialogFixture ask = askDialog();
        assertThat(ask.label("OptionPane.label").text()).isEqualTo("有未保存的受理，确定退出？未保存的内容将丢失。");
        // the buttons are Chinese whatever the locale
        assertThat(ask.button(new GenericTypeMatcher<javax.swing.JButton>(javax.swing.JButton.class) {
            @Override
            protected boolean isMatching(javax.swing.JButton b) {
                return "取消".equals(b.getText());
            }
        }).target()).isNotNull();
        screenshot(ask.target(), "close-mid-intake-1366", true);
        press(ask.button(new GenericTypeMatcher<javax.swing.JButton>(javax.swing.JButton.class) {
            @Override
            protected boolean isMatching(javax.swing.JButton b) {
                return "取消".equals(b.getText());
            }
        }));
        assertThat(GuiActionRunner.execute(frame::isDisplayable)).isTrue();
        assertThat(text(main, "intake.itemFilter")).isEqualTo("16");
        // 确定 closes it
        close(frame);
        press(askDialog().button(new GenericTypeMatcher<javax.swing.JButton>(javax.swing.JButton.class) {
            @Override
            protected boolean isMatching(javax.swing.JButton b) {
                return "确定".equals(b.getText());
            }
        }));
        assertThat(GuiActionRunner.execute(frame::isDisplayable)).isFalse();
    }

    @Test
    void closingWithoutAnIntakeDoesNotAsk() {
        productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        MainFrame frame = (MainFrame) main.target();
        frame.closeOperation = WindowConstants.DISPOSE_ON_CLOSE;
        close(frame);
        waitIdle();
        assertThat(GuiActionRunner.execute(frame::isDisplayable)).isFalse();
    }

    private void close(MainFrame frame) {
        javax.swing.SwingUtilities.invokeLater(() -> frame.dispatchEvent(new WindowEvent(frame,
                WindowEvent.WINDOW_CLOSING)));
    }

    private DialogFixture askDialog() {
        return WindowFinder.findDialog(new GenericTypeMatcher<javax.swing.JDialog>(javax.swing.JDialog.class) {
            @Override
            protected boolean isMatching(javax.swing.JDialog d) {
                return d.isShowing() && d.getContentPane().getComponentCount() > 0
                        && d.getContentPane().getComponent(0) instanceof JOptionPane;
            }
        }).withTimeout(10, TimeUnit.SECONDS).using(robot);
    }
}
