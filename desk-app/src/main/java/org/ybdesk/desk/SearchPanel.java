package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.service.SearchService.Query;

/**
 * Search by case number, ID number, name or pinyin initials (zs finds 张三), with filters for item, status and the
 * date of application; runs off the event thread.
 */
final class SearchPanel extends JPanel implements MainFrame.Refreshable {
    private final MainFrame frame;
    private final JTextField text = new JTextField(24);
    private final JComboBox<Object> item = new JComboBox<>();
    private final JComboBox<Object> state = new JComboBox<>();
    private final JTextField from = new JTextField(10);
    private final JTextField to = new JTextField(10);
    private final JLabel summary = new JLabel(" ");
    private final CaseTable table;

    SearchPanel(MainFrame frame) {
        super(new BorderLayout(0, 6));
        this.frame = frame;
        setName("searchPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        text.setName("search.text");
        item.setName("search.item");
        state.setName("search.state");
        from.setName("search.from");
        to.setName("search.to");
        summary.setName("search.summary");
        from.putClientProperty("JTextField.placeholderText", "2026-01-01");
        to.putClientProperty("JTextField.placeholderText", "2026-12-31");
        item.setModel(Choice.items(frame.session().desk().catalog().items()));
        state.setModel(Choice.states());
        item.setPrototypeDisplayValue("M".repeat(18));
        JPanel row1 = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        row1.add(new JLabel(Texts.t("search.text")));
        row1.add(text);
        JButton go = new JButton(Texts.t("search.go"));
        go.setName("search.go");
        go.addActionListener(e -> refresh());
        text.addActionListener(e -> refresh());
        row1.add(go);
        JPanel row2 = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        row2.add(new JLabel(Texts.t("search.item")));
        row2.add(item);
        row2.add(new JLabel(Texts.t("search.state")));
        row2.add(state);
        row2.add(new JLabel(Texts.t("search.dates")));
        row2.add(from);
        row2.add(new JLabel("\u2014"));
        row2.add(to);
        JPanel filters = new JPanel(new java.awt.GridLayout(2, 1));
        filters.add(row1);
        filters.add(row2);
        table = new CaseTable("search.results", frame::openCase);
        row1.add(table.batchPrintButton("search.batchPrint", frame.session())); // issue 14
        add(filters, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        add(summary, BorderLayout.SOUTH);
    }

    /** A value shown by its label in a combo box. */
    record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }

        /** 不限, then every item of the catalog as 「1 名称」 (the item filters of 查询 and 报表). */
        static DefaultComboBoxModel<Object> items(List<ServiceItem> items) {
            DefaultComboBoxModel<Object> m = new DefaultComboBoxModel<>();
            m.addElement(Texts.t("search.any"));
            items.forEach(i -> m.addElement(new Choice<>(i.no(), i.no() + " " + i.name())));
            return m;
        }

        /** 不限, then every case state (the state filters of 查询 and 报表). */
        static DefaultComboBoxModel<Object> states() {
            DefaultComboBoxModel<Object> m = new DefaultComboBoxModel<>();
            m.addElement(Texts.t("search.any"));
            Arrays.stream(CaseState.values()).forEach(s -> m.addElement(new Choice<>(s, s.label())));
            return m;
        }

        /** The value chosen in {@code box}, or null while it shows 不限. */
        static <T> T chosen(JComboBox<?> box, Class<T> type) {
            return box.getSelectedItem() instanceof Choice<?> c ? type.cast(c.value()) : null;
        }
    }

    void search(String t) {
        text.setText(t);
        refresh();
    }

    @Override
    public void refresh() {
        LocalDate f = from.getText().isBlank() ? null : IntakeCheck.parseDate(from.getText()).orElse(null);
        LocalDate tt = to.getText().isBlank() ? null : IntakeCheck.parseDate(to.getText()).orElse(null);
        if ((!from.getText().isBlank() && f == null) || (!to.getText().isBlank() && tt == null)) {
            summary.setText(Texts.t("search.badDate"));
            return;
        }
        Integer itemNo = Choice.chosen(item, Integer.class);
        CaseState st = Choice.chosen(state, CaseState.class);
        Query q = new Query(text.getText(), itemNo, st, f, tt, 500);
        long start = System.nanoTime();
        Background.run(this, () -> frame.session().desk().search().search(q), found -> {
            table.setCases(found);
            summary.setText(Texts.t("search.summary", String.valueOf(found.size()),
                    String.valueOf((System.nanoTime() - start) / 1_000_000)));
            if (!found.isEmpty()) {
                table.requestFocusInWindow();
            }
        });
    }
}
