package org.ybdesk.core.registry;

import org.ybdesk.core.i18n.Messages;

/** 参保状态 of a person or unit: 参保, 暂停, 终止, 转出. */
public enum InsuredStatus {
    INSURED, SUSPENDED, TERMINATED,
    /** 转出: the relation moved to another pooling region by a 转移接续 (issue 13, D149). */
    TRANSFERRED_OUT;

    public String label() {
        return Messages.bundle("org.ybdesk.core.registry.insurance").get("status." + name());
    }

    public static InsuredStatus parse(String text) {
        String t = text == null ? "" : text.trim();
        for (InsuredStatus x : values()) {
            if (x.name().equalsIgnoreCase(t) || x.label().equals(t) || t.startsWith(x.label())) {
                return x;
            }
        }
        throw new IllegalArgumentException(
                Messages.bundle("org.ybdesk.core.registry.insurance").get("status.unknown", t));
    }
}
