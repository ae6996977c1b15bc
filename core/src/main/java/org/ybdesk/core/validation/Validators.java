package org.ybdesk.core.validation;

import static org.ybdesk.core.validation.Problems.allDigits;
import static org.ybdesk.core.validation.Problems.charsAt;
import static org.ybdesk.core.validation.Problems.isAsciiDigit;
import static org.ybdesk.core.validation.Problems.positions;
import static org.ybdesk.core.validation.Problems.positionsWhere;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ybdesk.core.registry.IdType;

/**
 * Field validators for the counter forms.
 *
 * <p>Every validator returns the list of problems found, in Simplified Chinese and ready to show
 * (an empty list means valid). All problems are reported at once; checks that depend on a part that
 * is already wrong (for example the check digit when the length is wrong) are skipped rather than
 * reported as follow-up noise. Input is taken as typed: surrounding whitespace, spaces inside the
 * number, full-width characters (１２３, Ｘ) and lowercase letters are tolerated. A blank input gives a
 * single 「请填写…」 problem.
 *
 * <p>Validators that look at birth dates take {@code today}: the caller's day from its {@link java.time.Clock} (the
 * desk's, the command line's, the server's), never the system's, so that every check passes or fails alike on any
 * day the tests run.
 */
public final class Validators {
    /** The zone in which 「today」 is taken for birth-date checks. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Validators() {
    }

    // ================================================================ normalisation

    /**
     * An identity number or code as it should be stored: full-width characters made half-width,
     * all whitespace removed, letters upper-cased (so a lowercase check character x becomes X).
     * {@code null} gives the empty string.
     */
    public static String normalizeId(String raw) {
        String s = halfWidth(raw);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return out.toString();
    }

