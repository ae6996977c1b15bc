package org.ybdesk.core.catalog;

import org.ybdesk.core.i18n.Messages;

/**
 * How a 受理材料 was obtained at intake: kept on paper, archived electronically, obtained by data sharing — or
 * missing, which blocks acceptance (the clerk asks for 补正 or refuses).
 */
public enum MaterialStatus {
    PAPER, ELECTRONIC, SHARED_DATA, MISSING;

    /** Whether the material is in hand (on paper, archived electronically or obtained by data sharing). */
    public boolean received() {
        return this != MISSING;
    }

    /**
     * The materials gate, the one place it is written (D14, D92): a material that is {@code required} (by the item,
     * or by the case's values) and not received blocks 受理. A material not required never blocks.
     */
    public boolean blocksAcceptance(boolean required) {
        return required && !received();
    }

    public String label() {
        return Messages.bundle("org.ybdesk.core.catalog.messages").get("material." + name());
    }

    public static MaterialStatus parse(String text) {
        String t = text.trim();
        for (MaterialStatus s : values()) {
            if (s.name().equalsIgnoreCase(t.replace('-', '_')) || s.label().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                Messages.bundle("org.ybdesk.core.catalog.messages").get("material.unknown", t));
    }
}
