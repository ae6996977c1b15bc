package org.ybdesk.core.registry;

import java.util.Optional;
import org.ybdesk.core.i18n.Messages;

/** 人员类别 of an employee-insured person (item 2, 表2): 在职职工, 灵活就业人员, 退休人员. */
public enum PersonCategory {
    EMPLOYED, FLEXIBLE_EMPLOYMENT, RETIRED;

    public String label() {
        return Messages.bundle("org.ybdesk.core.registry.insurance").get("personCategory." + name());
    }

    /** The category whose label (as item 2's 人员类别 offers it) or code name is {@code text}. */
    public static Optional<PersonCategory> fromLabel(String text) {
        String t = text == null ? "" : text.trim();
        for (PersonCategory c : values()) {
            if (c.name().equalsIgnoreCase(t) || c.label().equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
