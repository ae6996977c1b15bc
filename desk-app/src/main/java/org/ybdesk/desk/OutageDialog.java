package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.OutageService;

/**
 * 停机登记 (issue 13): the outages recorded so far, and a form to record one (负责人, 管理员). Recording extends the
 * time limits of the cases running during it (办结时限顺延); the answer names how many. What is typed stays on
 * every refusal.
 */
final class OutageDialog extends JDialog {
    private final Desk desk;
    private final Actor actor;
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {Texts.t("outage.col.period"),
            Texts.t("outage.col.scope"), Texts.t("outage.col.reason"), Texts.t("outage.col.notice"),
            Texts.t("outage.col.days"), Texts.t("outage.col.by")}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTextField from = new JTextField(14);
    private final JTextField to = new JTextField(14);
    private final JTextField reason = new JTextField(30);
    private final JTextField scope = new JTextField(30);
    private final JTextField notice = new JTextField(20);
    private final JLabel answer = new JLabel(" ");
    private final JButton add = new JButton(Texts.t("outage.add"));

    private OutageDialog(Window owner, Desk desk, Actor actor) {
        super(owner, Texts.t("outage.title"), ModalityType.APPLICATION_MODAL);
        this.desk = desk;
        this.actor = actor;
        setName("outage.dialog");
        JPanel root = new JPanel(new BorderLayout(0, 8));
        root.setBorder(BorderFactory.createEmptyBorder(12, 14, 12, 14));
        JTable table = Tables.setUp(new JTable(model));
        table.setName("outage.table");
        table.setRowHeight(24);
        JScrollPane sp = new JScrollPane(table);
        sp.setPreferredSize(new Dimension(860, 180));
        root.add(sp, BorderLayout.CENTER);

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createTitledBorder(Texts.t("outage.form.title")));
        from.setName("outage.from");
        to.setName("outage.to");
        reason.setName("outage.reason");
        scope.setName("outage.scope");
        notice.setName("outage.notice");
        from.setToolTipText(Texts.t("outage.time.tip"));
        to.setToolTipText(Texts.t("outage.time.tip"));
        row(form, 0, "outage.label.from", from, "outage.label.to", to);
        row(form, 1, "outage.label.reason", reason, "outage.label.notice", notice);
        row(form, 2, "outage.label.scope", scope, null, null);
        answer.setName("outage.answer");
        add.setName("outage.add");
        add.addActionListener(e -> record());
        JButton close = new JButton(Texts.t("outage.close"));
        close.setName("outage.close");
        close.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.add(add);
        buttons.add(close);
        JPanel south = new JPanel(new BorderLayout(0, 6));
        south.add(form, BorderLayout.NORTH);
        south.add(answer, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.SOUTH);
        root.add(south, BorderLayout.SOUTH);
        root.add(new JLabel(Texts.t("outage.intro")), BorderLayout.NORTH);
        setContentPane(root);
        IntakeKeys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, IntakeKeys.ESC, "outage.close", this::dispose);
        pack();
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
        load();
    }

    private static void row(JPanel p, int y, String k1, JComponent c1, String k2, JComponent c2) {
        GridBagConstraints g = new GridBagConstraints();
        g.insets = new Insets(3, 4, 3, 4);
        g.anchor = GridBagConstraints.WEST;
        g.gridy = y;
        g.gridx = 0;
        p.add(new JLabel(Texts.t(k1)), g);
        g.gridx = 1;
        p.add(c1, g);
        if (k2 != null) {
            g.gridx = 2;
            p.add(new JLabel(Texts.t(k2)), g);
            g.gridx = 3;
            p.add(c2, g);
        }
    }

    private void load() {
        Background.run(this, () -> desk.outages().list(), rows -> {
            model.setRowCount(0);
            for (OutageService.OutageView o : rows) {
                model.addRow(new Object[] {o.periodText(), o.scope(), o.reason(),
                        o.noticeRef() == null ? "" : o.noticeRef(), o.days().size(), o.recordedBy()});
            }
        }, e -> show(Problems.reasons(e), true));
    }

    private void record() {
        add.setEnabled(false);
        String f = from.getText();
        String t = to.getText();
        String r = reason.getText();
        String s = scope.getText();
        String n = notice.getText();
        Background.run(this, () -> desk.outages().add(f, t, s, r, n, actor), done -> {
            add.setEnabled(true);
            show(List.of(done.extendedCases().isEmpty() ? Texts.t("outage.recorded.none", done.outage().periodText())
                    : Texts.t("outage.recorded", done.outage().periodText(),
                    String.valueOf(done.extendedCases().size()))), false);
            from.setText("");
            to.setText("");
            reason.setText("");
            scope.setText("");
            notice.setText("");
            load();
        }, e -> {
            add.setEnabled(true);
            show(Problems.reasons(e), true); // everything typed stays
        });
    }

    private void show(List<String> lines, boolean problem) {
        StringBuilder b = new StringBuilder(IntakeKeys.html(820));
        lines.forEach(l -> b.append(Problems.escape(l)).append("<br>"));
        (problem ? StatusStyle.ERROR : StatusStyle.SUCCESS).show(answer, b.append("</div></html>").toString());
    }

    /** Opens the dialog for {@code actor} (a 负责人 or 管理员; the service refuses anyone else). */
    static void open(Component parent, Desk desk, Actor actor) {
        Window owner = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        new OutageDialog(owner, desk, actor).setVisible(true);
    }
}
