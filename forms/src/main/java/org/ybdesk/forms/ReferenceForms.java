package org.ybdesk.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.ybdesk.core.catalog.ServiceItem;

/**
 * The reference forms 表1–表13, loaded from {@code /org/ybdesk/forms/tables/table-N.yaml}. Loading fails loudly: a
 * missing file, an unknown property, a key that is not lowerCamelCase, a row that does not fill its section's grid,
 * a choice without options — every problem of a file is reported at once in a {@link FormSpecException}.
 */
public final class ReferenceForms {
    public static final String RESOURCE_DIR = "/org/ybdesk/forms/tables/";
    /** The appendix numbers its tables 1–13 (表5 is cited but not printed; ours is designed). */
    public static final int COUNT = 13;

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static volatile ReferenceForms defaults;

    private final Map<Integer, ReferenceForm> forms;

    private ReferenceForms(Map<Integer, ReferenceForm> forms) {
        this.forms = forms;
    }

    /** The 13 forms shipped with this build (loaded once). */
    public static ReferenceForms load() {
        ReferenceForms d = defaults;
        if (d == null) {
            synchronized (ReferenceForms.class) {
                d = defaults;
                if (d == null) {
                    d = load(RESOURCE_DIR);
                    defaults = d;
                }
            }
        }
        return d;
    }

