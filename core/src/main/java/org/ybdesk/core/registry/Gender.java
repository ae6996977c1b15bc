package org.ybdesk.core.registry;

import java.util.Optional;
import org.ybdesk.core.i18n.Messages;

/** 性别 as recorded on identity documents. */
public enum Gender {
    MALE,
    FEMALE;

    /** The Chinese label, 「男」 or 「女」. */
    public String label() {
        return Messages.bundle(IdType.BUNDLE).get("gender." + name());
    }

    /**
     * The gender encoded by the sequence digit of a GB 11643-style number (the 17th character):
     * odd is male, even (including 0) is female.
     */
    public static Gender ofSequenceDigit(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("not a decimal digit: " + digit);
        }
        return digit % 2 == 1 ? MALE : FEMALE;
    }

    /** The gender whose {@link #label()} equals {@code label} (surrounding whitespace ignored). */
    public static Optional<Gender> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip();
        for (Gender g : values()) {
            if (g.label().equals(wanted)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
