package org.ybdesk.core.registry;

import java.util.Optional;
import org.ybdesk.core.i18n.Messages;

/**
 * Kinds of personal identity documents (证件类型) accepted at the counter.
 *
 * <p>Labels live in {@code org/ybdesk/core/registry/messages.properties}. No national-standard
 * codes are attached on purpose: the code lists in use (医保 {@code psn_cert_type}, GA/T 517, ...)
 * differ between systems, and a wrong code would be worse than none; map them where an interface
 * needs them.
 */
public enum IdType {
    /** 居民身份证: 18-character GB 11643-1999 citizen identity number. */
    RESIDENT_ID(true),
    /** 港澳台居民居住证: GB 11643-style number with prefix 810000 / 820000 / 830000. */
    HMT_RESIDENCE_PERMIT(true),
    /** 外国人永久居留身份证: 18 characters starting with 9 (2023 edition) or 15 (older editions). */
    FOREIGNER_PERMANENT_RESIDENCE(true),
    /** 港澳居民来往内地通行证: H/M + 8 digits (older: + 10 digits). */
    HK_MACAO_PASS(false),
    /** 台湾居民来往大陆通行证: 8 digits. */
    TAIWAN_PASS(false),
    /** 护照 (Chinese or foreign). */
    PASSPORT(false);

    static final String BUNDLE = "org.ybdesk.core.registry.messages";

    private final boolean gb11643Style;

    IdType(boolean gb11643Style) {
        this.gb11643Style = gb11643Style;
    }

    /** The Chinese name of the document type, e.g. 「居民身份证」. */
    public String label() {
        return Messages.bundle(BUNDLE).get("idType." + name());
    }

    /**
     * Whether numbers of this type may follow GB 11643 (birth date, gender digit, MOD 11-2 check).
     * For {@link #FOREIGNER_PERMANENT_RESIDENCE} that holds for the 2023 edition only.
     */
    public boolean isGb11643Style() {
        return gb11643Style;
    }

    /** The type whose {@link #label()} equals {@code label} (surrounding whitespace ignored). */
    public static Optional<IdType> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip();
        for (IdType type : values()) {
            if (type.label().equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
