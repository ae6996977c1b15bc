package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.DefaultCellEditor;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableCellRenderer;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.MaterialLine;

/**
 * 材料: the item's materials with how each was obtained; missing ones are highlighted (red when the material is
 * always required, amber when it applies only in some cases) and named in the summary. While the case waits for
 * acceptance or 补正 a clerk can record what arrived.
 */
final class CaseMaterialsTab extends JPanel {
    private final CasePanel owner;
    private final Map<Integer, MaterialStatus> changes = new LinkedHashMap<>();
    private boolean editable;
    private final RowTableModel<MaterialLine> model = new RowTableModel<>(
            RowTableModel.column("case.materials.col.no", m -> String.valueOf(m.no())),
            RowTableModel.column("case.materials.col.name", MaterialLine::name),
            RowTableModel.column("case.materials.col.condition", m -> m.condition() == null ? "" : m.condition()),
            RowTableModel.<MaterialLine>column("case.materials.col.status", this::status)
                    .editable(m -> editable, this::choose));
    private final JTable table = Tables.setUp(new JTable(model));
    private final JLabel summary = new JLabel(" ");
    private final JButton save = new JButton(Texts.t("case.materials.save"));

    CaseMaterialsTab(CasePanel owner) {
        super(new BorderLayout(0, 6));
        this.owner = owner;
        setName("case.tab.materials");
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        table.setName("case.materials");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        table.getColumnModel().getColumn(0).setPreferredWidth(50);
        table.getColumnModel().getColumn(0).setMaxWidth(70);
        table.getColumnModel().getColumn(1).setPreferredWidth(480);
        table.getColumnModel().getColumn(2).setPreferredWidth(200);
        table.getColumnModel().getColumn(3).setPreferredWidth(150);
        Renderer r = new Renderer();
        for (int i = 0; i < 4; i++) {
            table.getColumnModel().getColumn(i).setCellRenderer(r);
        }
        JComboBox<MaterialStatus> statuses = new JComboBox<>(MaterialStatus.values());
        statuses.setName("case.materials.status");
        statuses.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object v, int i, boolean s, boolean f) {
                return super.getListCellRendererComponent(l, v instanceof MaterialStatus m ? m.label() : v, i, s, f);
            }
        });
        table.getColumnModel().getColumn(3).setCellEditor(new DefaultCellEditor(statuses));
        summary.setName("case.materials.summary");
        save.setName("case.materials.save");
        save.setToolTipText(Texts.t("case.materials.save.tooltip"));
        save.setVisible(false);
        save.setEnabled(false);
        save.addActionListener(e -> save());
        JPanel top = new JPanel(new BorderLayout(8, 0));
        top.add(summary, BorderLayout.CENTER);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
        right.add(save);
        top.add(right, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
    }

    void show(CaseView v, boolean mayEdit) {
        if (table.isEditing()) {
            table.getCellEditor().cancelCellEditing();
        }
        changes.clear();
        editable = mayEdit;
        model.setRows(v.materials());
        save.setVisible(mayEdit);
        save.setEnabled(false);
        updateSummary();
    }

    /** Whether the actor may record materials now (a clerk, while the case waits for acceptance or 补正). */
    static boolean mayEdit(CaseView v, org.ybdesk.core.lifecycle.Actor actor) {
        CaseState s = v.summary().state();
        return actor.has(Role.CLERK) && (s == CaseState.RECEIVED || s == CaseState.SUPPLEMENTING);
    }

    boolean hasChanges() {
        return !changes.isEmpty();
    }

    private void updateSummary() {
        List<String> required = new ArrayList<>();
        int conditional = 0;
        for (MaterialLine m : model.rows()) {
            MaterialStatus s = status(m);
            if (s.blocksAcceptance(m.required())) { // required by the item or by the case's values (D92)
                required.add(m.no() + ". " + m.name());
            } else if (!s.received()) {
                conditional++;
            }
        }
        if (required.isEmpty()) {
            summary.setText(conditional == 0 ? Texts.t("case.materials.complete")
                    : Texts.t("case.materials.completeConditional", String.valueOf(conditional)));
            summary.setForeground(getForeground());
            summary.setToolTipText(null);
        } else {
            summary.setText(Texts.t("case.materials.missing", String.valueOf(required.size())));
            summary.setForeground(UiSetup.OVERDUE);
            summary.setToolTipText(String.join(" / ", required));
        }
        save.setEnabled(!changes.isEmpty());
    }

    private void save() {
        if (table.isEditing()) {
            table.getCellEditor().stopCellEditing();
        }
        Map<Integer, MaterialStatus> chosen = new LinkedHashMap<>(changes);
        if (chosen.isEmpty()) {
            return;
        }
        save.setEnabled(false);
        var session = owner.session();
        String caseNo = owner.caseNo();
        Background.run(this, () -> session.desk().cases().updateMaterials(caseNo, chosen, session.actor()),
                owner::apply, e -> {
                    save.setEnabled(true);
                    CasePanel.showProblems(this, e);
                });
    }

    /** The status shown for a line: the one chosen but not yet saved, else the recorded one. */
    private MaterialStatus status(MaterialLine m) {
        return changes.getOrDefault(m.no(), m.status());
    }

    /** A status chosen in the table: kept as a change unless it is the recorded one again. */
    private void choose(MaterialLine m, Object v) {
        if (!(v instanceof MaterialStatus s)) {
            return;
        }
        if (s == m.status()) {
            changes.remove(m.no());
        } else {
            changes.put(m.no(), s);
        }
        updateSummary();
    }

    private final class Renderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            Object shown = v instanceof MaterialStatus s ? s.label() : v;
            super.getTableCellRendererComponent(t, shown, sel, focus, r, c);
            MaterialLine m = model.row(t.convertRowIndexToModel(r));
            setToolTipText(c == 1 || c == 2 ? String.valueOf(shown) : null);
            if (!sel) {
                Color fg = t.getForeground();
                Color bg = t.getBackground();
                MaterialStatus now = status(m);
                if (!now.received()) { // red when it blocks 受理, amber when the clerk judges whether it applies
                    boolean blocks = now.blocksAcceptance(m.required());
                    fg = blocks ? UiSetup.OVERDUE : UiSetup.NEAR;
                    bg = blocks ? UiSetup.OVERDUE_BG : UiSetup.NEAR_BG;
                }
                setForeground(fg);
                setBackground(bg);
            }
            return this;
        }
    }
}
