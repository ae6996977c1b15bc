package org.ybdesk.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * One 受理信息必填项 (or a part of one). {@code label} is the rulebook's exact wording; composite fields such as
 * 「法定代表人信息（姓名、证件类型及号码、电话）」 list their {@code parts}, and then the value lives in the parts.
 *
 * @param requiredWhen when present, the field is required exactly when every clause holds (overriding
 *                     {@code required}): item 2's 统一社会信用代码/单位编码 is not required of 灵活就业人员 (表2注)
 * @param defaultValue the value recorded when the field is left empty (item 3's 业务类型 is 新增 unless chosen)
 * @param fromForm     the number of the reference table a field comes from when the item's 受理信息必填项 do not
 *                     list it (表1's 原统一社会信用代码, 表3's 业务类型); null for the rulebook's own required fields
 */
public record FieldSpec(String key, String label, FieldType type, boolean required, List<String> options,
                        List<FieldSpec> parts, String hint, List<FieldCondition> requiredWhen, String defaultValue,
                        Integer fromForm) {
    public FieldSpec {
        options = options == null ? List.of() : List.copyOf(options);
        parts = parts == null ? List.of() : List.copyOf(parts);
        type = type == null ? FieldType.TEXT : type;
        requiredWhen = requiredWhen == null ? null : List.copyOf(requiredWhen);
    }

    public FieldSpec(String key, String label, FieldType type, boolean required, List<String> options,
                     List<FieldSpec> parts, String hint) {
        this(key, label, type, required, options, parts, hint, null, null, null);
    }

    public boolean composite() { return !parts.isEmpty(); }

    /** Whether a value must be given, considering the other values of the case (see {@code requiredWhen}). */
    public boolean requiredFor(Map<String, String> intake) {
        return requiredWhen == null ? required : FieldCondition.all(requiredWhen, intake);
    }
}
