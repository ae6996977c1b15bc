package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.ButtonGroup;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;

/**
 * Step 4 材料清单: one row per material of the item with 留存纸质 / 存档电子 / 数据共享 / 未提供. Keys: 1–4 set the
 * row and go to the next one, Left/Right change the row, Up/Down move between rows, Enter goes on (on the last row:
 * to the next step). A material not provided that the item always requires is highlighted in amber with the word
 * 未提供 — colour is never the only signal.
 */
final class IntakeMaterials {
    private static final MaterialStatus[] ORDER = {MaterialStatus.PAPER, MaterialStatus.ELECTRONIC,
            MaterialStatus.SHARED_DATA, MaterialStatus.MISSING};
    private static final int NAME_WIDTH = 420;

    private final class Row {
        final MaterialSpec spec;
        final JRadioButton[] buttons = new JRadioButton[ORDER.length];
        final JPanel panel = new JPanel(new GridBagLayout());
        final JLabel status = new JLabel();
        final JLabel name = new JLabel();
        /** Whether the values entered in step 3 make this material required (IntakeCheck.materialNeeds). */
        boolean required;

        Row(MaterialSpec spec) {
            this.spec = spec;
            this.required = spec.requiredFor(Map.of()) && spec.requiredWhen() == null;
        }

        MaterialStatus value() {
            for (int i = 0; i < ORDER.length; i++) {
                if (buttons[i].isSelected()) {
                    return ORDER[i];
                }
            }
            return MaterialStatus.MISSING;
        }

        int index() {
            for (int i = 0; i < ORDER.length; i++) {
                if (buttons[i].isSelected()) {
                    return i;
                }
            }
            return ORDER.length - 1;
        }

        boolean missingRequired() {
            return value().blocksAcceptance(required);
        }
    }

    private final ServiceItem item;
    private final List<Row> rows = new ArrayList<>();
    private final JPanel list = listPanel();
    private final JScrollPane scroll = new JScrollPane(list);
    private final Runnable onLast;
    private final Runnable onChange;

    IntakeMaterials(ServiceItem item, Runnable onLast, Runnable onChange) {
        this.item = item;
        this.onLast = onLast;
        this.onChange = onChange;
        list.setName("intake.materials");
        list.setLayout(new GridBagLayout());
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        GridBagConstraints g = new GridBagConstraints();
        g.gridx = 0;
        g.fill = GridBagConstraints.HORIZONTAL;
        g.weightx = 1;
        g.insets = new Insets(0, 0, 6, 0);
        int y = 0;
        for (MaterialSpec m : item.materials()) {
            Row r = new Row(m);
            rows.add(r);
            build(r);
            g.gridy = y++;
            list.add(r.panel, g);
        }
        g.gridy = y;
        g.weighty = 1;
        list.add(Box.createVerticalStrut(1), g);
        for (int i = 0; i < rows.size(); i++) {
            bindKeys(i);
            update(rows.get(i));
        }
    }

    JComponent component() {
        return scroll;
    }

    ServiceItem item() {
        return item;
    }

    private void build(Row r) {
        MaterialSpec m = r.spec;
        r.panel.setName("intake.material." + m.no());
        r.panel.setOpaque(true);
        JLabel name = r.name;
        name.setName("intake.material." + m.no() + ".name");
        label(r);
        JPanel radios = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        radios.setOpaque(false);
        ButtonGroup group = new ButtonGroup();
        for (int i = 0; i < ORDER.length; i++) {
            JRadioButton b = new JRadioButton((i + 1) + " " + Texts.t("intake.material." + ORDER[i].name()));
            b.setName("intake.material." + m.no() + "." + ORDER[i].name());
            b.setOpaque(false);
            b.setToolTipText(Texts.t("intake.material.tooltip"));
            group.add(b);
            r.buttons[i] = b;
            radios.add(b);
            b.addActionListener(e -> {
                update(r);
                onChange.run();
            });
            b.addFocusListener(new java.awt.event.FocusAdapter() {
                @Override
                public void focusGained(java.awt.event.FocusEvent e) {
                    r.panel.scrollRectToVisible(new Rectangle(0, 0, r.panel.getWidth(), r.panel.getHeight()));
                }
            });
        }
        r.buttons[ORDER.length - 1].setSelected(true);
        r.status.setName("intake.material." + m.no() + ".status");
        r.status.setFont(UiSetup.font(Font.BOLD, 14f));
        r.status.setHorizontalAlignment(SwingConstants.CENTER);
        r.status.setPreferredSize(new Dimension(110, 24));
        GridBagConstraints g = new GridBagConstraints();
        g.gridy = 0;
        g.anchor = GridBagConstraints.WEST;
        g.insets = new Insets(6, 10, 6, 6);
        g.gridx = 0;
        g.weightx = 1;
        g.fill = GridBagConstraints.HORIZONTAL;
        r.panel.add(name, g);
        g.gridx = 1;
        g.weightx = 0;
        g.fill = GridBagConstraints.NONE;
        r.panel.add(radios, g);
        g.gridx = 2;
        r.panel.add(r.status, g);
    }

