package org.ybdesk.forms;

import java.util.List;

/**
 * A repeating table inside a form: columns, and the number of blank rows the paper form prints. Row {@code i}
 * (0-based) takes the value of column key {@code k} from case value {@code k[i]}; the first row also takes the plain
 * {@code k}, so a single-person case fills the first line of a batch form.
 *
 * @param caption  the row header printed left of the table (one column wide), or null
 * @param numbered whether a row of column numbers (1, 2, 3 …) is printed under the headings, as on 表8
 */
public record DetailTable(String caption, List<Column> columns, int rows, boolean numbered) {
    public DetailTable {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** Columns taken in the section grid: the caption column (if any) plus the column spans. */
    public int width() {
        return (caption == null || caption.isBlank() ? 0 : 1) + columns.stream().mapToInt(Column::span).sum();
    }

    /** The case-value key of column {@code key} in row {@code row} (0-based). */
    public static String indexedKey(String key, int row) {
        return key + "[" + row + "]";
    }
}
