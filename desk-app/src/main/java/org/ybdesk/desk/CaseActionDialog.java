package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.money.Money;

/**
 * Asks what a step carries before it is taken: the reasons told to the applicant (one per line), the amount in yuan
 * for 支付/划转, and a confirmation for steps that cannot be undone. Problems are listed inside the dialog and the
 * typed text stays, so nothing is lost when the desk refuses the step and the dialog opens again.
 */
final class CaseActionDialog extends JDialog {
    /** What the person typed, kept between attempts. */
    record Draft(String reasons, String amount) {
        static final Draft EMPTY = new Draft("", "");
    }

    /**
     * The accepted input: reasons (for actions that need them), the amount typed (null where the step pays the
     * confirmed amount), whether an amount above the large-amount line was explicitly confirmed, and the raw text.
     */
    record Result(List<String> reasons, Money amount, Draft draft, boolean confirmLarge) {
    }

    /** What the dialog asks about money: nothing, an amount to type, or the decided amount shown read-only. */
    enum Amount {
        NONE, ENTER, SHOW
    }

    private final boolean askReasons;
    private final boolean askAmount;
    private final Money largeThreshold;
    private final String label;
    private final JTextArea reasons = new JTextArea(6, 44);
    private final JTextField amount = new JTextField(14);
    private final JLabel error = new JLabel(" ");
    private Result result;

    /**
     * @param label    the action's label in this case's flow (e.g. 拨付 for settlements)
     * @param problems what went wrong last time (shown at once), or an empty list
     */
    CaseActionDialog(Window owner, String caseNo, CaseAction action, String label, Draft draft, List<String> problems) {
        this(owner, caseNo, action, label, draft, problems,
                action == CaseAction.PAY || action == CaseAction.MOVE_BALANCE ? Amount.ENTER : Amount.NONE, null, null);
    }

