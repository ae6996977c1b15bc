package org.ybdesk.core.validation;

import java.util.List;
import java.util.Optional;

/**
 * Codes of the medical-insurance e-voucher (医保电子凭证, seed 003: issued by the national platform, 「一人一码，一单位一码」,
 * shown as a QR code with its characters printed under it). The seed does not spell the code out; YB Desk reads it as
 * (D151): 32 characters — a kind letter ({@code E} a person's voucher, {@code U} a unit's), 30 characters and a check
 * character — from the set {@code 0–9 A–Z} without {@code I} and {@code O} (never confused with 1 and 0 when typed
 * from the printed line). A code therefore always starts with a letter and is never 15 or 18 characters long: an ID
 * number (15/18 characters, digits and X) or a credit code (18 characters) is never taken for a voucher, and a
 * mistyped ID number (17 or 19 digits, a wrong check digit) is never either — it starts with a digit.
 */
public final class VoucherCodes {
    /** A person's or a unit's voucher. */
    public enum Kind { PERSON, UNIT }

    public static final int LENGTH = 32;
    public static final char PERSON_LETTER = 'E';
    public static final char UNIT_LETTER = 'U';
    /** The characters a code is made of (34: digits and letters without I, O). */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private VoucherCodes() {
    }

    /** The kind of a well-formed code (after {@link Validators#normalizeId}); empty for anything else. */
    public static Optional<Kind> kind(String code) {
        if (code == null || code.length() != LENGTH) {
            return Optional.empty();
        }
        Kind k = switch (code.charAt(0)) {
            case PERSON_LETTER -> Kind.PERSON;
            case UNIT_LETTER -> Kind.UNIT;
            default -> null;
        };
        if (k == null) {
            return Optional.empty();
        }
        for (int i = 1; i < LENGTH; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return checkChar(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1) ? Optional.of(k)
                : Optional.empty();
    }

    /**
     * Whether the input was meant as a voucher code (a scan cut short, a character mistyped): it starts with the
     * letter {@code E} or {@code U} and is 24–40 letters and digits. Such an input gets the voucher's problems
     * ({@link #problems}), never an ID number's; an input starting with a digit is never one.
     */
    public static boolean meantAsVoucher(String code) {
        return code != null && code.length() >= 24 && code.length() <= 40
                && (code.charAt(0) == PERSON_LETTER || code.charAt(0) == UNIT_LETTER) && code.matches("[0-9A-Z]+");
    }

    /** What is wrong with a code meant as a voucher, in Chinese (empty when it is well-formed). */
    public static List<String> problems(String code) {
        String s = code == null ? "" : code;
        if (kind(s).isPresent()) {
            return List.of();
        }
        Problems p = new Problems();
        if (s.isEmpty()) {
            p.add("voucher.required");
            return p.list();
        }
        if (s.charAt(0) != PERSON_LETTER && s.charAt(0) != UNIT_LETTER) {
            p.add("voucher.letter", String.valueOf(s.charAt(0)));
        }
        if (s.length() != LENGTH) {
            p.add("voucher.length", s.length(), LENGTH);
        }
        List<Integer> bad = Problems.positionsWhere(s, i -> i > 0 && CHARSET.indexOf(s.charAt(i)) < 0);
        if (!bad.isEmpty()) {
            p.add("voucher.chars", Problems.positions(bad));
        }
        if (p.isEmpty()) {
            p.add("voucher.check");
        }
        return p.list();
    }

    /**
     * The check character of the first 31 characters: the sum of each character's index in {@link #CHARSET} times
     * its position (1-based), modulo 34, as a character of the set. Two neighbours swapped always change it, and
     * so do most single mistyped characters.
     */
    public static char checkChar(String first31) {
        if (first31 == null || first31.length() != LENGTH - 1) {
            throw new IllegalArgumentException("a voucher code has " + (LENGTH - 1) + " characters before its check");
        }
        long sum = 0;
        for (int i = 0; i < first31.length(); i++) {
            int v = CHARSET.indexOf(first31.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a voucher character: " + first31.charAt(i));
            }
            sum += (long) v * (i + 1);
        }
        return CHARSET.charAt((int) (sum % CHARSET.length()));
    }

    /** A well-formed code of {@code kind} with the 30 characters {@code body} (tests, the reference data). */
    public static String of(Kind kind, String body) {
        String first = (kind == Kind.PERSON ? PERSON_LETTER : UNIT_LETTER) + body;
        return first + checkChar(first);
    }
}