    /** The material's name, its condition and — when the values decide it — whether this application needs it. */
    private static void label(Row r) {
        MaterialSpec m = r.spec;
        String need = m.requiredWhen() == null ? "" : "&nbsp;&nbsp;<b>" + Problems.escape(Texts.t(r.required
                ? "intake.material.neededNow" : "intake.material.notNeededNow")) + "</b>";
        r.name.setText(IntakeKeys.html(NAME_WIDTH) + "<b>" + m.no() + ".</b> "
                + Problems.escape(m.name()) + (m.condition() == null ? ""
                : "<br><span style='color:#57606a'>" + Problems.escape(Texts.t("intake.material.condition",
                m.condition())) + "</span>" + need) + "</div></html>");
    }

    /**
     * Decides which materials are required from the values entered in step 3 (人员类别, 支取原因, …): one rule for
     * every item, the catalog's {@code requiredWhen} evaluated by core's IntakeCheck.
     */
    void applyValues(Map<String, String> values) {
        Map<MaterialSpec, Boolean> needs = IntakeCheck.materialNeeds(item, values);
        for (Row r : rows) {
            r.required = Boolean.TRUE.equals(needs.get(r.spec));
            label(r);
            update(r);
        }
    }

    private void bindKeys(int index) {
        Row r = rows.get(index);
        for (JRadioButton b : r.buttons) {
            for (int i = 0; i < ORDER.length; i++) {
                int choice = i;
                Runnable set = () -> {
                    r.buttons[choice].setSelected(true);
                    update(r);
                    onChange.run();
                    if (index + 1 < rows.size()) {
                        focusRow(index + 1);
                    } else {
                        r.buttons[choice].requestFocusInWindow();
                    }
                };
                IntakeKeys.bind(b, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_1 + i, 0),
                        "intake.material.set" + i, set);
                IntakeKeys.bind(b, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD1 + i, 0),
                        "intake.material.setPad" + i, set);
            }
            IntakeKeys.bind(b, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, 0),
                    "intake.material.right", () -> shift(r, 1));
            IntakeKeys.bind(b, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, 0),
                    "intake.material.left", () -> shift(r, -1));
            IntakeKeys.bind(b, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0),
                    "intake.material.down", () -> focusRow(Math.min(rows.size() - 1, index + 1)));
            IntakeKeys.bind(b, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_UP, 0),
                    "intake.material.up", () -> focusRow(Math.max(0, index - 1)));
            IntakeKeys.bind(b, JComponent.WHEN_FOCUSED, IntakeKeys.ENTER, "intake.material.enter", () -> {
                if (index + 1 < rows.size()) {
                    focusRow(index + 1);
                } else {
                    onLast.run();
                }
            });
        }
    }

    private void shift(Row r, int delta) {
        int i = Math.floorMod(r.index() + delta, ORDER.length);
        r.buttons[i].setSelected(true);
        r.buttons[i].requestFocusInWindow();
        update(r);
        onChange.run();
    }

    /** Puts the focus on the chosen button of the row. */
    void focusRow(int index) {
        if (index >= 0 && index < rows.size()) {
            Row r = rows.get(index);
            r.buttons[r.index()].requestFocusInWindow();
        }
    }

    /** The first row whose required material is missing, else the first row. */
    void focusFirst() {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).missingRequired()) {
                focusRow(i);
                return;
            }
        }
        focusRow(0);
    }

    private void update(Row r) {
        MaterialStatus s = r.value();
        if (r.missingRequired()) {
            r.panel.setBackground(UiSetup.NEAR_BG);
            r.panel.setBorder(BorderFactory.createLineBorder(UiSetup.NEAR));
            r.status.setForeground(UiSetup.NEAR);
            r.status.setText(Texts.t("intake.material.missingWord"));
        } else {
            r.panel.setBackground(list.getBackground());
            r.panel.setBorder(BorderFactory.createLineBorder(new Color(0xD0D7DE)));
            r.status.setForeground(s == MaterialStatus.MISSING ? Color.GRAY : new Color(0x1A7F37));
            r.status.setText(s == MaterialStatus.MISSING ? Texts.t("intake.material.notApplicable")
                    : Texts.t("intake.material.ok"));
        }
    }

    /** The status of every material by number. */
    Map<Integer, MaterialStatus> statuses() {
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.spec.no(), r.value()));
        return m;
    }

    /** Materials required (by the item, or by the values entered) that are not provided: they block acceptance. */
    List<MaterialSpec> missing() {
        return rows.stream().filter(Row::missingRequired).map(r -> r.spec).toList();
    }

    boolean hasInput() {
        return rows.stream().anyMatch(r -> r.value().received());
    }

    private static JPanel listPanel() {
        JPanel p = new ScrollablePanel(new BorderLayout(), true);
        p.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 12));
        return p;
    }
}
