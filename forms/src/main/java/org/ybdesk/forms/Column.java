package org.ybdesk.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of a repeating detail table (e.g. the persons of a batch form). A {@link CellKind#CHOICE} column is
 * printed as one sub-column per option (业务类型: 增加 暂停 终止 …), ticked in the row's value.
 */
public record Column(String label, String key, CellKind kind, int span, List<String> options,
                     Map<String, String> optionValues, ValueFormat format) {
    public Column {
        label = label == null ? "" : label;
        options = options == null ? List.of() : List.copyOf(options);
        optionValues = optionValues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(optionValues));
        format = format == null ? ValueFormat.PLAIN : format;
    }

    public boolean fillable() {
        return key != null && (kind == CellKind.FIELD || kind == CellKind.CHOICE);
    }
}
