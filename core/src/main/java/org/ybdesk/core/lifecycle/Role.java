package org.ybdesk.core.lifecycle;

import org.ybdesk.core.i18n.Messages;

/** Roles of the people who work a desk. A user may hold several. */
public enum Role {
    CLERK, REVIEWER, RECHECKER, FINANCE, HEAD, ADMIN, TRAINER;

    /** 窗口经办, 审核, 复核, 财务, 负责人, 管理员, 培训. */
    public String label() {
        return Messages.bundle(LifecycleTexts.BUNDLE).get("role." + name());
    }

    /** Accepts the code name or the Chinese label. */
    public static Role parse(String text) {
        String t = text.trim();
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(t) || r.label().equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException(Messages.bundle(LifecycleTexts.BUNDLE).get("role.unknown", t));
    }
}