    /** Loads {@code table-1.yaml} … {@code table-13.yaml} from a classpath folder such as {@link #RESOURCE_DIR}. */
    public static ReferenceForms load(String resourceDir) {
        String dir = resourceDir.endsWith("/") ? resourceDir : resourceDir + "/";
        Map<Integer, ReferenceForm> forms = new LinkedHashMap<>();
        for (int no = 1; no <= COUNT; no++) {
            String resource = dir + "table-" + no + ".yaml";
            try (InputStream in = ReferenceForms.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new FormSpecException(resource, List.of("reference form resource missing"));
                }
                ReferenceForm form = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
                if (form.no() != no) {
                    throw new FormSpecException(resource, List.of("file holds table " + form.no()
                            + ", expected " + no));
                }
                forms.put(no, form);
            } catch (IOException e) {
                throw new FormSpecException("cannot read " + resource, e);
            }
        }
        return new ReferenceForms(forms);
    }

    /** Parses and checks one form. {@code source} names it in error messages. */
    public static ReferenceForm parse(String yamlText, String source) {
        FormDoc doc;
        try {
            doc = yaml().readValue(yamlText, FormDoc.class);
        } catch (JsonProcessingException e) {
            throw new FormSpecException(source + ": malformed YAML: " + e.getOriginalMessage(), e);
        }
        if (doc == null) {
            throw new FormSpecException(source, List.of("empty document"));
        }
        List<String> problems = new ArrayList<>();
        ReferenceForm form = doc.toForm(problems);
        if (form != null) {
            check(form, problems);
        }
        if (!problems.isEmpty()) {
            throw new FormSpecException(source, problems);
        }
        return form;
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    }

    public List<ReferenceForm> all() {
        return List.copyOf(forms.values());
    }

    public ReferenceForm form(int no) {
        ReferenceForm f = forms.get(no);
        if (f == null) {
            throw new NoSuchElementException("no reference form " + no);
        }
        return f;
    }

    /** The forms the item cites under 参考样表, in its order; an unknown number is an error. */
    public List<ReferenceForm> forItem(ServiceItem item) {
        return item.referenceForms().stream().map(this::form).toList();
    }

    // ============================================================================================ checks

    private static void check(ReferenceForm form, List<String> problems) {
        if (form.no() < 1 || form.no() > COUNT) {
            problems.add("form number " + form.no() + " outside 1–" + COUNT);
        }
        if (form.title() == null || form.title().isBlank()) {
            problems.add("title missing");
        }
        if (form.designed() && form.note().isBlank()) {
            problems.add("a designed form needs a note saying how it was designed");
        }
        if (form.sections().isEmpty()) {
            problems.add("no sections");
        }
        form.header().forEach(c -> checkCell(c, "header", problems));
        form.footer().forEach(c -> checkCell(c, "footer", problems));
        for (int s = 0; s < form.sections().size(); s++) {
            Section section = form.sections().get(s);
            String where = "section " + (s + 1);
            if (section.columns() < 1) {
                problems.add(where + ": columns must be at least 1");
            }
            if (section.rows().isEmpty() && !section.hasTable()) {
                problems.add(where + ": neither rows nor a table");
            }
            for (int r = 0; r < section.rows().size(); r++) {
                Row row = section.rows().get(r);
                String rw = where + " row " + (r + 1);
                if (row.cells().isEmpty()) {
                    problems.add(rw + ": no cells");
                }
                if (row.width() != section.columns()) {
                    problems.add(rw + ": spans " + row.width() + " columns, the section has " + section.columns());
                }
                row.cells().forEach(c -> checkCell(c, rw, problems));
            }
            if (section.hasTable()) {
                DetailTable t = section.table();
                if (t.columns().isEmpty()) {
                    problems.add(where + ": table without columns");
                }
                if (t.rows() < 1) {
                    problems.add(where + ": table needs at least one blank row");
                }
                if (t.width() != section.columns()) {
                    problems.add(where + ": table spans " + t.width() + " columns, the section has "
                            + section.columns());
                }
                for (Column c : t.columns()) {
                    checkColumn(c, where, problems);
                }
            }
        }
        List<String> keys = form.keys();
        form.presets().forEach((item, values) -> values.forEach((k, v) -> {
            if (!keys.contains(k)) {
                problems.add("preset for item " + item + ": key " + k + " is not on the form");
            }
            form.allCells().filter(c -> c.kind() == CellKind.CHOICE && c.keys().contains(k))
                    .filter(c -> !c.options().contains(v) && !c.optionValues().containsKey(v))
                    .forEach(c -> problems.add("preset for item " + item + ": " + k + " = " + v
                            + " is not an option"));
        }));
    }

    private static void checkCell(Cell c, String where, List<String> problems) {
        String w = where + " cell 「" + (c.label().isEmpty() ? abbreviate(c.text()) : c.label()) + "」";
        c.boundKeys().forEach(k -> checkKey(k, w, problems));
        if (c.labelSpan() < 0 || c.span() < 0 || c.width() < 1) {
            problems.add(w + ": bad spans " + c.labelSpan() + "+" + c.span());
        }
        switch (c.kind()) {
            case TEXT -> {
                // an empty text cell is allowed: paper grids have blank corner cells (表12 卫技人员汇总情况)
                // one key is allowed where the text ends in sign lines: who signs (the agent, issue 13, D141)
                if (!c.keys().isEmpty() && (c.keys().size() > 1 || c.signLines().isEmpty())) {
                    problems.add(w + ": a text cell binds keys only through {placeholders}, or one signer key"
                            + " above its sign lines");
                }
            }
            case FIELD -> {
                if (c.keys().isEmpty()) {
                    problems.add(w + ": field without key");
                }
                if (c.alternatives() && c.keys().size() < 2) {
                    problems.add(w + ": alternatives need at least two keys");
                }
            }
            case CHOICE -> {
                if (c.keys().size() != 1) {
                    problems.add(w + ": a choice binds exactly one key");
                }
                checkOptions(c.options(), c.optionValues(), w, problems);
            }
            case SIGN -> {
                if (c.label().isBlank() && c.signLines().isEmpty()) {
                    problems.add(w + ": signature place without a label or sign lines");
                }
                if (c.keys().size() > 1) {
                    problems.add(w + ": a signature place names at most one signer key");
                }
            }
            case SEQ -> problems.add(w + ": SEQ is for detail-table columns only");
        }
        if (c.kind() != CellKind.CHOICE && (!c.options().isEmpty() || !c.optionValues().isEmpty())) {
            problems.add(w + ": options on a " + c.kind() + " cell");
        }
        if (c.inline() && c.label().isBlank()) {
            problems.add(w + ": inline cell without label");
        }
    }

    private static void checkColumn(Column c, String where, List<String> problems) {
        String w = where + " column 「" + c.label() + "」";
        if (c.label().isBlank()) {
            problems.add(w + ": column without label");
        }
        if (c.span() < 1) {
            problems.add(w + ": span must be at least 1");
        }
        switch (c.kind()) {
            case FIELD, CHOICE -> {
                if (c.key() == null) {
                    problems.add(w + ": column without key");
                } else {
                    checkKey(c.key(), w, problems);
                }
            }
            case SEQ, SIGN -> {
                if (c.key() != null) {
                    problems.add(w + ": a " + c.kind() + " column binds no key");
                }
            }
            case TEXT -> problems.add(w + ": TEXT is not a column kind");
        }
        if (c.kind() == CellKind.CHOICE) {
            checkOptions(c.options(), c.optionValues(), w, problems);
        } else if (!c.options().isEmpty()) {
            problems.add(w + ": options on a " + c.kind() + " column");
        }
    }

    private static void checkOptions(List<String> options, Map<String, String> optionValues, String w,
                                     List<String> problems) {
        if (options.isEmpty()) {
            problems.add(w + ": choice without options");
        }
        if (options.stream().distinct().count() != options.size()) {
            problems.add(w + ": duplicate options");
        }
        optionValues.forEach((value, option) -> {
            if (!options.contains(option)) {
                problems.add(w + ": optionValues maps " + value + " to " + option + ", which is not an option");
            }
        });
    }

    private static void checkKey(String key, String where, List<String> problems) {
        if (!KEY.matcher(key).matches()) {
            problems.add(where + ": key " + key + " is not lowerCamelCase");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 12 ? text : text.substring(0, 12) + "…";
    }

    // ============================================================================================ the YAML shape

    /** A table-N.yaml file as written; converted into the public records after defaults are applied. */
    record FormDoc(Integer no, String title, String orientation, Boolean designed, String note,
                   List<CellDoc> header, List<String> instructions, List<SectionDoc> sections,
                   List<CellDoc> footer, Map<Integer, Map<String, String>> presets) {

        ReferenceForm toForm(List<String> problems) {
            if (no == null) {
                problems.add("no (the table number) missing");
                return null;
            }
            Orientation o = null;
            if (orientation == null) {
                problems.add("orientation missing");
            } else {
                try {
                    o = Orientation.valueOf(orientation.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("orientation must be portrait or landscape, not " + orientation);
                }
            }
            List<Section> secs = new ArrayList<>();
            for (SectionDoc s : nn(sections)) {
                secs.add(s.toSection(problems));
            }
            return new ReferenceForm(no, title, o, Boolean.TRUE.equals(designed), note,
                    cells(header, problems), instructions, secs, cells(footer, problems), presets);
        }
    }

    record SectionDoc(String title, Integer columns, List<RowDoc> rows, TableDoc table) {
        Section toSection(List<String> problems) {
            List<Row> rs = new ArrayList<>();
            for (RowDoc r : nn(rows)) {
                rs.add(new Row(r.group(), cells(r.cells(), problems)));
            }
            return new Section(title, columns == null ? 0 : columns, rs,
                    table == null ? null : table.toTable(problems));
        }
    }

    record RowDoc(String group, List<CellDoc> cells) {
    }

    record CellDoc(String kind, String label, String key, List<String> keys, Boolean alternatives, String text,
                   Integer labelSpan,
                   Integer span, Boolean inline, List<String> options, Map<String, String> optionValues,
                   Boolean multiple, String format, String prefix, String hint, List<String> signLines) {

        Cell toCell(List<String> problems) {
            List<String> allKeys = new ArrayList<>();
            if (key != null) {
                allKeys.add(key);
            }
            allKeys.addAll(nn(keys));
            CellKind k;
            if (kind != null) {
                k = parseEnum(CellKind.class, kind, "kind", problems, CellKind.TEXT);
            } else if (options != null) {
                k = CellKind.CHOICE;
            } else if (!allKeys.isEmpty()) {
                k = CellKind.FIELD;
            } else {
                k = CellKind.TEXT;
            }
            boolean in = Boolean.TRUE.equals(inline);
            int ls = labelSpan != null ? labelSpan : (in || label == null || label.isBlank() ? 0 : 1);
            ValueFormat f = format == null ? ValueFormat.PLAIN
                    : parseEnum(ValueFormat.class, format, "format", problems, ValueFormat.PLAIN);
            return new Cell(k, label, allKeys, Boolean.TRUE.equals(alternatives), text, ls, span == null ? 1 : span, in, options, optionValues,
                    Boolean.TRUE.equals(multiple), f, prefix, hint, signLines);
        }
    }

    record TableDoc(String caption, Integer rows, Boolean numbered, List<ColumnDoc> columns) {
        DetailTable toTable(List<String> problems) {
            List<Column> cs = new ArrayList<>();
            for (ColumnDoc c : nn(columns)) {
                cs.add(c.toColumn(problems));
            }
            return new DetailTable(caption, cs, rows == null ? 0 : rows, Boolean.TRUE.equals(numbered));
        }
    }

    record ColumnDoc(String label, String key, String kind, Integer span, List<String> options,
                     Map<String, String> optionValues, String format) {
        Column toColumn(List<String> problems) {
            CellKind k;
            if (kind != null) {
                k = parseEnum(CellKind.class, kind, "kind", problems, CellKind.FIELD);
            } else {
                k = options != null ? CellKind.CHOICE : CellKind.FIELD;
            }
            ValueFormat f = format == null ? ValueFormat.PLAIN
                    : parseEnum(ValueFormat.class, format, "format", problems, ValueFormat.PLAIN);
            int defaultSpan = k == CellKind.CHOICE && options != null ? Math.max(1, options.size()) : 1;
            return new Column(label, key, k, span == null ? defaultSpan : span, options, optionValues, f);
        }
    }

    private static List<Cell> cells(List<CellDoc> docs, List<String> problems) {
        List<Cell> out = new ArrayList<>();
        for (CellDoc d : nn(docs)) {
            if (d == null) {
                problems.add("empty cell entry");
                continue;
            }
            out.add(d.toCell(problems));
        }
        return out;
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String what, List<String> problems,
                                                   E fallback) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add("unknown " + what + " " + text);
            return fallback;
        }
    }
}