    /** Full-width ASCII variants (U+FF01–U+FF5E) to ASCII, ideographic space to space; null to "". */
    static String halfWidth(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isBlank(String raw) {
        return normalizeId(raw).isEmpty();
    }

    // ================================================================ identity numbers

    /**
     * 居民身份证 (GB 11643-1999): 17 digits and a check character (0–9 or X, MOD 11-2); positions 1–2 a
     * mainland province code; positions 7–14 a real birth date not after today (before 1900: a warning, D96). A
     * 15-digit first-generation number is reported as no longer accepted. Numbers that are clearly
     * of another type (810000/820000/830000…, or starting with 9) get a hint to change the type. {@code today} is the
     * desk's day (its Clock): a birth date after it is refused.
     */
    public static List<String> residentId(String raw, LocalDate today) {
        return IdNumberRules.resident(raw, today);
    }

    /** 港澳台居民居住证: like a 居民身份证 number, but starting with 810000, 820000 or 830000; {@code today} as above. */
    public static List<String> residencePermit(String raw, LocalDate today) {
        return IdNumberRules.permit(raw, today);
    }

    /**
     * 外国人永久居留身份证: the 2023 edition (18 characters: 9, province, nationality, birth date,
     * sequence, MOD 11-2 check) fully; the older 15-character edition (3 letters + 12 digits) for its
     * structure and accepting province only. {@code today} as above.
     */
    public static List<String> foreignerPermanentId(String raw, LocalDate today) {
        return IdNumberRules.foreigner(raw, today);
    }

    /** The number checked by the rules of its document type; a missing type is one problem. */
    public static List<String> idNumber(IdType type, String raw, LocalDate today) {
        if (type == null) {
            return Problems.one("idType.missing");
        }
        return switch (type) {
            case RESIDENT_ID -> residentId(raw, today);
            case HMT_RESIDENCE_PERMIT -> residencePermit(raw, today);
            case FOREIGNER_PERMANENT_RESIDENCE -> foreignerPermanentId(raw, today);
            case HK_MACAO_PASS -> IdNumberRules.hkMacaoPass(raw);
            case TAIWAN_PASS -> IdNumberRules.taiwanPass(raw);
            case PASSPORT -> IdNumberRules.passport(raw);
        };
    }

    /**
     * What the clerk must confirm about a number {@link #idNumber(IdType, String, LocalDate)} accepts: a birth date
     * before 1900-01-01 in a 居民身份证, 港澳台居民居住证 or 2023 外国人永久居留身份证 number (D96).
     */
    public static List<String> idNumberWarnings(IdType type, String raw, LocalDate today) {
        if (type == null || !idNumber(type, raw, today).isEmpty()) {
            return List.of();
        }
        return IdNumberRules.warnings(type, raw);
    }

    /**
     * Birth date, gender and region of a valid 18-character 居民身份证, 港澳台居民居住证 or 2023
     * 外国人永久居留身份证 number (the type is recognised from the number); empty when the number
     * is not valid or not of those kinds. {@code today} is the desk's day (its Clock).
     */
    public static Optional<IdFacts> idFacts(String idNumber, LocalDate today) {
        return IdNumberRules.facts(idNumber, today);
    }

    /**
     * The GB 11643 check character (0–9 or X) for the first 17 digits of a 居民身份证, 港澳台居民居住证
     * or 2023 外国人永久居留身份证 number.
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 ASCII digits
     */
    public static char residentIdCheckChar(String first17) {
        return IdNumberRules.checkChar(first17);
    }

    // ================================================================ organisations

    /** 统一社会信用代码 (GB 32100-2015): character set, authority and type codes, division, check character. */
    public static List<String> creditCode(String raw) {
        return CreditCodeRules.validate(raw);
    }

    /**
     * The GB 32100 check character for the first 17 characters of a 统一社会信用代码.
     *
     * @throws IllegalArgumentException unless {@code first17} is 17 characters of the code's set
     *                                  (digits and upper-case letters except I, O, Z, S, V)
     */
    public static char creditCodeCheckChar(String first17) {
        return CreditCodeRules.checkChar(first17);
    }

    // ================================================================ phones

    /**
     * 手机号码: 11 digits, 1 then 3–9. A +86, 0086 or 86 country code, spaces, hyphens and brackets
     * are tolerated.
     */
    public static List<String> mobilePhone(String raw) {
        return PhoneRules.mobile(raw);
    }

    /** The bare 11-digit form of a valid mobile number, e.g. 「+86 138-0013-8000」 → 「13800138000」. */
    public static Optional<String> normalizeMobile(String raw) {
        return PhoneRules.normalizeMobile(raw);
    }

    /**
     * 联系电话: a mobile number, or a landline with area code (010, 02X, or 4 digits 03XX–09XX) and a
     * 7–8 digit local number not starting with 0, written e.g. 0451-12345678, 045112345678, (0451)12345678,
     * +86 451 12345678, optionally followed by an extension (转801, -801, ext 801, #801).
     */
    public static List<String> landlineOrMobile(String raw) {
        return PhoneRules.landlineOrMobile(raw);
    }

    // ================================================================ bank

    /**
     * Personal bank card number: 12–19 digits, spaces and hyphens tolerated. These are refusals; whether the number
     * passes the Luhn check is a warning ({@link #bankCardWarnings}), since real Chinese debit cards fail it.
     */
    public static List<String> bankCard(String raw) {
        if (isBlank(raw)) {
            return Problems.one("bankCard.required");
        }
        String s = bankDigits(raw);
        Problems p = new Problems();
        List<Integer> bad = positionsWhere(s, i -> !isAsciiDigit(s.charAt(i)));
        if (!bad.isEmpty()) {
            p.add("bankCard.illegalChars", positions(bad), charsAt(s, bad));
        }
        if (s.length() < 12 || s.length() > 19) {
            p.add("bankCard.length", String.valueOf(s.length()));
        }
        return p.list();
    }

    /**
     * What the clerk must confirm about a personal bank card number that {@link #bankCard} accepts: a card number
     * (16–19 digits, any prefix) that fails the Luhn check (ISO/IEC 7812). Some banks' real debit cards fail it, so
     * it is never a refusal (D94). Shorter numbers (passbooks, old accounts) carry no Luhn digit.
     */
    public static List<String> bankCardWarnings(String raw) {
        if (!bankCard(raw).isEmpty()) {
            return List.of();
        }
        String s = bankDigits(raw);
        if (s.length() >= 16 && !luhnValid(s)) {
            return Problems.one("bankCard.luhn");
        }
        return List.of();
    }

    /** As {@link #bankCardWarnings}, for an account: corporate accounts carry no Luhn digit, so none. */
    public static List<String> bankAccountWarnings(String raw, boolean corporate) {
        return corporate ? List.of() : bankCardWarnings(raw);
    }

    /**
     * A bank account for payments. Personal accounts are checked as {@link #bankCard(String)}.
     * Corporate accounts (对公账户) are bank-internal account numbers, not card numbers: they carry no
     * Luhn digit and their length varies by bank, so only 8–30 digits are required.
     */
    public static List<String> bankAccount(String raw, boolean corporate) {
        if (!corporate) {
            return bankCard(raw);
        }
        if (isBlank(raw)) {
            return Problems.one("bankAccount.required");
        }
        String s = bankDigits(raw);
        Problems p = new Problems();
        List<Integer> bad = positionsWhere(s, i -> !isAsciiDigit(s.charAt(i)));
        if (!bad.isEmpty()) {
            p.add("bankAccount.illegalChars", positions(bad), charsAt(s, bad));
        }
        if (s.length() < 8 || s.length() > 30) {
            p.add("bankAccount.corporateLength", String.valueOf(s.length()));
        }
        return p.list();
    }

    private static String bankDigits(String raw) {
        return normalizeId(raw).replace("-", "");
    }

    /** Whether a digit string passes the Luhn (mod 10) check, its last digit being the check digit. */
    public static boolean luhnValid(String digits) {
        if (digits == null || digits.length() < 2 || !allDigits(digits)) {
            return false;
        }
        return luhnSum(digits, false) % 10 == 0;
    }

    /**
     * The Luhn check digit to append to {@code payload}.
     *
     * @throws IllegalArgumentException unless {@code payload} is one or more ASCII digits
     */
    public static char luhnCheckDigit(String payload) {
        if (payload == null || payload.isEmpty() || !allDigits(payload)) {
            throw new IllegalArgumentException("expected ASCII digits, got: " + payload);
        }
        return (char) ('0' + (10 - luhnSum(payload, true) % 10) % 10);
    }

    /** Luhn sum; digits are doubled from the right, starting with the last one if {@code doubleLast}. */
    private static int luhnSum(String digits, boolean doubleLast) {
        int sum = 0;
        boolean doubled = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }

    // ================================================================ places

    /**
     * 行政区划代码 (GB/T 2260 / 医保区划): 6 digits whose first two are a province-level code
     * (mainland, or 71/81/82 for Taiwan, Hong Kong, Macao); so 000000 is not valid. These are refusals; whether
     * the code is in the current list is a warning ({@link #adminDivisionWarnings}).
     */
    public static List<String> adminDivision(String raw) {
        if (isBlank(raw)) {
            return Problems.one("division.required");
        }
        String s = normalizeId(raw);
        Problems p = new Problems();
        List<Integer> bad = positionsWhere(s, i -> !isAsciiDigit(s.charAt(i)));
        if (!bad.isEmpty()) {
            p.add("division.illegalChars", positions(bad), charsAt(s, bad));
        }
        if (s.length() != 6) {
            p.add("division.length", String.valueOf(s.length()));
        }
        if (s.length() >= 2 && allDigits(s.substring(0, 2)) && !Regions.isProvince(s.substring(0, 2))) {
            p.add("division.province", s.substring(0, 2));
        }
        return p.list();
    }

    /**
     * What the clerk must confirm about a code {@link #adminDivision} accepts (D95): a code that is not in the list
     * of {@link AdminDivisions} (the list may be older than reality), or an abolished code, named with its
     * successor.
     */
    public static List<String> adminDivisionWarnings(String raw) {
        if (!adminDivision(raw).isEmpty()) {
            return List.of();
        }
        String s = normalizeId(raw);
        Optional<AdminDivisions.Division> d = AdminDivisions.find(s);
        if (d.isEmpty()) {
            return Problems.one("division.unknown", s, AdminDivisions.version());
        }
        if (!d.get().abolished()) {
            return List.of();
        }
        String year = d.get().year() == 0 ? "" : Problems.MESSAGES.get("division.abolishedYear",
                String.valueOf(d.get().year()));
        if (d.get().successor().isEmpty()) {
            return Problems.one("division.abolishedSplit", s, d.get().name(), year);
        }
        String next = d.get().successor();
        return Problems.one("division.abolished", s, d.get().name(), year, next,
                AdminDivisions.name(next).orElse(""));
    }

    // ================================================================ dates

    /** The earliest birth date that needs no confirmation (D96). */
    public static final LocalDate EARLIEST_USUAL_BIRTH = LocalDate.of(1900, 1, 1);

    /** A birth date typed in a form: a date after today is refused ({@code label} names the field). */
    public static List<String> birthDate(String label, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            return Problems.one("birthDate.future", label, chineseDate(date));
        }
        return List.of();
    }

    /** A birth date before 1900-01-01 is possible (D96) but unusual: the clerk confirms it. */
    public static List<String> birthDateWarnings(String label, LocalDate date) {
        if (date != null && date.isBefore(EARLIEST_USUAL_BIRTH)) {
            return Problems.one("birthDate.early", label, chineseDate(date));
        }
        return List.of();
    }

    private static String chineseDate(LocalDate d) {
        return Problems.MESSAGES.get("date.chinese", String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()),
                String.valueOf(d.getDayOfMonth()));
    }

    /** 邮政编码: 6 digits; mainland postal codes start with 0–8. */
    public static List<String> postalCode(String raw) {
        if (isBlank(raw)) {
            return Problems.one("postalCode.required");
        }
        String s = normalizeId(raw);
        Problems p = new Problems();
        List<Integer> bad = positionsWhere(s, i -> !isAsciiDigit(s.charAt(i)));
        if (!bad.isEmpty()) {
            p.add("postalCode.illegalChars", positions(bad), charsAt(s, bad));
        }
        if (s.length() != 6) {
            p.add("postalCode.length", String.valueOf(s.length()));
        }
        if (s.charAt(0) == '9') {
            p.add("postalCode.firstDigit");
        }
        return p.list();
    }
}
