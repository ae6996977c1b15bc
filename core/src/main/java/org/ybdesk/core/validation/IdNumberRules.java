package org.ybdesk.core.validation;

import static org.ybdesk.core.validation.Problems.allDigits;
import static org.ybdesk.core.validation.Problems.charsAt;
import static org.ybdesk.core.validation.Problems.isAsciiDigit;
import static org.ybdesk.core.validation.Problems.positions;
import static org.ybdesk.core.validation.Problems.positionsWhere;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;

/** Rules for personal identity document numbers; reached through {@link Validators}. */
final class IdNumberRules {
    private IdNumberRules() {
    }

    /** Prefixes of 港澳台居民居住证 numbers: Hong Kong, Macao, Taiwan. */
    static final Set<String> HMT_PERMIT_PREFIXES = Set.of("810000", "820000", "830000");

    private static final LocalDate EARLIEST_BIRTH = Validators.EARLIEST_USUAL_BIRTH;

    /** ISO 7064 MOD 11-2 weights (2^(18-i) mod 11) for positions 1–17 of GB 11643. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check character indexed by (weighted sum mod 11). */
    private static final String CHECK_CHARS = "10X98765432";

    static char checkChar(String first17) {
        if (first17 == null || first17.length() != 17 || !allDigits(first17)) {
            throw new IllegalArgumentException("expected exactly 17 ASCII digits, got: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    // ---------------------------------------------------------------- 居民身份证

    static List<String> resident(String raw, LocalDate today) {
        String label = IdType.RESIDENT_ID.label();
        if (Validators.isBlank(raw)) {
            return Problems.one("id.required", label);
        }
        String s = Validators.normalizeId(raw);
        if (s.length() == 15 && allDigits(s)) {
            // First-generation number (GB 11643-1989): no check digit, two-digit year. Not converted on
            // purpose: the holder has an 18-digit number on the current card, and that is what counts.
            return Problems.one("resident.oldFifteen");
        }
        Problems p = new Problems();
        if (s.length() != 18) {
            p.add("id.length", label, "18", String.valueOf(s.length()));
        }
        gbCharacters(p, label, s);
        if (s.length() != 18) {
            return p.list(); // fields and check digit cannot be located
        }
        if (HMT_PERMIT_PREFIXES.contains(s.substring(0, 6))) {
            p.add("id.wrongType", label, IdType.HMT_RESIDENCE_PERMIT.label());
        } else if (looksLikeNewForeignerId(s)) {
            p.add("id.wrongType", label, IdType.FOREIGNER_PERMANENT_RESIDENCE.label());
        } else if (allDigits(s.substring(0, 2)) && !Regions.isMainlandProvince(s.substring(0, 2))) {
            p.add("id.province", label, s.substring(0, 2));
        }
        birthDate(p, label, s, today);
        checkCharacter(p, label, s);
        return p.list();
    }

    /** 9 followed by a mainland province code: the 2023 外国人永久居留身份证 layout. */
    private static boolean looksLikeNewForeignerId(String s) {
        return s.charAt(0) == '9' && allDigits(s.substring(1, 3)) && Regions.isMainlandProvince(s.substring(1, 3));
    }

    // ---------------------------------------------------------------- 港澳台居民居住证

    static List<String> permit(String raw, LocalDate today) {
        String label = IdType.HMT_RESIDENCE_PERMIT.label();
        if (Validators.isBlank(raw)) {
            return Problems.one("id.required", label);
        }
        String s = Validators.normalizeId(raw);
        Problems p = new Problems();
        if (s.length() != 18) {
            p.add("id.length", label, "18", String.valueOf(s.length()));
        }
        gbCharacters(p, label, s);
        if (s.length() != 18) {
            return p.list();
        }
        if (!HMT_PERMIT_PREFIXES.contains(s.substring(0, 6))) {
            if (allDigits(s.substring(0, 2)) && Regions.isMainlandProvince(s.substring(0, 2))) {
                p.add("id.wrongType", label, IdType.RESIDENT_ID.label());
            } else if (looksLikeNewForeignerId(s)) {
                p.add("id.wrongType", label, IdType.FOREIGNER_PERMANENT_RESIDENCE.label());
            } else {
                p.add("permit.prefix");
            }
        }
        birthDate(p, label, s, today);
        checkCharacter(p, label, s);
        return p.list();
    }

    // ---------------------------------------------------------------- 外国人永久居留身份证

    /**
     * 2023 edition (issued from 2023-12-01): 18 characters, GB 11643-style: '9', two-digit province
     * code of the accepting office, three-digit numeric nationality code, birth date yyyyMMdd, three-digit
     * sequence (odd male, even female), MOD 11-2 check character.
     *
     * <p>Older editions (2004, 2017): 15 characters, three letters (ISO 3166-1 alpha-3 nationality) and
     * twelve digits. Only that much is published with certainty, plus that digits 4–5 are the province
     * of the accepting office. Public sources disagree on the rest (where the yyMMdd birth date sits,
     * whether and how the last digit is a check digit), so we check the structure and the province
     * only, rather than reject genuine cards.
     */
    static List<String> foreigner(String raw, LocalDate today) {
        String label = IdType.FOREIGNER_PERMANENT_RESIDENCE.label();
        if (Validators.isBlank(raw)) {
            return Problems.one("id.required", label);
        }
        String s = Validators.normalizeId(raw);
        Problems p = new Problems();
        boolean oldStyle = isAsciiLetter(s.charAt(0));
        if (s.length() != 15 && s.length() != 18) {
            p.add("foreigner.length", String.valueOf(s.length()));
            if (oldStyle) {
                oldForeignerCharacters(p, s);
            } else {
                gbCharacters(p, label, s);
            }
            return p.list();
        }
        if (s.length() == 15) {
            oldForeignerCharacters(p, s);
            String province = s.substring(3, 5);
            if (allDigits(province) && !Regions.isMainlandProvince(province)) {
                p.add("foreigner.oldProvince", province);
            }
            return p.list();
        }
        gbCharacters(p, label, s);
        if (s.charAt(0) != '9') {
            if (HMT_PERMIT_PREFIXES.contains(s.substring(0, 6))) {
                p.add("id.wrongType", label, IdType.HMT_RESIDENCE_PERMIT.label());
            } else if (allDigits(s.substring(0, 2)) && Regions.isMainlandProvince(s.substring(0, 2))) {
                p.add("id.wrongType", label, IdType.RESIDENT_ID.label());
            } else {
                p.add("foreigner.firstNine");
            }
        } else if (allDigits(s.substring(1, 3)) && !Regions.isMainlandProvince(s.substring(1, 3))) {
            p.add("foreigner.province", s.substring(1, 3));
        }
        birthDate(p, label, s, today);
        checkCharacter(p, label, s);
        return p.list();
    }

    private static void oldForeignerCharacters(Problems p, String s) {
        List<Integer> notLetters = positionsWhere(s, i -> i < 3 && !isAsciiLetter(s.charAt(i)));
        if (!notLetters.isEmpty()) {
            p.add("foreigner.oldLetters", positions(notLetters));
        }
        List<Integer> notDigits = positionsWhere(s, i -> i >= 3 && !isAsciiDigit(s.charAt(i)));
        if (!notDigits.isEmpty()) {
            p.add("foreigner.oldDigits", positions(notDigits), charsAt(s, notDigits));
        }
    }

    // ---------------------------------------------------------------- passes and passports

    /**
     * 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits on the card issued since 2013;
     * older ones carried 10 digits (the last two counting re-issues), still seen in records.
     */
    static List<String> hkMacaoPass(String raw) {
        String label = IdType.HK_MACAO_PASS.label();
        if (Validators.isBlank(raw)) {
            return Problems.one("id.required", label);
        }
        String s = Validators.normalizeId(raw);
        Problems p = new Problems();
        char first = s.charAt(0);
        int digitsFrom = isAsciiDigit(first) ? 0 : 1; // a missing letter is one problem, not a shifted number
        if (first != 'H' && first != 'M') {
            p.add("hkMacaoPass.first");
        }
        List<Integer> bad = positionsWhere(s, i -> i >= digitsFrom && !isAsciiDigit(s.charAt(i)));
        if (!bad.isEmpty()) {
            p.add("hkMacaoPass.digits", positions(bad), charsAt(s, bad));
        }
        int rest = s.length() - digitsFrom;
        if (rest != 8 && rest != 10) {
            p.add("hkMacaoPass.length", String.valueOf(rest));
        }
        return p.list();
    }

    /**
     * 台湾居民来往大陆通行证: 8 digits on the card issued since 2015. The older booklet numbers (with a
     * bracketed letter) have all expired, so they are not accepted.
     */
    static List<String> taiwanPass(String raw) {
        String label = IdType.TAIWAN_PASS.label();
        if (Validators.isBlank(raw)) {
            return Problems.one("id.required", label);
        }
        String s = Validators.normalizeId(raw);
        Problems p = new Problems();
        List<Integer> bad = positionsWhere(s, i -> !isAsciiDigit(s.charAt(i)));
        if (!bad.isEmpty()) {
            p.add("taiwanPass.digits", positions(bad), charsAt(s, bad));
        }
        if (s.length() != 8) {
            p.add("taiwanPass.length", String.valueOf(s.length()));
        }
        return p.list();
    }

    /** 护照 of any country: structure only, 5–17 letters or digits (ICAO allows up to 9, some states more). */
    static List<String> passport(String raw) {
        String label = IdType.PASSPORT.label();
        if (Validators.isBlank(raw)) {
            return Problems.one("id.required", label);
        }
        String s = Validators.normalizeId(raw);
        Problems p = new Problems();
        List<Integer> bad = positionsWhere(s, i -> !isAsciiDigit(s.charAt(i)) && !isAsciiLetter(s.charAt(i)));
        if (!bad.isEmpty()) {
            p.add("passport.illegalChars", positions(bad), charsAt(s, bad));
        }
        if (s.length() < 5 || s.length() > 17) {
            p.add("passport.length", String.valueOf(s.length()));
        }
        return p.list();
    }

    // ---------------------------------------------------------------- facts

    static Optional<IdFacts> facts(String raw, LocalDate today) {
        if (Validators.isBlank(raw)) {
            return Optional.empty();
        }
        String s = Validators.normalizeId(raw);
        if (s.length() != 18) {
            return Optional.empty();
        }
        boolean permit = HMT_PERMIT_PREFIXES.contains(s.substring(0, 6));
        boolean foreigner = s.charAt(0) == '9';
        List<String> problems = permit ? permit(s, today) : foreigner ? foreigner(s, today) : resident(s, today);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        LocalDate birth = LocalDate.of(
                Integer.parseInt(s.substring(6, 10)),
                Integer.parseInt(s.substring(10, 12)),
                Integer.parseInt(s.substring(12, 14)));
        Gender gender = Gender.ofSequenceDigit(s.charAt(16) - '0');
        String region = foreigner ? s.substring(1, 3) + "0000" : s.substring(0, 6);
        return Optional.of(new IdFacts(birth, gender, region));
    }

    // ---------------------------------------------------------------- shared GB 11643 pieces

    /**
     * Characters of a GB 11643-style number: digits, and X only as the check character (position 18,
     * or the last character when the length is wrong, so a missing digit is not reported twice).
     */
    private static void gbCharacters(Problems p, String label, String s) {
        List<Integer> bad = positionsWhere(s, i -> {
            char c = s.charAt(i);
            return !isAsciiDigit(c) && !(c == 'X' && (i == 17 || i == s.length() - 1));
        });
        if (!bad.isEmpty()) {
            p.add("id.illegalChars", label, positions(bad), charsAt(s, bad));
        }
    }

    /** Birth date in positions 7–14 (yyyyMMdd): a real date, from 1900-01-01 up to today. */
    private static void birthDate(Problems p, String label, String s, LocalDate today) {
        String digits = s.substring(6, 14);
        if (!allDigits(digits)) {
            return; // already reported as illegal characters
        }
        String year = digits.substring(0, 4);
        String month = digits.substring(4, 6);
        String day = digits.substring(6, 8);
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            p.add("id.birthDateInvalid", label, digits, "7", "14");
            return;
        }
        if (date.isAfter(today)) {
            p.add("id.birthDateFuture", label, year, month, day, "7", "14");
        }
        // before 1900: real people have such numbers; a warning (warnings below), not a refusal (D96)
    }

    /** Warnings for a number of {@code type} that has no problems: a birth date before 1900 (D96). */
    static List<String> warnings(IdType type, String raw) {
        String s = Validators.normalizeId(raw);
        boolean gbStyle = switch (type) {
            case RESIDENT_ID, HMT_RESIDENCE_PERMIT -> true;
            case FOREIGNER_PERMANENT_RESIDENCE -> s.length() == 18;
            default -> false;
        };
        if (!gbStyle || s.length() != 18) {
            return List.of();
        }
        LocalDate date = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                Integer.parseInt(s.substring(12, 14)));
        if (date.isBefore(EARLIEST_BIRTH)) {
            return Problems.one("id.birthDateEarly", type.label(), s.substring(6, 10), s.substring(10, 12),
                    s.substring(12, 14), "7", "14");
        }
        return List.of();
    }

    private static void checkCharacter(Problems p, String label, String s) {
        String body = s.substring(0, 17);
        char given = s.charAt(17);
        if (!allDigits(body) || !(isAsciiDigit(given) || given == 'X')) {
            return; // cannot compute; the characters were reported
        }
        char expected = checkChar(body);
        if (given != expected) {
            p.add("id.checkChar", label, String.valueOf(expected));
        }
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
