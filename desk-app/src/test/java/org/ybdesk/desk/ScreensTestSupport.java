package org.ybdesk.desk;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import javax.swing.JComponent;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;

/** Helpers of issue 15's screen tests (focus, key events posted as a fast scanner sends them). */
final class ScreensTestSupport {
    private ScreensTestSupport() {
    }

    static Component focusOwner() {
        return GuiActionRunner.execute(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
    }

    /** Waits until {@code c} has the keyboard focus. */
    static void awaitFocus(Component c, String what) {
        Pause.pause(new Condition(what + " has the focus") {
            @Override
            public boolean test() {
                return focusOwner() == c;
            }
        }, 10_000);
    }

    /** Gives {@code c} the focus and waits for it. */
    static void focus(JComponent c) {
        GuiActionRunner.execute(() -> c.requestFocusInWindow());
        awaitFocus(c, c.getName());
    }

    /**
     * Posts F2 and then {@code typed} (each character as pressed, typed, released; '\n' as Enter) to the focused
     * component all at once — every event is queued before the first is handled, as a barcode scanner's are.
     */
    static void postF2ThenType(Component to, String typed) {
        GuiActionRunner.execute(() -> {
            java.awt.EventQueue q = java.awt.Toolkit.getDefaultToolkit().getSystemEventQueue();
            long t = System.currentTimeMillis();
            post(q, to, t, java.awt.event.KeyEvent.VK_F2, java.awt.event.KeyEvent.CHAR_UNDEFINED);
            for (char ch : typed.toCharArray()) {
                int code = ch == '\n' ? java.awt.event.KeyEvent.VK_ENTER
                        : java.awt.event.KeyEvent.getExtendedKeyCodeForChar(ch);
                post(q, to, ++t, code, ch);
            }
        });
    }

    private static void post(java.awt.EventQueue q, Component to, long when, int code, char ch) {
        q.postEvent(new java.awt.event.KeyEvent(to, java.awt.event.KeyEvent.KEY_PRESSED, when, 0, code, ch));
        if (ch != java.awt.event.KeyEvent.CHAR_UNDEFINED) {
            q.postEvent(new java.awt.event.KeyEvent(to, java.awt.event.KeyEvent.KEY_TYPED, when, 0,
                    java.awt.event.KeyEvent.VK_UNDEFINED, ch));
        }
        q.postEvent(new java.awt.event.KeyEvent(to, java.awt.event.KeyEvent.KEY_RELEASED, when, 0, code, ch));
    }
}
