package org.ybdesk.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A reference form with the values of one case: a plain structure that the reports module renders (no Jasper here).
 */
public record FilledForm(ReferenceForm form, List<FilledCell> header, List<FilledSection> sections,
                         List<FilledCell> footer) {

    /** One printed (label, value) pair; value "" when blank. */
    public record Entry(String label, String key, String value) {
    }

    public FilledForm {
        header = List.copyOf(header);
        sections = List.copyOf(sections);
        footer = List.copyOf(footer);
    }

    /** Every fillable cell: header, grid, footer, in reading order. */
    public Stream<FilledCell> cells() {
        return Stream.of(header.stream(), sections.stream().flatMap(s -> s.rows().stream()).flatMap(List::stream),
                footer.stream()).flatMap(s -> s).filter(c -> c.cell().fillable());
    }

    /**
     * The (label, value) list: every fillable cell of header, grid and footer — labelled by its row group and label,
     * e.g. 「法定代表人·姓名」 — then the detail-table cells of rows that have any value, labelled 「姓名#1」.
     */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        header.stream().filter(c -> c.cell().fillable()).forEach(c -> out.add(entry(null, c)));
        for (FilledSection s : sections) {
            for (int r = 0; r < s.rows().size(); r++) {
                Row row = s.section().rows().get(r);
                for (FilledCell c : s.rows().get(r)) {
                    if (c.cell().fillable()) {
                        out.add(entry(row.grouped() ? row.group() : null, c));
                    }
                }
            }
            if (s.section().hasTable()) {
                List<Column> cols = s.section().table().columns();
                for (int r = 0; r < s.tableRows().size(); r++) {
                    List<String> values = s.tableRows().get(r);
                    boolean any = false;
                    for (int i = 0; i < cols.size(); i++) {
                        any |= cols.get(i).fillable() && !values.get(i).isBlank();
                    }
                    if (!any) {
                        continue;
                    }
                    for (int i = 0; i < cols.size(); i++) {
                        Column c = cols.get(i);
                        if (c.fillable()) {
                            out.add(new Entry(c.label() + "#" + (r + 1), c.key(), values.get(i)));
                        }
                    }
                }
            }
        }
        footer.stream().filter(c -> c.cell().fillable()).forEach(c -> out.add(entry(null, c)));
        return out;
    }

    private static Entry entry(String group, FilledCell c) {
        String label = c.label();
        if (label.isEmpty()) {
            // unlabelled cells on paper: a date line 「年 月 日」 (its hint), a lone box 「□灵活就业人员」 (its options)
            label = !c.cell().hint().isEmpty() ? c.cell().hint()
                    : !c.cell().options().isEmpty() ? String.join("/", c.cell().options())
                    : String.join("+", c.cell().boundKeys());
        }
        return new Entry(group == null ? label : group + "·" + label,
                String.join("+", c.cell().boundKeys()), c.value());
    }

    /** The printed value of the first fillable cell bound to {@code key} (grid, header, footer), "" if blank/absent. */
    public String value(String key) {
        return cells().filter(c -> c.cell().keys().contains(key)).map(FilledCell::value)
                .filter(v -> !v.isBlank()).findFirst().orElse("");
    }

    /** The detail-table value of column {@code key} in row {@code row} (0-based), "" if blank/absent. */
    public String tableValue(String key, int row) {
        for (FilledSection s : sections) {
            if (!s.section().hasTable()) {
                continue;
            }
            List<Column> cols = s.section().table().columns();
            for (int i = 0; i < cols.size(); i++) {
                if (key.equals(cols.get(i).key()) && row < s.tableRows().size()) {
                    return s.tableRows().get(row).get(i);
                }
            }
        }
        return "";
    }
}
