package org.ybdesk.launcher.cli;

import org.ybdesk.core.registry.IdType;

/** Parses an ID type given on the command line: code name (RESIDENT_ID) or label (居民身份证). */
final class IdTypes {
    private IdTypes() {
    }

    static IdType parse(String text) {
        String t = text.trim();
        for (IdType x : IdType.values()) {
            if (x.name().equalsIgnoreCase(t.replace('-', '_'))) {
                return x;
            }
        }
        return IdType.fromLabel(t).orElseThrow(() -> new IllegalArgumentException(Out.t("idtype.unknown", t)));
    }
}
