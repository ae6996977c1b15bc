package org.ybdesk.desk;

import java.awt.Color;
import java.awt.Component;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.service.CaseViews.CaseSummary;
import org.ybdesk.service.CaseViews.DeadlineView;

/**
 * The case list used everywhere: sortable, Enter or a double click opens the case. The deadline column shows the
 * working days left with colour for 临近 and 逾期 — and always the word too, colour is never the only signal. ID
 * numbers are masked.
 */
public final class CaseTable extends JTable {
    private final RowTableModel<CaseSummary> model = new RowTableModel<>(
            RowTableModel.column("col.caseNo", CaseSummary::caseNo),
            RowTableModel.column("col.item", s -> s.itemNo() + " " + s.itemName()),
            RowTableModel.column("col.applicant", CaseSummary::applicantName),
            RowTableModel.column("col.id", CaseSummary::applicantIdMasked),
            RowTableModel.column("col.state", CaseSummary::stateLabel),
            RowTableModel.column("col.received", s -> String.valueOf(s.receivedOn())),
            RowTableModel.column("col.deadline", CaseSummary::deadline));

    public CaseTable(String name, Consumer<String> open) {
        setName(name);
        setModel(model);
        setRowSorter(new TableRowSorter<>(model));
        // several rows may be chosen for 批量打印 (issue 14); Enter and a double click open the lead row
        setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        setFillsViewportHeight(true);
        getColumnModel().getColumn(6).setCellRenderer(new DeadlineRenderer());
        Tables.setUp(this); // columns sized to their content; F2 is the frame's (new intake), not start-editing
        getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0),
                "openCase");
        getActionMap().put("openCase", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                selected().ifPresent(open);
            }
        });
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    selected().ifPresent(open);
                }
            }
        });
    }

    /** Shows {@code cases}; the case selected before stays selected when it is still there (live counts, D186). */
    public void setCases(List<CaseSummary> cases) {
        String before = selected().orElse(null);
        model.setRows(cases);
        if (!cases.isEmpty()) {
            int row = 0;
            for (int i = 0; before != null && i < cases.size(); i++) {
                if (cases.get(i).caseNo().equals(before)) {
                    row = convertRowIndexToView(i);
                    break;
                }
            }
            setRowSelectionInterval(row, row);
        }
    }

    public List<CaseSummary> cases() {
        return model.rows();
    }

    /**
     * Issue 14 (D169): the cases a 批量打印 prints — the selected rows when more than one is selected, else every row
     * shown — in the order shown.
     */
    public List<String> forBatch() {
        int[] sel = getSelectedRows();
        List<String> out = new java.util.ArrayList<>();
        if (sel.length > 1) {
            for (int r : sel) {
                out.add(model.row(convertRowIndexToModel(r)).caseNo());
            }
        } else {
            for (int r = 0; r < getRowCount(); r++) {
                out.add(model.row(convertRowIndexToModel(r)).caseNo());
            }
        }
        return out;
    }

    /** The 批量打印 button of a list (named {@code name}): opens the batch preview for {@link #forBatch()}. */
    public javax.swing.JButton batchPrintButton(String name, Session session) {
        javax.swing.JButton b = new javax.swing.JButton(Texts.t("print.batch.button"));
        b.setName(name);
        b.setToolTipText(Texts.t("print.batch.tip"));
        b.addActionListener(e -> PrintPreviewDialog.openBatch(javax.swing.SwingUtilities.getWindowAncestor(this),
                session, forBatch()));
        return b;
    }

    public java.util.Optional<String> selected() {
        int r = getSelectedRow();
        return r < 0 ? java.util.Optional.empty()
                : java.util.Optional.of(model.row(convertRowIndexToModel(r)).caseNo());
    }

    /** 剩余3个工作日（临近） / 逾期2个工作日 / 暂停计时 / the calendar's reason. */
    public static String deadlineText(DeadlineView d) {
        if (d == null) {
            return "";
        }
        if (d.problem() != null) {
            return Texts.t("deadline.unknown");
        }
        if (d.status() == DeadlineStatus.PAUSED) {
            return d.statusLabel();
        }
        // a due date resting on a year whose notice is not published says 暂定 (issue 10)
        String due = d.provisional() ? Texts.t("deadline.provisional", String.valueOf(d.dueDate()))
                : String.valueOf(d.dueDate());
        if (d.status() == DeadlineStatus.OVERDUE) {
            return Texts.t("deadline.overdue", String.valueOf(-d.workingDaysLeft()), due);
        }
        return Texts.t("deadline.left", String.valueOf(d.workingDaysLeft()), d.statusLabel(), due);
    }

    private static final class DeadlineRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            DeadlineView d = (DeadlineView) v;
            super.getTableCellRendererComponent(t, deadlineText(d), sel, focus, r, c);
            if (!sel) {
                Color fg = t.getForeground();
                Color bg = t.getBackground();
                if (d != null && d.status() == DeadlineStatus.OVERDUE) {
                    fg = UiSetup.OVERDUE;
                    bg = UiSetup.OVERDUE_BG;
                } else if (d != null && d.status() == DeadlineStatus.NEAR) {
                    fg = UiSetup.NEAR;
                    bg = UiSetup.NEAR_BG;
                }
                setForeground(fg);
                setBackground(bg);
            }
            setToolTipText(d == null ? null : d.problem());
            return this;
        }
    }
}
