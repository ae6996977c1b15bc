package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

/**
 * The warnings of an application (D97) the clerk must confirm before it is recorded: 确认无误 records it (the
 * warnings go to the case's timeline), 返回修改 (the default, also Esc) goes back with everything typed kept.
 */
final class WarningsDialog extends JDialog {
    private boolean confirmed;

    private WarningsDialog(Window owner, List<String> warnings) {
        super(owner, Texts.t("intake.warnings.title"), ModalityType.APPLICATION_MODAL);
        setName("intake.warningsDialog");
        JPanel root = new JPanel(new BorderLayout(0, 8));
        root.setBorder(BorderFactory.createEmptyBorder(12, 14, 12, 14));
        root.add(new JLabel(IntakeKeys.html(600) + Problems.escape(Texts.t("intake.warnings.intro",
                String.valueOf(warnings.size()))) + "</div></html>"), BorderLayout.NORTH);
        DefaultListModel<String> model = new DefaultListModel<>();
        warnings.forEach(model::addElement);
        JList<String> list = new JList<>(model);
        list.setName("intake.warnings.list");
        list.setCellRenderer((l, value, index, selected, focused) -> {
            JLabel c = new JLabel(IntakeKeys.html(600) + "• " + Problems.escape(value) + "</div></html>");
            c.setBorder(BorderFactory.createEmptyBorder(3, 4, 3, 4));
            return c;
        });
        list.setBackground(UiSetup.NEAR_BG);
        root.add(new JScrollPane(list), BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        JButton back = new JButton(Texts.t("intake.warnings.back") + "  (Esc)");
        back.setName("intake.warnings.back");
        back.addActionListener(e -> dispose());
        JButton ok = new JButton(Texts.t("intake.warnings.confirm"));
        ok.setName("intake.warnings.confirm");
        ok.addActionListener(e -> {
            confirmed = true;
            dispose();
        });
        buttons.add(back);
        buttons.add(ok);
        root.add(buttons, BorderLayout.SOUTH);
        setContentPane(root);
        IntakeKeys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, IntakeKeys.ESC, "intake.warnings.back",
                this::dispose);
        getRootPane().setDefaultButton(back);
        pack();
        setMinimumSize(new Dimension(680, Math.min(getHeight(), 520)));
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
        SwingUtilities.invokeLater(back::requestFocusInWindow);
    }

    /** Shows the warnings; true when the clerk confirmed them (确认无误). */
    static boolean confirm(Component parent, List<String> warnings) {
        Window owner = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        WarningsDialog d = new WarningsDialog(owner, warnings);
        d.setVisible(true);
        return d.confirmed;
    }
}