    /**
     * @param amountMode     whether the amount is typed (审核/复核/划转) or shown (支付 of the confirmed amount)
     * @param reference      the amount shown: the confirmed amount for 支付, the review amount beside 复核's field
     * @param largeThreshold above it the typed amount is confirmed in a second dialog; null for none
     */
    CaseActionDialog(Window owner, String caseNo, CaseAction action, String label, Draft draft, List<String> problems,
                     Amount amountMode, Money reference, Money largeThreshold) {
        super(owner, Texts.t("case.dialog.title", label, caseNo), ModalityType.APPLICATION_MODAL);
        setName("case.dialog");
        this.askReasons = action.needsReasons();
        this.askAmount = amountMode == Amount.ENTER;
        this.largeThreshold = largeThreshold;
        this.label = label;
        boolean irreversible = CasePanel.IRREVERSIBLE.contains(action);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                cancel();
            }
        });

        JPanel body = new JPanel(new GridBagLayout());
        body.setBorder(BorderFactory.createEmptyBorder(14, 16, 8, 16));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(0, 0, 8, 0);
        if (askReasons) {
            body.add(wrapLabel(Texts.t("case.reasons.prompt", label)), c);
            c.gridy++;
            reasons.setName("case.reasons");
            reasons.setLineWrap(true);
            reasons.setWrapStyleWord(false);
            reasons.setText(draft.reasons());
            reasons.setToolTipText(Texts.t("case.reasons.tooltip"));
            // Tab leaves the text area instead of typing a tab; Ctrl+Enter confirms
            reasons.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
            reasons.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
            reasons.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK), "ok");
            reasons.getActionMap().put("ok", new AbstractAction() {
                @Override
                public void actionPerformed(ActionEvent e) {
                    ok();
                }
            });
            JScrollPane sp = new JScrollPane(reasons);
            sp.setPreferredSize(new Dimension(520, 150));
            c.fill = GridBagConstraints.BOTH;
            c.weighty = 1;
            body.add(sp, c);
            c.fill = GridBagConstraints.HORIZONTAL;
            c.weighty = 0;
            c.gridy++;
        }
        if (askAmount) {
            body.add(wrapLabel(Texts.t("case.amount.prompt", label)), c);
            c.gridy++;
            JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
            amount.setName("case.amount");
            amount.setText(draft.amount());
            amount.putClientProperty("JTextField.placeholderText", Texts.t("case.amount.placeholder"));
            amount.addActionListener(e -> ok());
            JLabel l = new JLabel(Texts.t("case.amount.label"));
            l.setLabelFor(amount);
            row.add(l);
            row.add(amount);
            row.add(new JLabel(Texts.t("case.amount.unit")));
            body.add(row, c);
            c.gridy++;
            if (reference != null) {
                JLabel ref = wrapLabel(Texts.t("case.amount.reviewed", reference.toYuanString()));
                ref.setName("case.amount.reference");
                body.add(ref, c);
                c.gridy++;
            }
        }
        if (amountMode == Amount.SHOW && reference != null) {
            body.add(wrapLabel(Texts.t("case.amount.pays", label)), c);
            c.gridy++;
            JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
            JTextField shown = new JTextField(reference.toYuanString(), 14);
            shown.setName("case.amount.confirmed");
            shown.setEditable(false);
            shown.setFocusable(false);
            JLabel l = new JLabel(Texts.t("case.amount.confirmedLabel"));
            l.setLabelFor(shown);
            row.add(l);
            row.add(shown);
            row.add(new JLabel(Texts.t("case.amount.unit")));
            body.add(row, c);
            c.gridy++;
        }
        if (irreversible) {
            JLabel warn = wrapLabel(Texts.t("case.confirm.irreversible", label));
            warn.setName("case.confirm.warning");
            warn.setForeground(UiSetup.OVERDUE);
            warn.setFont(warn.getFont().deriveFont(Font.BOLD));
            body.add(warn, c);
            c.gridy++;
        }
        error.setName("case.dialog.error");
        error.setForeground(UiSetup.OVERDUE);
        body.add(error, c);
        showProblems(problems);

        JButton okButton = new JButton(Texts.t("case.dialog.ok", label));
        okButton.setName(askReasons ? "case.reasons.ok" : askAmount ? "case.amount.ok" : "case.confirm.ok");
        okButton.setToolTipText(Texts.t("case.dialog.ok.tooltip"));
        okButton.addActionListener(e -> ok());
        JButton cancelButton = new JButton(Texts.t("case.dialog.cancel"));
        cancelButton.setName("case.dialog.cancel");
        cancelButton.addActionListener(e -> cancel());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 8));
        buttons.add(okButton);
        buttons.add(cancelButton);

        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "cancel");
        getRootPane().getActionMap().put("cancel", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                cancel();
            }
        });
        if (!askReasons) {
            getRootPane().setDefaultButton(okButton);
        }
        getContentPane().setLayout(new BorderLayout());
        getContentPane().add(body, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        pack();
        setMinimumSize(new Dimension(Math.max(getWidth(), 560), getHeight()));
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
        if (askReasons) {
            reasons.requestFocusInWindow();
        } else if (askAmount) {
            amount.requestFocusInWindow();
        } else {
            okButton.requestFocusInWindow();
        }
    }

    private static JLabel wrapLabel(String text) {
        return new JLabel("<html><div style='width:460px'>" + Problems.escape(text) + "</div></html>");
    }

    private void showProblems(List<String> problems) {
        if (problems == null || problems.isEmpty()) {
            error.setText(" ");
            return;
        }
        StringBuilder sb = new StringBuilder("<html><div style='width:460px'>");
        for (String p : problems) {
            sb.append("• ").append(Problems.escape(p)).append("<br>");
        }
        error.setText(sb.append("</div></html>").toString());
        pack();
        WindowSizes.fit(this);
    }

    /** Shows the dialog and waits; empty when the person cancelled. */
    Optional<Result> ask() {
        setVisible(true);
        return Optional.ofNullable(result);
    }

    /** The reasons typed, one per non-blank line. */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void ok() {
        List<String> problems = new ArrayList<>();
        List<String> r = List.of();
        Money m = null;
        if (askReasons) {
            r = lines(reasons.getText());
            if (r.isEmpty()) {
                problems.add(Texts.t("case.reasons.empty"));
            }
        }
        if (askAmount) {
            String text = amount.getText().trim();
            if (text.isEmpty()) {
                problems.add(Texts.t("case.amount.missing"));
            } else {
                Optional<Money> parsed = Money.parseYuan(text);
                if (parsed.isEmpty()) {
                    problems.add(Texts.t("case.amount.invalid", text));
                } else if (parsed.get().fen() <= 0) {
                    problems.add(Texts.t("case.amount.positive", text));
                } else {
                    m = parsed.get();
                }
            }
        }
        if (!problems.isEmpty()) {
            showProblems(problems);
            (askAmount && m == null ? amount : reasons).requestFocusInWindow();
            return;
        }
        boolean large = m != null && largeThreshold != null && m.compareTo(largeThreshold) > 0;
        if (large && !confirmLarge(m)) {
            amount.requestFocusInWindow();
            return;
        }
        result = new Result(r, m, draft(), large);
        dispose();
    }

    /** The explicit confirmation of an amount above the desk's large-amount line (D87). */
    private boolean confirmLarge(Money m) {
        JOptionPane pane = new JOptionPane(Texts.t("case.amount.large", label, m.toYuanString(),
                largeThreshold.toYuanString()), JOptionPane.WARNING_MESSAGE, JOptionPane.OK_CANCEL_OPTION);
        JDialog d = pane.createDialog(this, Texts.t("case.amount.large.title"));
        d.setName("case.amount.large");
        d.setVisible(true);
        return Integer.valueOf(JOptionPane.OK_OPTION).equals(pane.getValue());
    }

    private Draft draft() {
        return new Draft(reasons.getText(), amount.getText());
    }

    private void cancel() {
        boolean typed = !reasons.getText().isBlank() || !amount.getText().isBlank();
        if (typed && JOptionPane.showConfirmDialog(this, Texts.t("case.dialog.discard"), getTitle(),
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE) != JOptionPane.OK_OPTION) {
            return;
        }
        result = null;
        dispose();
    }
}
