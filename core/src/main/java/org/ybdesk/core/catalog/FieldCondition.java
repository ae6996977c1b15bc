package org.ybdesk.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * One clause of a condition on intake values, written in catalog.yaml as
 * {@code {field: personCategory, values: [在职职工]}} (holds when the field's value is one of {@code values}) or
 * {@code {field: personCategory, notValues: [灵活就业人员]}} (holds when it is none of them; an empty value is none
 * of them). A list of clauses holds when every clause holds ({@link #all}).
 */
public record FieldCondition(String field, List<String> values, List<String> notValues) {
    public FieldCondition {
        values = values == null ? List.of() : List.copyOf(values);
        notValues = notValues == null ? List.of() : List.copyOf(notValues);
    }

    /** Whether the clause holds for the (normalized) intake values. */
    public boolean holds(Map<String, String> intake) {
        String v = intake.get(field);
        String value = v == null ? "" : v.trim();
        if (!values.isEmpty() && !values.contains(value)) {
            return false;
        }
        return !notValues.contains(value);
    }

    /** Whether every clause holds; an absent or empty list holds. */
    public static boolean all(List<FieldCondition> clauses, Map<String, String> intake) {
        return clauses == null || clauses.stream().allMatch(c -> c.holds(intake));
    }
}
