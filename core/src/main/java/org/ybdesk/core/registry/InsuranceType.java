package org.ybdesk.core.registry;

import org.ybdesk.core.i18n.Messages;

/** 险种: 职工医保 or 城乡居民医保. Flexibly employed persons (灵活就业人员) are insured as EMPLOYEE. */
public enum InsuranceType {
    EMPLOYEE, RESIDENT;

    public String label() {
        return Messages.bundle("org.ybdesk.core.registry.insurance").get("insuranceType." + name());
    }

    /** Accepts the code name, the short label (职工/城乡居民) or the full label. */
    public static InsuranceType parse(String text) {
        String t = text == null ? "" : text.trim();
        for (InsuranceType x : values()) {
            if (x.name().equalsIgnoreCase(t) || x.label().equals(t) || t.startsWith(x.label())) {
                return x;
            }
        }
        for (InsuranceType x : values()) {
            if (t.contains(x.label())) {
                return x;
            }
        }
        throw new IllegalArgumentException(
                Messages.bundle("org.ybdesk.core.registry.insurance").get("insuranceType.unknown", t));
    }
}
