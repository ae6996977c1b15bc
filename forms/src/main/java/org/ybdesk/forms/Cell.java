package org.ybdesk.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cell of a reference form: a label cell (the paper form's wording, {@code labelSpan} columns wide) and a value
 * cell ({@code span} columns) bound to field keys. For {@link CellKind#TEXT} the value part is the printed
 * {@code text}; for {@link CellKind#CHOICE} it is the boxes of {@code options}. An {@code inline} cell prints its label
 * inside the value cell (「姓名：________」) and has no separate label cell. Header and footer lines are cells too;
 * their spans carry no meaning.
 *
 * @param keys         field keys whose values are printed here, joined by a space (usually one)
 * @param alternatives whether {@code keys} are alternative names of one datum (items name it differently): only the
 *                     first key with a value is printed
 * @param optionValues case values that mean an option although spelled differently (「职工基本医疗保险」 → 「职工医保」)
 * @param multiple     whether several boxes may be ticked (values separated by 、 or commas)
 * @param prefix       printed before a non-blank value, e.g. ¥
 * @param hint         printed faintly in an empty value cell, from the paper form (e.g. 「省 市 区 县(市)」)
 * @param signLines    lines printed right-aligned at the bottom of the cell (「单位（盖章）」, 「年 月 日」)
 */
public record Cell(CellKind kind, String label, List<String> keys, boolean alternatives, String text,
                   int labelSpan, int span,
                   boolean inline, List<String> options, Map<String, String> optionValues, boolean multiple,
                   ValueFormat format, String prefix, String hint, List<String> signLines) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][A-Za-z0-9]*)}");

    public Cell {
        label = label == null ? "" : label;
        keys = keys == null ? List.of() : List.copyOf(keys);
        text = text == null ? "" : text;
        options = options == null ? List.of() : List.copyOf(options);
        optionValues = optionValues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(optionValues));
        format = format == null ? ValueFormat.PLAIN : format;
        prefix = prefix == null ? "" : prefix;
        hint = hint == null ? "" : hint;
        signLines = signLines == null ? List.of() : List.copyOf(signLines);
    }

    /** Columns taken in the section grid: label cell plus value cell. */
    public int width() {
        return labelSpan + span;
    }

    /** The first bound key, if any. */
    public Optional<String> key() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    /** Keys named as {@code {key}} placeholders in {@link #text()}. */
    public List<String> placeholders() {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Every key this cell prints: its {@link #keys()} and its text placeholders. */
    public List<String> boundKeys() {
        LinkedHashSet<String> all = new LinkedHashSet<>(keys);
        all.addAll(placeholders());
        return List.copyOf(all);
    }

    /** Whether the desk can put a value here (a field, a choice, or text with placeholders). */
    public boolean fillable() {
        return !boundKeys().isEmpty() && kind != CellKind.SIGN;
    }

    static Pattern placeholderPattern() {
        return PLACEHOLDER;
    }
}
