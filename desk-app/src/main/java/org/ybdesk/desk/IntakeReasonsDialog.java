package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

/**
 * The reasons told to the applicant once and for all (一次性告知): an editable list, one reason per line, pre-filled
 * with the missing materials and the conditions found unmet; for a refusal every condition of the item can be added
 * with a tick. Ctrl+Enter confirms, Esc cancels.
 */
final class IntakeReasonsDialog extends JDialog {
    private final JTextArea reasons = new JTextArea(8, 50);
    private final JLabel problem = new JLabel(" ");
    private List<String> result;

    private IntakeReasonsDialog(Window owner, String title, String intro, List<String> prefill,
                                List<String> conditions, String okText) {
        super(owner, title, ModalityType.APPLICATION_MODAL);
        setName("intake.reasonsDialog");
        reasons.setName("intake.reasons");
        reasons.setLineWrap(true);
        reasons.setWrapStyleWord(true);
        reasons.setText(String.join("\n", prefill));
        reasons.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        reasons.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        problem.setName("intake.reasons.problem");
        problem.setForeground(UiSetup.OVERDUE);

        JPanel root = new JPanel(new BorderLayout(0, 8));
        root.setBorder(BorderFactory.createEmptyBorder(12, 14, 12, 14));
        JLabel head = new JLabel(IntakeKeys.html(560) + Problems.escape(intro) + "</div></html>");
        root.add(head, BorderLayout.NORTH);
        JPanel center = new JPanel(new BorderLayout(0, 6));
        center.add(new JScrollPane(reasons), BorderLayout.CENTER);
        if (!conditions.isEmpty()) {
            JPanel conds = new JPanel();
            conds.setLayout(new BoxLayout(conds, BoxLayout.Y_AXIS));
            JLabel ct = new JLabel(Texts.t("intake.reasons.conditions"));
            ct.setFont(UiSetup.font(Font.BOLD, 13f));
            conds.add(ct);
            for (int i = 0; i < conditions.size(); i++) {
                String line = Texts.t("intake.reason.condition", conditions.get(i));
                JCheckBox cb = new JCheckBox(IntakeKeys.html(540) + Problems.escape(conditions.get(i))
                        + "</div></html>");
                cb.setName("intake.reasons.condition." + (i + 1));
                cb.setSelected(lines().contains(line));
                cb.addActionListener(e -> toggle(line, cb.isSelected()));
                conds.add(cb);
            }
            center.add(conds, BorderLayout.SOUTH);
        }
        root.add(center, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        south.add(problem, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        JButton ok = new JButton(okText + "  (" + IntakeKeys.text(IntakeKeys.CTRL_ENTER) + ")");
        ok.setName("intake.reasons.ok");
        ok.addActionListener(e -> confirm());
        JButton cancel = new JButton(Texts.t("intake.reasons.cancel") + "  (Esc)");
        cancel.setName("intake.reasons.cancel");
        cancel.addActionListener(e -> dispose());
        buttons.add(cancel);
        buttons.add(ok);
        south.add(buttons, BorderLayout.EAST);
        root.add(south, BorderLayout.SOUTH);
        setContentPane(root);
        IntakeKeys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, IntakeKeys.CTRL_ENTER, "intake.reasons.ok",
                this::confirm);
        IntakeKeys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, IntakeKeys.ESC, "intake.reasons.cancel",
                this::dispose);
        pack();
        setMinimumSize(new Dimension(620, getHeight()));
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
        SwingUtilities.invokeLater(() -> {
            reasons.requestFocusInWindow();
            reasons.setCaretPosition(reasons.getDocument().getLength());
        });
    }

    /**
     * Asks for the reasons; empty when the clerk cancelled. {@code prefill} lines stand in the list at first;
     * {@code conditions} (may be empty) can be ticked to add 「不符合受理条件：…」.
     */
    static Optional<List<String>> ask(Component parent, String title, String intro, List<String> prefill,
                                      List<String> conditions, String okText) {
        Window owner = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        IntakeReasonsDialog d = new IntakeReasonsDialog(owner, title, intro, prefill, conditions, okText);
        d.setVisible(true);
        return Optional.ofNullable(d.result);
    }

    private List<String> lines() {
        return Arrays.stream(reasons.getText().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void toggle(String line, boolean add) {
        List<String> now = new ArrayList<>(lines());
        if (add && !now.contains(line)) {
            now.add(line);
        } else if (!add) {
            now.remove(line);
        }
        reasons.setText(String.join("\n", now));
    }

    private void confirm() {
        List<String> l = lines();
        if (l.isEmpty()) {
            problem.setText(Texts.t("intake.reasons.empty"));
            reasons.putClientProperty("JComponent.outline", "error");
            reasons.requestFocusInWindow();
            return;
        }
        result = l;
        dispose();
    }
}
