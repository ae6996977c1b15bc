package org.ybdesk.desk;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.ListCellRenderer;
import javax.swing.text.DefaultEditorKit;

/**
 * Keyboard helpers of the intake wizard: Enter moves to the next field (and on the last one runs the step's next
 * action), choice boxes pick their n-th option with the digit key n, text areas take Shift+Enter for a new line.
 */
final class IntakeKeys {
    static final KeyStroke ENTER = KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0);
    static final KeyStroke SHIFT_ENTER = KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK);
    static final KeyStroke CTRL_ENTER = KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK);
    static final KeyStroke CTRL_SHIFT_R = KeyStroke.getKeyStroke(KeyEvent.VK_R,
            InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
    static final KeyStroke ESC = KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0);
    private static final String NEXT = "intake.enterNext";

    private IntakeKeys() {
    }

    /** Binds {@code ks} on {@code c} (for the given input-map condition) to {@code r}. */
    static void bind(JComponent c, int condition, KeyStroke ks, String name, Runnable r) {
        c.getInputMap(condition).put(ks, name);
        c.getActionMap().put(name, new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    /** The shortcut as shown in tooltips and on buttons: Ctrl+Enter. */
    static String text(KeyStroke ks) {
        return MainFrame.keyText(ks);
    }

    /**
     * Enter in each of {@code fields} moves the focus to the next one that can take it; Enter in the last runs
     * {@code onLast}. In an open choice list Enter only takes the highlighted option.
     */
    static void chain(List<? extends JComponent> fields, Runnable onLast) {
        for (int i = 0; i < fields.size(); i++) {
            JComponent c = fields.get(i);
            int index = i;
            bind(c, JComponent.WHEN_FOCUSED, ENTER, NEXT, () -> {
                if (c instanceof JComboBox<?> cb && cb.isPopupVisible()) {
                    cb.setPopupVisible(false);
                    return;
                }
                for (int j = index + 1; j < fields.size(); j++) {
                    JComponent n = fields.get(j);
                    if (n.isShowing() && n.isEnabled() && n.isFocusable()) {
                        focus(n);
                        return;
                    }
                }
                onLast.run();
            });
        }
    }

    /**
     * Moves the focus to {@code c}. A one-line field that already holds a value (pre-filled, or typed earlier) gets
     * the caret at its end, nothing selected: a key typed next — a scanner's — adds to it and never wipes it (D184).
     */
    static void focus(Component c) {
        if (c == null) {
            return;
        }
        c.requestFocusInWindow();
        if (c instanceof javax.swing.JTextField t) {
            t.select(t.getText().length(), t.getText().length());
        }
    }

    /**
     * The start of an HTML text that wraps at {@code px} screen pixels (Swing's CSS counts one px as 1.3 screen
     * pixels); close with {@code </div></html>}.
     */
    static String html(int px) {
        return "<html><div style='width:" + Math.round(px / 1.3) + "px'>";
    }

    /** Scrolls {@code target} (e.g. a field's cell) into view whenever {@code c} gets the focus. */
    static void scrollOnFocus(JComponent c, JComponent target) {
        c.addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                target.scrollRectToVisible(new Rectangle(0, 0, target.getWidth(), target.getHeight()));
            }
        });
    }

    /** A text area of a form: Tab leaves it, Shift+Enter starts a new line (Enter is for the next field). */
    static void formTextArea(JTextArea a) {
        a.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        a.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        a.getInputMap(JComponent.WHEN_FOCUSED).put(SHIFT_ENTER, DefaultEditorKit.insertBreakAction);
    }

    /**
     * A choice box over {@code labels}: nothing chosen at first; the digit key n picks the n-th option (the open
     * list shows the numbers), Up/Down step through them. Once an option is chosen (by the clerk or pre-filled), a
     * digit changes it only while the list is open, so digits typed into the wrong field never change it (D184).
     */
    @SuppressWarnings("unchecked")
    static JComboBox<String> choiceBox(List<String> labels) {
        JComboBox<String> cb = new JComboBox<>(labels.toArray(String[]::new));
        cb.setSelectedIndex(-1);
        cb.setMaximumRowCount(Math.min(14, labels.size()));
        cb.setKeySelectionManager((key, model) -> {
            if (cb.getSelectedIndex() >= 0 && !cb.isPopupVisible()) {
                return -1; // a chosen value is kept: open the list (Alt+Down or Space) to change it by number
            }
            if (key >= '1' && key <= '9') {
                int i = key - '1';
                return i < model.getSize() ? i : -1;
            }
            return -1;
        });
        ListCellRenderer<Object> base = (ListCellRenderer<Object>) (ListCellRenderer<?>) cb.getRenderer();
        cb.setRenderer((list, value, index, selected, focused) -> base.getListCellRendererComponent(
                (JList<Object>) (JList<?>) list, value != null && index >= 0 && index < 9 ? (index + 1) + "  " + value
                        : value, index, selected, focused));
        cb.setToolTipText(Texts.t("intake.choice.tooltip", String.valueOf(Math.min(9, labels.size()))));
        return cb;
    }
}
