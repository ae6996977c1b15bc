package org.ybdesk.forms;

import java.util.List;

/**
 * A section with values: the grid rows as filled cells, and the detail table as rows of column values (all of the
 * table's blank rows, "" where empty; a SEQ column holds its row number, a SIGN column stays "").
 */
public record FilledSection(Section section, List<List<FilledCell>> rows, List<List<String>> tableRows) {
    public FilledSection {
        rows = rows.stream().map(List::copyOf).toList();
        tableRows = tableRows.stream().map(List::copyOf).toList();
    }
}
