package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSeparator;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;
import javax.swing.text.JTextComponent;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.money.Money;
import org.ybdesk.forms.InputSpec;
import org.ybdesk.forms.IntakeField;
import org.ybdesk.forms.IntakeForm;
import org.ybdesk.forms.IntakeGroup;
import org.ybdesk.forms.Widget;

/**
 * Step 3 填写信息: the item's intake form generated from its spec in {@code forms}, on a 12-column grid by the
 * fields' width hints; a text field, a choice box (digit keys pick), a date field (2026-01-31, 20260131 or
 * 2026年1月31日) or a text area per field. Checked with the core rules: every problem at once, beside its field
 * (text, tooltip, red outline) and in the wizard's summary. Settlements (27/28) add 申报金额 and 对账金额.
 */
final class IntakeFormView {
    /** Pixels per grid column the layout aims at (the grid stretches to the width available). */
    static final int UNIT = 78;
    private static final Color PROBLEM = new Color(0xB3261E);
    private static final Messages CATALOG = Messages.bundle("org.ybdesk.core.catalog.messages");

    /** One input of the form with its label and its problem line. */
    private record FieldUi(String key, String fullLabel, FieldType type, IntakeField spec, JComponent input,
                           JComponent outlined, JLabel problem, String tooltip) {
    }

    private final ServiceItem item;
    private final IntakeForm form;
    private final JPanel grid = new ScrollablePanel(new GridBagLayout(), true);
    private final JScrollPane scroll = new JScrollPane(grid);
    private final Map<String, FieldUi> fields = new LinkedHashMap<>();
    private final List<JComponent> order = new ArrayList<>();
    private final Map<String, String> prefilled = new HashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final Consumer<List<String>> onProblems;
    /** The desk's day (its Clock): what a birth date may not be after. */
    private final java.util.function.Supplier<java.time.LocalDate> today;
    private JTextField declared;
    private JTextField reconciled;
    private boolean checkedAll;
    private int row;
    private int column;

    IntakeFormView(ServiceItem item, Map<String, String> carried, Runnable onLast, Consumer<List<String>> onProblems,
                   java.util.function.Supplier<java.time.LocalDate> today) {
        this.item = item;
        this.today = today;
        this.form = IntakeForm.of(item);
        this.onProblems = onProblems;
        grid.setName("intake.form");
        grid.setLayout(new GridBagLayout());
        grid.setBorder(BorderFactory.createEmptyBorder(4, 4, 12, 12));
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        GridBagConstraints g = new GridBagConstraints();
        for (int c = 0; c < IntakeForm.GRID_COLUMNS; c++) {
            g.gridx = c;
            g.gridy = 0;
            g.weightx = 1;
            g.fill = GridBagConstraints.HORIZONTAL;
            grid.add(Box.createHorizontalStrut(UNIT - 12), g);
        }
        row = 1;
        for (IntakeGroup group : form.groups()) {
            if (group.composite()) {
                title(group.label());
            }
            for (IntakeField f : group.fields()) {
                add(f);
            }
        }
        if (item.flow() == FlowVariant.SETTLEMENT) {
            title(Texts.t("intake.settlement.title"));
            declared = moneyField("intake.declared", "intake.settlement.declared");
            reconciled = moneyField("intake.reconciled", "intake.settlement.reconciled");
        }
        g = new GridBagConstraints();
        g.gridy = row + 1;
        g.gridx = 0;
        g.weighty = 1;
        grid.add(Box.createVerticalStrut(1), g);
        carried.forEach((k, v) -> {
            if (fields.containsKey(k) && v != null && !v.isBlank()) {
                set(k, v);
            }
        });
        IntakeKeys.chain(order, onLast);
    }

    JComponent component() {
        return scroll;
    }

    ServiceItem item() {
        return item;
    }

    // ============================================================================================ building

