package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
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
import javax.swing.KeyStroke;
import javax.swing.table.DefaultTableModel;
import org.ybdesk.service.LookupService.Institution;
import org.ybdesk.service.ServiceException;

/**
 * 查询 → 定点医药机构 (issue 13): the designated hospitals and pharmacies of the list the desk pulled from the
 * province, by name, pinyin initials or code, narrowed by level and type. Read off the event thread.
 */
final class InstitutionLookupDialog extends JDialog {
    private static final String[] COLUMNS = {"lookup.col.code", "lookup.col.name", "lookup.col.level",
        "lookup.col.type", "lookup.col.division", "lookup.col.address", "lookup.col.phone"};

    private final Session session;
    private final JTextField query = new JTextField(18);
    private final JTextField level = new JTextField(8);
    private final JTextField type = new JTextField(8);
    private final DefaultTableModel model;
    private final JTable table;
    private final JLabel message = new JLabel(" ");

    InstitutionLookupDialog(Window owner, Session session) {
        super(owner, Texts.t("lookup.title"), ModalityType.MODELESS);
        this.session = session;
        setName("lookup.dialog");
        query.setName("lookup.query");
        level.setName("lookup.level");
        type.setName("lookup.type");
        message.setName("lookup.message");
        String[] headers = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            headers[i] = Texts.t(COLUMNS[i]);
        }
        model = new DefaultTableModel(headers, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        table = Tables.setUp(new JTable(model));
        table.setName("lookup.results");
        table.setAutoCreateRowSorter(true);
        JButton search = new JButton(Texts.t("lookup.search"));
        search.setName("lookup.search");
        search.addActionListener(e -> search());
        JButton close = new JButton(Texts.t("lookup.close"));
        close.setName("lookup.close");
        close.addActionListener(e -> dispose());
        query.addActionListener(e -> search());
        level.addActionListener(e -> search());
        type.addActionListener(e -> search());
        getRootPane().setDefaultButton(search);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        JPanel form = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        form.add(new JLabel(Texts.t("lookup.query")));
        form.add(query);
        form.add(new JLabel(Texts.t("lookup.level")));
        form.add(level);
        form.add(new JLabel(Texts.t("lookup.type")));
        form.add(type);
        form.add(search);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(message, BorderLayout.CENTER);
        bottom.add(close, BorderLayout.EAST);
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        p.add(form, BorderLayout.NORTH);
        JScrollPane sp = new JScrollPane(table);
        sp.setPreferredSize(new Dimension(900, 360));
        p.add(sp, BorderLayout.CENTER);
        p.add(bottom, BorderLayout.SOUTH);
        setContentPane(p);
        pack();
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
    }

    /** Runs the look-up with what is typed; an empty query lists all (up to 50). Nothing typed is lost. */
    void search() {
        String q = query.getText();
        String lv = level.getText();
        String ty = type.getText();
        Background.run(this, () -> session.desk().lookups().institutions(q, lv, ty), this::show, e -> {
            model.setRowCount(0);
            message.setText(e instanceof ServiceException ? e.getMessage() : Texts.t("lookup.none"));
        });
    }

    private void show(List<Institution> found) {
        model.setRowCount(0);
        for (Institution i : found) {
            model.addRow(new Object[] {i.code(), i.name(), i.level(), i.type(), i.division(), i.address(), i.phone()});
        }
        message.setText(found.isEmpty() ? Texts.t("lookup.none") : Texts.t("lookup.count", String.valueOf(found.size())));
    }
}
