package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListCellRenderer;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;

/**
 * Step 1 选择事项: a filter field (the focus stays there) over the 28 items grouped as the rulebook groups them.
 * Typing a number or any part of a name narrows the list; Up/Down move the highlight, Enter picks. Beside the list:
 * case type, time limit, risk level and conditions of the highlighted item.
 */
final class IntakeItemList extends JPanel {
    private static final int INFO_WIDTH = 380;
    private final List<ServiceItem> items;
    private final Consumer<ServiceItem> onPick;
    private final JTextField filter = new JTextField();
    private final DefaultListModel<Object> model = new DefaultListModel<>();
    private final JList<Object> list = new JList<>(model);
    private final JLabel info = new JLabel();
    private final JLabel count = new JLabel(" ");

    IntakeItemList(List<ServiceItem> items, Consumer<ServiceItem> onPick) {
        super(new BorderLayout(12, 8));
        this.items = items;
        this.onPick = onPick;
        setName("intake.itemStep");
        filter.setName("intake.itemFilter");
        filter.putClientProperty("JTextField.placeholderText", Texts.t("intake.item.placeholder"));
        filter.setToolTipText(Texts.t("intake.item.tooltip"));
        filter.setFont(UiSetup.font(Font.PLAIN, 16f));
        list.setName("intake.items");
        list.setFocusable(false);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new Renderer());
        list.addListSelectionListener(e -> {
            if (list.getSelectedValue() instanceof ItemGroup) {
                move(1);
            }
            showInfo();
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    pick();
                }
                filter.requestFocusInWindow();
            }
        });
        info.setName("intake.itemInfo");
        info.setVerticalAlignment(SwingConstants.TOP);
        info.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0xD0D7DE)),
                BorderFactory.createEmptyBorder(10, 12, 10, 12)));
        count.setName("intake.itemCount");
        count.setForeground(Color.GRAY);

        JPanel top = new JPanel(new BorderLayout(8, 0));
        JLabel l = new JLabel(Texts.t("intake.item.label"));
        l.setLabelFor(filter);
        top.add(l, BorderLayout.WEST);
        top.add(filter, BorderLayout.CENTER);
        top.add(count, BorderLayout.EAST);
        JScrollPane infoScroll = new JScrollPane(info);
        infoScroll.setBorder(BorderFactory.createEmptyBorder());
        infoScroll.setPreferredSize(new Dimension(INFO_WIDTH + 40, 200));
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(list), BorderLayout.CENTER);
        add(infoScroll, BorderLayout.EAST);

        IntakeKeys.bind(filter, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0), "intake.down",
                () -> move(1));
        IntakeKeys.bind(filter, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_UP, 0), "intake.up",
                () -> move(-1));
        IntakeKeys.bind(filter, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, 0),
                "intake.pageDown", () -> move(8));
        IntakeKeys.bind(filter, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, 0),
                "intake.pageUp", () -> move(-8));
        IntakeKeys.bind(filter, JComponent.WHEN_FOCUSED, IntakeKeys.ENTER, "intake.pick", this::pick);
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                refilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                refilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                refilter();
            }
        });
        refilter();
    }

    JTextField filter() {
        return filter;
    }

    /** The highlighted item, or null when the filter matches nothing. */
    ServiceItem selected() {
        return list.getSelectedValue() instanceof ServiceItem i ? i : null;
    }

    /** Highlights {@code item} (when the clerk comes back to step 1), clearing a filter that hides it. */
    void select(ServiceItem item) {
        if (item == null) {
            return;
        }
        if (!model.contains(item)) {
            filter.setText("");
        }
        list.setSelectedValue(item, true);
    }

    void pick() {
        ServiceItem i = selected();
        if (i != null) {
            onPick.accept(i);
        }
    }

    /** Whether {@code item} matches what was typed: a number prefix, or a part of its name or group. */
    static boolean matches(ServiceItem item, String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return true;
        }
        if (q.matches("\\d+")) {
            return String.valueOf(item.no()).startsWith(q);
        }
        return item.name().toLowerCase(Locale.ROOT).contains(q) || item.fullName().toLowerCase(Locale.ROOT).contains(q)
                || item.group().label().contains(q);
    }

    private void refilter() {
        String q = filter.getText();
        model.clear();
        ItemGroup group = null;
        ServiceItem exact = null;
        ServiceItem first = null;
        int n = 0;
        for (ServiceItem i : items) {
            if (!matches(i, q)) {
                continue;
            }
            if (i.group() != group) {
                group = i.group();
                model.addElement(group);
            }
            model.addElement(i);
            n++;
            if (first == null) {
                first = i;
            }
            if (q.strip().equals(String.valueOf(i.no()))) {
                exact = i;
            }
        }
        ServiceItem sel = exact != null ? exact : first;
        if (sel != null) {
            list.setSelectedValue(sel, true);
        } else {
            list.clearSelection();
        }
        count.setText(n == 0 ? Texts.t("intake.item.none") : Texts.t("intake.item.count", String.valueOf(n)));
        showInfo();
    }

    /** Moves the highlight by {@code delta} items, skipping group headers. */
    private void move(int delta) {
        int size = model.getSize();
        if (size == 0) {
            return;
        }
        int i = list.getSelectedIndex();
        int step = delta > 0 ? 1 : -1;
        int left = Math.abs(delta);
        int target = i;
        int probe = i;
        while (left > 0) {
            probe += step;
            if (probe < 0 || probe >= size) {
                break;
            }
            if (model.get(probe) instanceof ServiceItem) {
                target = probe;
                left--;
            }
        }
        if (target < 0 || !(model.get(target) instanceof ServiceItem)) {
            for (int k = 0; k < size; k++) {
                if (model.get(k) instanceof ServiceItem) {
                    target = k;
                    break;
                }
            }
        }
        if (target != i) {
            list.setSelectedIndex(target);
            list.ensureIndexIsVisible(target);
            if (step < 0 && target > 0 && model.get(target - 1) instanceof ItemGroup) {
                list.ensureIndexIsVisible(target - 1);
            }
        }
    }

    private void showInfo() {
        ServiceItem i = selected();
        if (i == null) {
            info.setText(html(Texts.t("intake.item.nothing")));
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<b style='font-size:120%'>").append(i.no()).append(' ').append(Problems.escape(i.name()))
                .append("</b><br>");
        if (!i.mainName().equals(i.name())) {
            sb.append(Problems.escape(i.mainName())).append("<br>");
        }
        sb.append("<br>");
        row(sb, "intake.info.group", i.group().label());
        row(sb, "intake.info.applicant", i.applicantKind().label());
        row(sb, "intake.info.caseType", i.caseType().label());
        row(sb, "intake.info.timeLimit", i.timeLimit().text());
        row(sb, "intake.info.risk", i.riskLevel().label());
        row(sb, "intake.info.materials", Texts.t("intake.info.materialCount", String.valueOf(i.materials().size())));
        if (!i.conditions().isEmpty()) {
            sb.append("<br><b>").append(Texts.t("intake.info.conditions")).append("</b><br>");
            for (String c : i.conditions()) {
                sb.append("• ").append(Problems.escape(c)).append("<br>");
            }
        }
        info.setText(html(sb.toString()));
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<b>").append(Texts.t(key)).append("</b>&nbsp;&nbsp;").append(Problems.escape(value)).append("<br>");
    }

    private static String html(String body) {
        return IntakeKeys.html(INFO_WIDTH) + body + "</div></html>";
    }

    /** Group headers in bold on a tinted band; items as number, name and case type. */
    private static final class Renderer implements ListCellRenderer<Object> {
        private final JPanel row = new JPanel(new BorderLayout(8, 0));
        private final JLabel no = new JLabel("", SwingConstants.RIGHT);
        private final JLabel name = new JLabel();
        private final JLabel kind = new JLabel();
        private final JLabel header = new JLabel();

        Renderer() {
            no.setPreferredSize(new Dimension(34, 10));
            row.add(no, BorderLayout.WEST);
            row.add(name, BorderLayout.CENTER);
            row.add(kind, BorderLayout.EAST);
            row.setBorder(BorderFactory.createEmptyBorder(3, 4, 3, 10));
            header.setOpaque(true);
            header.setFont(UiSetup.font(Font.BOLD, 14f));
            header.setBackground(new Color(0xEEF1F5));
            header.setForeground(new Color(0x44505C));
            header.setBorder(BorderFactory.createEmptyBorder(5, 8, 3, 8));
        }

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                      boolean focused) {
            if (value instanceof ItemGroup g) {
                header.setText(g.label());
                return header;
            }
            ServiceItem i = (ServiceItem) value;
            no.setText(String.valueOf(i.no()));
            name.setText(i.name());
            kind.setText(i.caseType().label() + " · " + i.riskLevel().label());
            Color bg = selected ? UIManager.getColor("List.selectionBackground") : list.getBackground();
            Color fg = selected ? UIManager.getColor("List.selectionForeground") : list.getForeground();
            row.setBackground(bg);
            no.setForeground(fg);
            name.setForeground(fg);
            kind.setForeground(selected ? fg : Color.GRAY);
            return row;
        }
    }
}
