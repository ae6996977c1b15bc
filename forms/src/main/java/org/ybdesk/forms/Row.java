package org.ybdesk.forms;

import java.util.List;

/**
 * One row of a section grid. {@code group} is the merged row header of the paper form (e.g. 法定代表人 spanning the
 * rows 姓名/身份证件号码): consecutive rows with the same group are drawn with one merged cell, one column wide.
 */
public record Row(String group, List<Cell> cells) {
    public Row {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    public boolean grouped() {
        return group != null && !group.isBlank();
    }

    /** Columns taken: the group column (if any) plus the cells. */
    public int width() {
        return (grouped() ? 1 : 0) + cells.stream().mapToInt(Cell::width).sum();
    }
}
