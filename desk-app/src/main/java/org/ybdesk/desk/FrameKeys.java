package org.ybdesk.desk;

import java.awt.Component;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * The main window's keys before any component sees them (D184): F2 starts an intake from every screen — a focused
 * table's own F2 (start editing) never gets it — and what is typed right after F2 (a barcode scanner types fast,
 * ending with Enter) waits until the intake's first field has the focus and is then replayed into it, in order.
 */
final class FrameKeys implements KeyEventDispatcher {
    /** How long keys wait for the intake's first field before they are given to whatever has the focus then. */
    static final int WAIT_MS = 3000;

    private final Window window;
    private final Runnable f2;
    private final List<KeyEvent> held = new ArrayList<>();
    private Component target;
    private final Timer giveUp;

    FrameKeys(Window window, Runnable f2) {
        this.window = window;
        this.f2 = f2;
        giveUp = new Timer(WAIT_MS, e -> flush());
        giveUp.setRepeats(false);
    }

    void install() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(this);
    }

    void uninstall() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(this);
        giveUp.stop();
        held.clear();
        target = null;
    }

    /**
     * Keys typed from now on are held until {@code first} has the focus (the caller asks for it), then replayed into
     * it; at once when it already has it.
     */
    void holdUntilFocused(Component first) {
        if (first == null || first.isFocusOwner()) {
            return;
        }
        target = first;
        first.addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                first.removeFocusListener(this);
                if (target == first) {
                    flush();
                }
            }
        });
        giveUp.restart();
    }

    /** Whether keys are being held for the intake's first field (tests). */
    boolean holding() {
        return target != null;
    }

    @Override
    public boolean dispatchKeyEvent(KeyEvent e) {
        Component c = e.getComponent();
        Window w = c == null ? null : c instanceof Window cw ? cw : SwingUtilities.getWindowAncestor(c);
        if (w != window) {
            return false; // a dialog's keys (or another window's) are its own
        }
        if (e.getKeyCode() == KeyEvent.VK_F2 && e.getModifiersEx() == 0) {
            if (e.getID() == KeyEvent.KEY_PRESSED) {
                f2.run();
            }
            return true;
        }
        if (target != null && c != target) {
            held.add(e);
            return true;
        }
        if (target != null) {
            flush(); // the field has the focus before its focus listener ran: the held keys come first
        }
        return false;
    }

    /** Replays the held keys into the first field (or, when it never got the focus, into the focus owner). */
    private void flush() {
        giveUp.stop();
        Component to = target != null && target.isShowing() ? target : null;
        target = null;
        List<KeyEvent> keys = List.copyOf(held);
        held.clear();
        if (to == null) {
            to = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        }
        if (to == null) {
            return;
        }
        for (KeyEvent e : keys) {
            to.dispatchEvent(new KeyEvent(to, e.getID(), e.getWhen(), e.getModifiersEx(), e.getKeyCode(),
                    e.getKeyChar(), e.getKeyLocation()));
        }
    }
}
