package org.ybdesk.forms;

import java.util.List;

/**
 * A block of an intake form: a composite field with its parts (「法定代表人信息（姓名、证件类型及号码、电话）」, titled by
 * the composite's label), or a run of consecutive plain fields (untitled: {@code key} and {@code label} null).
 */
public record IntakeGroup(String key, String label, List<IntakeField> fields) {
    public IntakeGroup {
        fields = List.copyOf(fields);
    }

    public boolean composite() {
        return key != null;
    }
}
