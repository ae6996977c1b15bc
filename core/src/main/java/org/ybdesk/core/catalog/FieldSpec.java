package org.ybdesk.core.catalog;

import java.util.List;

/**
 * One 受理信息必填项 (or a part of one). {@code label} is the rulebook's exact wording; composite fields such as
 * 「法定代表人信息（姓名、证件类型及号码、电话）」 list their {@code parts}, and then the value lives in the parts.
 */
public record FieldSpec(String key, String label, FieldType type, boolean required, List<String> options,
                        List<FieldSpec> parts, String hint) {
    public FieldSpec {
        options = options == null ? List.of() : List.copyOf(options);
        parts = parts == null ? List.of() : List.copyOf(parts);
        type = type == null ? FieldType.TEXT : type;
    }

    public boolean composite() { return !parts.isEmpty(); }
}
