package org.ybdesk.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One 参考样表 of the rulebook's appendix (表1–表13) as data: title, page orientation, header lines above the grid,
 * 填写说明, the sections of the grid, and footer lines (signatures, dates, notes). Labels are the paper form's wording.
 *
 * @param designed     true when the appendix does not print the table and it was designed from the citing item
 *                     (表5); {@code note} then says how
 * @param instructions 填写说明 lines, printed before the table (表12, 表13)
 * @param presets      per citing item number, values implied by the item itself (e.g. 表9's 人员类别 for item 11)
 */
public record ReferenceForm(int no, String title, Orientation orientation, boolean designed, String note,
                            List<Cell> header, List<String> instructions, List<Section> sections,
                            List<Cell> footer, Map<Integer, Map<String, String>> presets) {

    public ReferenceForm {
        header = header == null ? List.of() : List.copyOf(header);
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        sections = sections == null ? List.of() : List.copyOf(sections);
        footer = footer == null ? List.of() : List.copyOf(footer);
        Map<Integer, Map<String, String>> p = new LinkedHashMap<>();
        if (presets != null) {
            presets.forEach((item, values) -> p.put(item, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        }
        presets = Collections.unmodifiableMap(p);
        note = note == null ? "" : note;
    }

    /** The header lines as printed (labels or texts). */
    public List<String> headerLines() {
        return header.stream().map(ReferenceForm::line).toList();
    }

    /** The footer lines as printed (labels or texts). */
    public List<String> footerLines() {
        return footer.stream().map(ReferenceForm::line).toList();
    }

    private static String line(Cell c) {
        return c.label().isEmpty() ? c.text() : c.label();
    }

    /** Every cell of the grid, in reading order (not header, footer or detail columns). */
    public Stream<Cell> gridCells() {
        return sections.stream().flatMap(s -> s.rows().stream()).flatMap(r -> r.cells().stream());
    }

    /** Every cell: header, grid, footer. */
    public Stream<Cell> allCells() {
        return Stream.of(header.stream(), gridCells(), footer.stream()).flatMap(s -> s);
    }

    /** Every detail-table column. */
    public Stream<Column> columns() {
        return sections.stream().filter(Section::hasTable).flatMap(s -> s.table().columns().stream());
    }

    /** Every field key the form prints, in reading order, each once. */
    public List<String> keys() {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        header.forEach(c -> keys.addAll(c.boundKeys()));
        for (Section s : sections) {
            s.rows().forEach(r -> r.cells().forEach(c -> keys.addAll(c.boundKeys())));
            if (s.hasTable()) {
                s.table().columns().stream().filter(Column::fillable).forEach(c -> keys.add(c.key()));
            }
        }
        footer.forEach(c -> keys.addAll(c.boundKeys()));
        return new ArrayList<>(keys);
    }

    /** The values implied by citing item {@code itemNo}, empty if none. */
    public Map<String, String> presetsFor(int itemNo) {
        return presets.getOrDefault(itemNo, Map.of());
    }
}