    private void title(String text) {
        newRow();
        JLabel t = new JLabel(text);
        t.setFont(UiSetup.font(Font.BOLD, 14f));
        t.setForeground(new Color(0x44505C));
        JPanel p = new JPanel(new BorderLayout(8, 0));
        p.add(t, BorderLayout.WEST);
        JSeparator s = new JSeparator();
        JPanel sp = new JPanel(new java.awt.GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        sp.add(s, c);
        p.add(sp, BorderLayout.CENTER);
        GridBagConstraints g = new GridBagConstraints();
        g.gridx = 0;
        g.gridy = row;
        g.gridwidth = IntakeForm.GRID_COLUMNS;
        g.fill = GridBagConstraints.HORIZONTAL;
        g.insets = new Insets(10, 6, 2, 6);
        grid.add(p, g);
        row++;
    }

    private void newRow() {
        if (column > 0) {
            row++;
            column = 0;
        }
    }

    private void add(IntakeField f) {
        JComponent input;
        JComponent focus;
        JComponent outlined;
        String tooltip = f.hint();
        switch (f.type() == FieldType.CHOICE || f.type() == FieldType.BOOLEAN ? Widget.COMBO : f.widget()) {
            case COMBO, RADIO -> {
                JComboBox<String> cb = IntakeKeys.choiceBox(f.codeTable().labels());
                cb.addActionListener(e -> changed(f.key()));
                String keys = cb.getToolTipText();
                tooltip = tooltip == null ? keys : tooltip + " — " + keys;
                input = cb;
                focus = cb;
                outlined = cb;
            }
            case TEXT_AREA -> {
                JTextArea a = new JTextArea(3, 20);
                a.setLineWrap(true);
                a.setWrapStyleWord(true);
                IntakeKeys.formTextArea(a);
                limit(a, f.input());
                JScrollPane sp = new JScrollPane(a);
                sp.setVerticalScrollBarPolicy(JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED);
                tooltip = tooltip == null ? Texts.t("intake.textArea.tooltip")
                        : tooltip + " — " + Texts.t("intake.textArea.tooltip");
                input = sp;
                focus = a;
                outlined = sp;
            }
            default -> {
                JTextField t = new JTextField();
                limit(t, f.input());
                if (f.type() == FieldType.DATE) {
                    t.putClientProperty("JTextField.placeholderText", Texts.t("intake.date.placeholder"));
                    tooltip = tooltip == null ? Texts.t("intake.date.tooltip")
                            : tooltip + " — " + Texts.t("intake.date.tooltip");
                } else if (f.hint() != null) {
                    t.putClientProperty("JTextField.placeholderText", f.hint());
                }
                // issue 13: a 就医地 is chosen by name or pinyin, the code filled in; issue 15 (D183): every
                // admin-division field (参保地, 转入/转出地, a unit's division …) the same way
                input = "treatmentPlace".equals(f.key()) || f.type() == FieldType.ADMIN_DIVISION
                        ? PlaceChooser.wrap(t, f.key(), f.label()) : t;
                focus = t;
                outlined = t;
            }
        }
        focus.setName("intake.field." + f.key());
        focus.setToolTipText(tooltip);
        JLabel problem = new JLabel(" ");
        problem.setName("intake.problem." + f.key());
        problem.setForeground(PROBLEM);
        problem.setFont(UiSetup.font(Font.PLAIN, 12f));
        FieldUi ui = new FieldUi(f.key(), f.fullLabel(), f.type(), f, input, outlined, problem, tooltip);
        fields.put(f.key(), ui);
        order.add(focus);
        placeCell(f.label() + (f.required() ? " *" : ""), f.width(), input, problem, focus);
        focus.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                if (f.type() == FieldType.DATE && focus instanceof JTextField t) {
                    IntakeCheck.parseDate(t.getText()).ifPresent(d -> t.setText(d.toString()));
                }
                if (!value(ui).isBlank()) {
                    touched.add(f.key());
                }
                refresh();
            }
        });
    }

    private JTextField moneyField(String name, String labelKey) {
        JTextField t = new JTextField();
        t.setName(name);
        limit(t, new InputSpec(16, null, "[0-9.,]", false));
        t.putClientProperty("JTextField.placeholderText", Texts.t("intake.settlement.placeholder"));
        t.setToolTipText(Texts.t("intake.settlement.tooltip"));
        t.setHorizontalAlignment(SwingConstants.RIGHT);
        JLabel problem = new JLabel(" ");
        problem.setName("intake.problem." + name.substring("intake.".length()));
        problem.setForeground(PROBLEM);
        problem.setFont(UiSetup.font(Font.PLAIN, 12f));
        FieldUi ui = new FieldUi(name, Texts.t(labelKey), FieldType.MONEY, null, t, t, problem,
                Texts.t("intake.settlement.tooltip"));
        fields.put(name, ui);
        order.add(t);
        placeCell(Texts.t(labelKey) + " *", 3, t, problem, t);
        t.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                if (!t.getText().isBlank()) {
                    touched.add(name);
                }
                refresh();
            }
        });
        return t;
    }

    /** A cell of {@code width} columns: label above the input, the problem line below (always reserved). */
    private void placeCell(String label, int width, JComponent input, JLabel problem, JComponent focus) {
        int w = Math.max(1, Math.min(IntakeForm.GRID_COLUMNS, width));
        if (column + w == IntakeForm.GRID_COLUMNS + 1 && w >= 4) {
            w--; // a phone or a choice gives up one column rather than start a row of its own
        }
        if (column + w > IntakeForm.GRID_COLUMNS) {
            row++;
            column = 0;
        }
        JPanel cell = new JPanel(new BorderLayout(0, 2));
        int px = w * UNIT - 12;
        JLabel l = new JLabel(IntakeKeys.html(px - 4) + Problems.escape(label) + "</div></html>");
        l.setLabelFor(focus);
        cell.add(l, BorderLayout.NORTH);
        cell.add(input, BorderLayout.CENTER);
        cell.add(problem, BorderLayout.SOUTH);
        Dimension pref = cell.getPreferredSize();
        cell.setPreferredSize(new Dimension(px, pref.height));
        cell.setMinimumSize(new Dimension(Math.min(px, 60), pref.height));
        problem.setPreferredSize(new Dimension(px, problem.getPreferredSize().height));
        GridBagConstraints g = new GridBagConstraints();
        g.gridx = column;
        g.gridy = row;
        g.gridwidth = w;
        g.fill = GridBagConstraints.HORIZONTAL;
        g.anchor = GridBagConstraints.SOUTH;
        g.insets = new Insets(4, 6, 2, 6);
        grid.add(cell, g);
        IntakeKeys.scrollOnFocus(focus, cell);
        column += w;
        if (column >= IntakeForm.GRID_COLUMNS) {
            row++;
            column = 0;
        }
    }

    /** Input limits by type: length, allowed characters (not for dates: 2026年1月31日 is fine), upper case. */
    private static void limit(JTextComponent t, InputSpec spec) {
        if (spec == null) {
            return;
        }
        int max = Math.max(spec.maxLength(), spec.mask() != null && spec.mask().contains("-") ? 12 : 0);
        String allowed = spec.mask() != null && spec.mask().contains("-") ? null : spec.allowedChars();
        ((AbstractDocument) t.getDocument()).setDocumentFilter(new Limit(max, allowed, spec.upperCase()));
    }

    /** Drops characters a field cannot take and cuts at its length. */
    private static final class Limit extends DocumentFilter {
        private final int max;
        private final String allowed;
        private final boolean upper;

        Limit(int max, String allowed, boolean upper) {
            this.max = max;
            this.allowed = allowed;
            this.upper = upper;
        }

        private String clean(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                String ch = String.valueOf(s.charAt(i));
                if (allowed == null || ch.matches(allowed) || ch.equals("\n")) {
                    sb.append(upper ? ch.toUpperCase() : ch);
                }
            }
            return sb.toString();
        }

        @Override
        public void insertString(FilterBypass fb, int offset, String text, AttributeSet a) throws BadLocationException {
            replace(fb, offset, 0, text, a);
        }

        @Override
        public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet a)
                throws BadLocationException {
            String s = clean(text);
            int room = max - (fb.getDocument().getLength() - length);
            if (s.length() > room) {
                s = s.substring(0, Math.max(0, room));
            }
            super.replace(fb, offset, length, s, a);
        }
    }

    // ============================================================================================ values

    /** The typed value of every leaf field, by key (blank when nothing is typed or chosen). */
    Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        fields.values().stream().filter(f -> f.spec() != null).forEach(f -> v.put(f.key(), value(f).strip()));
        return v;
    }

    /** The values worth keeping when the item changes: what is not blank, including the settlement amounts. */
    Map<String, String> typed() {
        Map<String, String> v = new LinkedHashMap<>();
        fields.values().forEach(f -> {
            if (!value(f).isBlank()) {
                v.put(f.key(), value(f));
            }
        });
        return v;
    }

    boolean hasInput() {
        return fields.values().stream().anyMatch(f -> !value(f).isBlank() && !value(f).equals(prefilled.get(f.key())));
    }

    private static String value(FieldUi f) {
        Component c = focusOf(f);
        if (c instanceof JComboBox<?> cb) {
            return cb.getSelectedItem() == null ? "" : cb.getSelectedItem().toString();
        }
        return ((JTextComponent) c).getText();
    }

    private static JComponent focusOf(FieldUi f) {
        if (f.input() instanceof JScrollPane sp) {
            return (JComponent) sp.getViewport().getView();
        }
        // a field with a chooser beside it (就医地, issue 13): the text field is the outlined part of its panel
        return f.input() instanceof javax.swing.JPanel ? f.outlined() : f.input();
    }

    /** Sets a field's value: a choice by its label, code or alias; a text as it is. */
    void set(String key, String value) {
        FieldUi f = fields.get(key);
        if (f == null) {
            return;
        }
        Component c = focusOf(f);
        if (c instanceof JComboBox<?> cb) {
            String label = f.spec() == null ? value : f.spec().codeTable().normalize(value)
                    .or(() -> f.spec().codeTable().labels().stream().filter(l -> l.startsWith(value)).findFirst())
                    .orElse(null);
            if (label != null) {
                cb.setSelectedItem(label);
            }
        } else {
            ((JTextComponent) c).setText(value);
        }
    }

    /**
     * Fills fields from what is known of the applicant, but only where nothing is typed or the value is what an
     * earlier fill put there (a clerk's correction is never overwritten).
     */
    void prefill(Map<String, String> known) {
        known.forEach((k, v) -> {
            FieldUi f = fields.get(k);
            if (f == null || f.spec() == null) {
                return;
            }
            String now = value(f);
            if (now.isBlank() || now.equals(prefilled.get(k))) {
                set(k, v);
                String after = value(f);
                if (!after.isBlank()) {
                    prefilled.put(k, after);
                }
            }
        });
        refresh();
    }

    Money declared() {
        return declared == null ? null : Money.parseYuan(declared.getText().strip()).orElse(null);
    }

    Money reconciled() {
        return reconciled == null ? null : Money.parseYuan(reconciled.getText().strip()).orElse(null);
    }

    // ============================================================================================ checking

    /**
     * Checks the whole form with the core rules and shows every problem: beside each field, and in the wizard's
     * summary. From now on the problems are kept current as fields are left.
     */
    List<String> checkAll() {
        checkedAll = true;
        return refresh();
    }

    /** All problems of the form (shown or not). */
    List<String> problems() {
        return compute().values().stream().flatMap(List::stream).toList();
    }

    /** Problems by field key (the key "" holds those no field claims). */
    private Map<String, List<String>> compute() {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        IntakeCheck.Result r = form.check(values(), today.get());
        for (String p : r.problems()) {
            FieldUi best = null;
            for (FieldUi f : fields.values()) {
                if (p.startsWith("\u300c" + f.fullLabel() + "\u300d")
                        && (best == null || f.fullLabel().length() > best.fullLabel().length())) {
                    best = f;
                }
            }
            byKey.computeIfAbsent(best == null ? "" : best.key(), k -> new ArrayList<>()).add(p);
        }
        for (JTextField money : new JTextField[] {declared, reconciled}) {
            if (money == null) {
                continue;
            }
            FieldUi f = fields.get(money.getName());
            String t = money.getText().strip();
            if (t.isEmpty()) {
                byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(Texts.t("intake.money.missing", f.fullLabel()));
            } else {
                Optional<Money> m = Money.parseYuan(t);
                if (m.isEmpty() || m.get().isNegative()) {
                    byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(Texts.t("intake.money.bad", f.fullLabel()));
                }
            }
        }
        return byKey;
    }

    /** Shows the problems of the fields that were checked or filled in; returns all that are shown. */
    List<String> refresh() {
        Map<String, List<String>> byKey = compute();
        List<String> shown = new ArrayList<>();
        for (FieldUi f : fields.values()) {
            List<String> p = byKey.getOrDefault(f.key(), List.of());
            boolean show = !p.isEmpty() && (checkedAll || touched.contains(f.key()));
            f.outlined().putClientProperty("JComponent.outline", show ? "error" : null);
            if (f.outlined() != focusOf(f)) {
                focusOf(f).putClientProperty("JComponent.outline", show ? "error" : null);
            }
            String text = show ? brief(p.get(0), f.fullLabel()) : " ";
            f.problem().setText(text);
            f.problem().setToolTipText(show ? String.join("\n", p) : null);
            focusOf(f).setToolTipText(show ? String.join("；", p) : f.tooltip());
            if (show) {
                shown.addAll(p);
            }
        }
        if (checkedAll) {
            shown.addAll(byKey.getOrDefault("", List.of()));
        }
        grid.repaint();
        onProblems.accept(shown);
        return shown;
    }

    /** The problem as shown under its field: 必填 for a blank one, else the text without the leading label. */
    private static String brief(String problem, String label) {
        if (problem.equals(CATALOG.get("field.missing", label)) || problem.equals(Texts.t("intake.money.missing", label))) {
            return Texts.t("intake.field.required");
        }
        return strip(problem, label);
    }

    /** The problem without the leading 「label」： (the field's label is right above it). */
    private static String strip(String problem, String label) {
        String head = "\u300c" + label + "\u300d";
        String p = problem.startsWith(head) ? problem.substring(head.length()) : problem;
        if (p.startsWith("\uff1a")) {
            p = p.substring(1);
        }
        return p;
    }

    /** The first field with a problem, else the first blank field, else the first field. */
    JComponent focusTarget() {
        Map<String, List<String>> byKey = compute();
        for (FieldUi f : fields.values()) {
            if (byKey.containsKey(f.key()) && (checkedAll || touched.contains(f.key()))) {
                return focusOf(f);
            }
        }
        for (FieldUi f : fields.values()) {
            if (value(f).isBlank()) {
                return focusOf(f);
            }
        }
        return order.isEmpty() ? null : order.get(0);
    }

    private void changed(String key) {
        touched.add(key);
        if (checkedAll) {
            refresh();
        }
    }
}
