package org.ybdesk.forms;

import java.util.List;

/**
 * A cell with its value for one case. {@code value} is what is printed in the value cell ("" when the case has no
 * value — the cell stays blank); for a choice, {@code selected} are the options whose boxes are ticked (empty when the
 * value matches none, in which case a renderer may print the value beside the boxes).
 */
public record FilledCell(Cell cell, String value, List<String> selected) {
    public FilledCell {
        value = value == null ? "" : value;
        selected = selected == null ? List.of() : List.copyOf(selected);
    }

    public String label() {
        return cell.label();
    }

    public boolean blank() {
        return value.isBlank();
    }

    public boolean checked(String option) {
        return selected.contains(option);
    }
}
