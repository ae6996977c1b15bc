package org.ybdesk.protocol.change;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Helpers the change records share: the orders their maps are written in, and conversions for the desk. */
public final class Changes {
    /**
     * Material numbers in number order ("2" before "10"), as the desk wrote its {@code Map<Integer, …>} with sorted
     * keys; keys that are not numbers (refused by the province) after the numbers.
     */
    static final Comparator<String> MATERIAL_ORDER = Comparator.comparing((String k) -> !k.matches("\\d+"))
            .thenComparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private Changes() {
    }

    /** The desk's materials (number → status enum) as a change carries them (number → status name). */
    public static Map<String, String> materialsOf(Map<Integer, ? extends Enum<?>> materials) {
        if (materials == null) {
            return null;
        }
        SortedMap<String, String> m = new TreeMap<>(MATERIAL_ORDER);
        materials.forEach((k, v) -> m.put(String.valueOf(k), v == null ? null : v.name()));
        return Collections.unmodifiableSortedMap(m);
    }

    static Map<String, String> materials(Map<String, String> materials) {
        if (materials == null) {
            return null;
        }
        SortedMap<String, String> m = new TreeMap<>(MATERIAL_ORDER);
        m.putAll(materials);
        return Collections.unmodifiableSortedMap(m);
    }

    /** A map in key order (the desk wrote its maps with sorted keys). */
    static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    static List<String> listOrNull(List<String> list) {
        return list == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
