package org.ybdesk.desk;

import java.awt.Component;
import java.awt.event.KeyEvent;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.event.TableModelEvent;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;

/**
 * The one setup every table of the window gets (D183): its columns size to their content (header and the rows on
 * show, again whenever the rows change), and its own F2 (start editing) is gone so F2 starts an intake everywhere.
 */
final class Tables {
    /** Rows measured per column: enough for a screenful and more, cheap for lists of 500. */
    static final int MEASURED_ROWS = 200;
    static final int MAX_COLUMN = 460;
    private static final int PADDING = 18;

    private Tables() {
    }

    /** Sets {@code table} up as every table of the window; returns it. */
    static <T extends JTable> T setUp(T table) {
        KeyStroke f2 = KeyStroke.getKeyStroke(KeyEvent.VK_F2, 0);
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(f2, "none");
        table.getInputMap(JComponent.WHEN_FOCUSED).put(f2, "none");
        table.getModel().addTableModelListener(e -> {
            if (e.getFirstRow() == TableModelEvent.HEADER_ROW || e.getType() != TableModelEvent.UPDATE
                    || e.getLastRow() == Integer.MAX_VALUE) {
                SwingUtilities.invokeLater(() -> fitColumns(table));
            }
        });
        table.addPropertyChangeListener("model", e -> fitColumns(table));
        fitColumns(table);
        return table;
    }

    /** Each column as wide as its header and the widest of its first rows (up to {@link #MAX_COLUMN}). */
    static void fitColumns(JTable table) {
        int rows = Math.min(table.getRowCount(), MEASURED_ROWS);
        for (int c = 0; c < table.getColumnCount(); c++) {
            TableColumn col = table.getColumnModel().getColumn(c);
            TableCellRenderer hr = col.getHeaderRenderer() != null ? col.getHeaderRenderer()
                    : table.getTableHeader() == null ? null : table.getTableHeader().getDefaultRenderer();
            int width = 40;
            if (hr != null) {
                Component h = hr.getTableCellRendererComponent(table, col.getHeaderValue(), false, false, -1, c);
                width = Math.max(width, h.getPreferredSize().width);
            }
            for (int r = 0; r < rows; r++) {
                Component cell = table.prepareRenderer(table.getCellRenderer(r, c), r, c);
                width = Math.max(width, cell.getPreferredSize().width);
            }
            col.setPreferredWidth(Math.min(MAX_COLUMN, width + PADDING));
        }
    }
}
