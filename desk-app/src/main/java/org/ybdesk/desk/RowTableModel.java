package org.ybdesk.desk;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.swing.table.AbstractTableModel;

/**
 * The table model of every list in the window: one record per row, each column defined once — its header (a key of
 * the desk's bundle), the class Swing sorts and renders it by, the value it shows of a row and, for a column that may
 * be edited, when and how. Rows are replaced as a whole ({@link #setRows}); the row of a view index is
 * {@code row(table.convertRowIndexToModel(i))}.
 *
 * @param <R> the record a row shows
 */
final class RowTableModel<R> extends AbstractTableModel {
    /**
     * One column.
     *
     * @param header   the header text (already looked up in the bundle)
     * @param type     what {@link #getColumnClass} says: Object unless sorting or rendering needs more
     * @param value    what a row shows in it
     * @param editable when a row's cell may be edited now (null: never)
     * @param edit     what an edited value does to the row (called only when {@code editable} allows)
     */
    record Column<R>(String header, Class<?> type, Function<? super R, ?> value, Predicate<? super R> editable,
                     BiConsumer<? super R, Object> edit) {
        /** The same column, editable where {@code when} says, the typed value going to {@code edit}. */
        Column<R> editable(Predicate<? super R> when, BiConsumer<? super R, Object> edit) {
            return new Column<>(header, type, value, when, edit);
        }
    }

    /** A read-only column of class Object, its header the text of {@code headerKey}. */
    static <R> Column<R> column(String headerKey, Function<? super R, ?> value) {
        return column(headerKey, Object.class, value);
    }

    /** A read-only column of {@code type} (Long sorts as numbers), its header the text of {@code headerKey}. */
    static <R> Column<R> column(String headerKey, Class<?> type, Function<? super R, ?> value) {
        return new Column<>(Texts.t(headerKey), type, value, null, null);
    }

    private final List<Column<R>> columns;
    private List<R> rows = List.of();

    @SafeVarargs
    RowTableModel(Column<R>... columns) {
        this.columns = List.of(columns);
    }

    /** Shows {@code rows} instead of what was shown. */
    void setRows(List<? extends R> rows) {
        this.rows = List.copyOf(rows);
        fireTableDataChanged();
    }

    /** What is shown, in model order. */
    List<R> rows() {
        return rows;
    }

    /** The row at a model index. */
    R row(int modelRow) {
        return rows.get(modelRow);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int c) {
        return columns.get(c).header();
    }

    @Override
    public Class<?> getColumnClass(int c) {
        return columns.get(c).type();
    }

    @Override
    public Object getValueAt(int r, int c) {
        return columns.get(c).value().apply(rows.get(r));
    }

    @Override
    public boolean isCellEditable(int r, int c) {
        Column<R> col = columns.get(c);
        return col.editable() != null && col.editable().test(rows.get(r));
    }

    @Override
    public void setValueAt(Object v, int r, int c) {
        if (!isCellEditable(r, c)) {
            return;
        }
        columns.get(c).edit().accept(rows.get(r), v);
        fireTableRowsUpdated(r, r);
    }
}
