package org.ybdesk.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * One 受理材料 line of an item: its number, the rulebook's name and, where given, when it applies.
 *
 * <ul>
 *   <li>no {@code condition}, no {@code requiredWhen}: always required (its absence blocks 受理);</li>
 *   <li>{@code requiredWhen}: required exactly when the intake values satisfy every clause (e.g. item 2's material 1
 *       when 人员类别 is 在职职工) and not required otherwise — decided by data, one mechanism for every item;</li>
 *   <li>a {@code condition} without {@code requiredWhen}: a circumstance the values cannot tell (「出国（境）定居的」):
 *       the clerk judges it; it does not block 受理.</li>
 * </ul>
 */
public record MaterialSpec(int no, String name, String condition, List<FieldCondition> requiredWhen) {
    public MaterialSpec {
        requiredWhen = requiredWhen == null ? null : List.copyOf(requiredWhen);
    }

    public MaterialSpec(int no, String name, String condition) {
        this(no, name, condition, null);
    }

    /** Whether this material must be received before 受理, given the case's intake values. */
    public boolean requiredFor(Map<String, String> intake) {
        if (requiredWhen != null) {
            return FieldCondition.all(requiredWhen, intake);
        }
        return condition == null;
    }

    /** Whether the values decide it (true) or the clerk judges the condition (false). */
    public boolean decidedByValues() {
        return requiredWhen != null || condition == null;
    }
}
