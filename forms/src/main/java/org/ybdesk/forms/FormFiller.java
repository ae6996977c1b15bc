package org.ybdesk.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.validation.IdFacts;
import org.ybdesk.core.validation.Validators;

/** Puts a case's values on a reference form: the mapping from a case to the values printed on its table. */
public final class FormFiller {
    static final Messages TEXT = Messages.bundle("org.ybdesk.forms.messages");

    private FormFiller() {
    }

    /**
     * Fills {@code form} with {@code caseValues} (keyed by field key; detail rows as {@code key[i]}). Cells whose keys
     * have no value stay blank; nothing is invented.
     */
    public static FilledForm fill(ReferenceForm form, Map<String, String> caseValues) {
        Map<String, String> values = caseValues == null ? Map.of() : caseValues;
        List<FilledCell> header = form.header().stream().map(c -> fillCell(c, values)).toList();
        List<FilledSection> sections = new ArrayList<>();
        for (Section s : form.sections()) {
            List<List<FilledCell>> rows = s.rows().stream()
                    .map(r -> r.cells().stream().map(c -> fillCell(c, values)).toList()).toList();
            List<List<String>> tableRows = s.hasTable() ? fillTable(s.table(), values) : List.of();
            sections.add(new FilledSection(s, rows, tableRows));
        }
        List<FilledCell> footer = form.footer().stream().map(c -> fillCell(c, values)).toList();
        return new FilledForm(form, header, sections, footer);
    }

    /**
     * Fills {@code form} for a case of {@code item}: {@link #caseValues} first adds what the item implies, then
     * {@link #fill(ReferenceForm, Map)}.
     */
    public static FilledForm fill(ReferenceForm form, ServiceItem item, Map<String, String> caseValues) {
        return fill(form, caseValues(form, item, caseValues));
    }

    /**
     * The case's values plus what follows from the item and the values themselves, never overriding a given value:
     * the form's presets for the item (表9's 人员类别), the item name ({@link FormKeys#ITEM_NAME}), and 性别 and
     * 出生日期 read from a valid GB 11643-style {@code idNumber}.
     */
    public static Map<String, String> caseValues(ReferenceForm form, ServiceItem item, Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>(given == null ? Map.of() : given);
        form.presetsFor(item.no()).forEach(out::putIfAbsent);
        out.putIfAbsent(FormKeys.ITEM_NAME, item.name());
        String household = out.get("householdAddress");
        if (household != null && !household.isBlank() && form.keys().contains(AddressParts.REST)) {
            // 表3 prints the address in the appendix's sub-cells 省 | 市 | 区 | 县(市) | 乡镇(街道) 村(社区) (D159)
            AddressParts.split(household).forEach(out::putIfAbsent);
        }
        String id = out.get("idNumber");
        if (id != null && !id.isBlank()) {
            // the number was judged at intake on the desk's day; reading its facts for a form does not judge it again
            Optional<IdFacts> facts = Validators.idFacts(Validators.normalizeId(id), java.time.LocalDate.MAX);
            facts.ifPresent(f -> {
                out.putIfAbsent(FormKeys.GENDER, f.gender().label());
                out.putIfAbsent(FormKeys.BIRTH_DATE, f.birthDate().toString());
            });
        }
        return out;
    }

    private static FilledCell fillCell(Cell c, Map<String, String> values) {
        return switch (c.kind()) {
            // a signature place never gets a signature; one bound to a signer key names who signs (the agent, D141)
            case SIGN -> new FilledCell(c, c.keys().isEmpty() ? "" : format(values.get(c.keys().get(0)),
                    ValueFormat.PLAIN), List.of());
            case SEQ -> new FilledCell(c, "", List.of());
            case TEXT -> {
                String text = c.placeholders().isEmpty() ? "" : substitute(c.text(), values);
                String signer = c.keys().isEmpty() ? "" : format(values.get(c.keys().get(0)), ValueFormat.PLAIN);
                yield new FilledCell(c, signer.isEmpty() ? text
                        : (text.isEmpty() ? c.text() : text) + "\n" + signer, List.of());
            }
            case FIELD -> {
                List<String> parts = new ArrayList<>();
                for (String k : c.keys()) {
                    String v = format(values.get(k), c.format());
                    if (!v.isEmpty()) {
                        parts.add(v);
                        if (c.alternatives()) {
                            break;
                        }
                    }
                }
                String v = String.join(" ", parts);
                yield new FilledCell(c, v.isEmpty() ? "" : c.prefix() + v, List.of());
            }
            case CHOICE -> {
                String v = format(values.get(c.keys().get(0)), c.format());
                yield new FilledCell(c, v, selected(v, c.options(), c.optionValues(), c.multiple()));
            }
        };
    }

    private static List<List<String>> fillTable(DetailTable t, Map<String, String> values) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < t.rows(); r++) {
            List<String> row = new ArrayList<>();
            boolean any = false;
            for (Column c : t.columns()) {
                String v = "";
                if (c.fillable()) {
                    String raw = values.get(DetailTable.indexedKey(c.key(), r));
                    if (raw == null && r == 0) {
                        raw = values.get(c.key());
                    }
                    v = format(raw, c.format());
                    if (c.kind() == CellKind.CHOICE && !v.isEmpty()) {
                        List<String> sel = selected(v, c.options(), c.optionValues(), false);
                        v = sel.isEmpty() ? v : sel.get(0);
                    }
                    any |= !v.isEmpty();
                }
                row.add(v);
            }
            if (any) {
                for (int i = 0; i < t.columns().size(); i++) {
                    if (t.columns().get(i).kind() == CellKind.SEQ) {
                        row.set(i, String.valueOf(r + 1));
                    }
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The options a value ticks: the option itself, or its {@code optionValues} spelling; several if multiple. */
    static List<String> selected(String value, List<String> options, Map<String, String> optionValues,
                                 boolean multiple) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> wanted = multiple ? List.of(value.split("\\s*[,;\\u3001\\uff0c\\uff1b]\\s*")) : List.of(value);
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            String t = w.trim();
            String option = options.contains(t) ? t : optionValues.get(t);
            if (option != null && !out.contains(option)) {
                out.add(option);
            }
        }
        return out;
    }

    private static String substitute(String text, Map<String, String> values) {
        Matcher m = Cell.placeholderPattern().matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            // a blank as long as what is written there: 表11's ID number takes 18 hand-written digits (D159)
            String blank = TEXT.has("fill.blank." + m.group(1)) ? TEXT.get("fill.blank." + m.group(1))
                    : TEXT.get("fill.blank");
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null || v.isBlank() ? blank : v.trim()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A value as printed: trimmed; dates in the paper's 年月日 style when the cell asks for it and they parse. */
    static String format(String raw, ValueFormat format) {
        if (raw == null) {
            return "";
        }
        String v = raw.trim();
        if (v.isEmpty() || format == ValueFormat.PLAIN) {
            return v;
        }
        Optional<LocalDate> d = IntakeCheck.parseDate(v);
        if (d.isEmpty()) {
            return v;
        }
        LocalDate x = d.get();
        return format == ValueFormat.DATE
                ? TEXT.get("format.date", String.valueOf(x.getYear()), String.valueOf(x.getMonthValue()),
                        String.valueOf(x.getDayOfMonth()))
                : TEXT.get("format.yearMonth", String.valueOf(x.getYear()), String.valueOf(x.getMonthValue()));
    }
}
