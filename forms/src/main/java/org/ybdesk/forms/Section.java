package org.ybdesk.forms;

import java.util.List;

/**
 * A block of a reference form drawn as one grid of {@code columns} columns: an optional {@code title} printed as a
 * caption row across the grid, rows of cells, then optionally a repeating detail table. Every row (and the table)
 * spans exactly {@code columns}.
 */
public record Section(String title, int columns, List<Row> rows, DetailTable table) {
    public Section {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public boolean hasTable() {
        return table != null;
    }
}
