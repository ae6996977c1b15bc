package org.ybdesk.core.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ybdesk.core.money.Money;

/**
 * Input hygiene: the one place that decides whether a text, a date or an amount typed by a person (or passed on a
 * command line, or received from elsewhere) may enter the desk. Every check returns its problems in Simplified
 * Chinese, each naming the field by its label and saying what to fix; an empty list means the value may be stored.
 *
 * <p><b>Texts.</b> Refused anywhere in a value: NUL and every other C0/C1 control character (tab, line feed and
 * carriage return only in {@link #lines multi-line} texts such as notes and reasons), DEL, the line and paragraph
 * separators U+2028/U+2029, the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), the zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and every other invisible
 * formatting character (Unicode category Cf), unpaired surrogates, and the noncharacters U+FFFE/U+FFFF. Ordinary
 * spaces around the value are ignored (the stored form is {@link #tidy}). Every Chinese character is allowed, rare
 * ones too (U+4DAE 䶮 of Extension A, Extension B and beyond as surrogate pairs), and so is the middle dot of
 * transliterated names (阿卜杜·热合曼).
 *
 * <p><b>Lengths</b> are counted as the database counts them (UTF-16 units: a character outside the Basic Multilingual
 * Plane counts twice), so a value that passes always fits its column; {@link FieldLimits} holds the column sizes.
 *
 * <p><b>Dates</b> are parsed strictly: 2026-02-30 and 20260230 are refused, never moved to 2026-02-28.
 *
 * <p><b>Amounts of money paid</b> must be greater than zero and at most {@link #MAX_PAID} (1 亿元).
 */
public final class InputHygiene {
    /** The largest amount accepted as paid, declared or reconciled in one case: 1 亿元. */
    public static final Money MAX_PAID = Money.ofFen(100_000_000L * 100);

    /** Strict ISO date, year of era-less proleptic calendar ({@code uuuu}): 2026-02-30 is an error, not 02-28. */
    public static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Strict compact date: 20260230 is an error. */
    public static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern DASHED = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** At most this many positions are named in one message. */
    private static final int MAX_POSITIONS = 5;

    private InputHygiene() {
    }

    /** What is wrong with one character. */
    private enum Flaw {
        NUL("hygiene.nul"), CONTROL("hygiene.control"), BIDI("hygiene.bidi"), ZERO_WIDTH("hygiene.zeroWidth"),
        FORMAT("hygiene.format"), SURROGATE("hygiene.surrogate"), NONCHARACTER("hygiene.nonCharacter");

        final String key;

        Flaw(String key) {
            this.key = key;
        }
    }

    // ================================================================ texts

    /**
     * A single-line text (name, address, channel, file name …): the problems of {@code value} for the field
     * {@code label}, at most {@code maxLength} long. A null or blank value has no problems (whether the field is
     * required is the caller's rule; see {@link #requiredLine}).
     */
    public static List<String> line(String label, String value, int maxLength) {
        return check(label, value, maxLength, false);
    }

    /** As {@link #line}, and a blank value is a problem too (「请填写…」). */
    public static List<String> requiredLine(String label, String value, int maxLength) {
        if (value == null || tidy(value).isEmpty() && !hasFlaw(value, false)) {
            return List.of(Problems.MESSAGES.get("hygiene.required", label));
        }
        return line(label, value, maxLength);
    }

    /** A multi-line text (note, reason, remark): as {@link #line}, but tabs and line breaks are allowed. */
    public static List<String> lines(String label, String value, int maxLength) {
        return check(label, value, maxLength, true);
    }

    /** Whether {@code value} passes {@link #line} with no length limit. */
    public static boolean isCleanLine(String value) {
        return value == null || !hasFlaw(value, false);
    }

    /**
     * The form to store: ordinary spaces, tabs, line breaks and ideographic spaces around the value removed (inside
     * it nothing changes); null stays null. Unlike {@link String#trim()} it never removes NUL or other control
     * characters, which must be refused rather than silently dropped.
     */
    public static String tidy(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isOrdinarySpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isOrdinarySpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** {@link #tidy}, and a blank value becomes null. */
    public static String tidyOrNull(String value) {
        String t = tidy(value);
        return t == null || t.isEmpty() ? null : t;
    }

    /**
     * The value with every refused character shown as its code (「张<U+202E>三」), for echoing hostile input back to
     * a person or into a log without letting it reorder or hide the surrounding text.
     */
    public static String visible(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int width = Character.charCount(cp);
            if (flaw(value, i, true) != null) {
                out.append(Problems.MESSAGES.get("hygiene.visible", code(value, i)));
            } else {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean isOrdinarySpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
    }

    private static List<String> check(String label, String value, int maxLength, boolean multiLine) {
        if (value == null) {
            return List.of();
        }
        String v = tidy(value);
        List<String> problems = new ArrayList<>();
        // positions (1-based, counted in characters as a person sees them) and codes, per kind of flaw
        List<List<String>> positions = new ArrayList<>();
        List<List<String>> codes = new ArrayList<>();
        for (int k = 0; k < Flaw.values().length; k++) {
            positions.add(new ArrayList<>());
            codes.add(new ArrayList<>());
        }
        int seen = 0;
        for (int i = 0; i < v.length(); ) {
            seen++;
            Flaw f = flaw(v, i, !multiLine);
            if (f != null) {
                positions.get(f.ordinal()).add(String.valueOf(seen));
                String code = code(v, i);
                if (!codes.get(f.ordinal()).contains(code)) {
                    codes.get(f.ordinal()).add(code);
                }
            }
            i += Character.isHighSurrogate(v.charAt(i)) && i + 1 < v.length()
                    && Character.isLowSurrogate(v.charAt(i + 1)) ? 2 : 1;
        }
        for (Flaw f : Flaw.values()) {
            List<String> at = positions.get(f.ordinal());
            if (!at.isEmpty()) {
                problems.add(Problems.MESSAGES.get(f.key, label, cut(at), cut(codes.get(f.ordinal()))));
            }
        }
        if (v.length() > maxLength) {
            problems.add(Problems.MESSAGES.get("hygiene.tooLong", label, String.valueOf(maxLength),
                    String.valueOf(v.length())));
        }
        return problems;
    }

    private static String cut(List<String> items) {
        String separator = Problems.MESSAGES.get("list.separator");
        if (items.size() <= MAX_POSITIONS) {
            return String.join(separator, items);
        }
        return Problems.MESSAGES.get("list.more", String.join(separator, items.subList(0, MAX_POSITIONS)));
    }

    private static boolean hasFlaw(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            if (flaw(value, i, !multiLine) != null) {
                return true;
            }
        }
        return false;
    }

    /** U+202E, or U+D800 for a lone surrogate. */
    private static String code(String s, int i) {
        char c = s.charAt(i);
        int cp = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                ? s.codePointAt(i) : c;
        return String.format("U+%04X", cp);
    }

    /** The flaw of the character starting at {@code i}, or null when it may be stored. */
    private static Flaw flaw(String s, int i, boolean singleLine) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    ? flawOf(s.codePointAt(i), singleLine) : Flaw.SURROGATE;
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) ? null : Flaw.SURROGATE;
        }
        return flawOf(c, singleLine);
    }

    private static Flaw flawOf(int cp, boolean singleLine) {
        if (cp == 0) {
            return Flaw.NUL;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return singleLine ? Flaw.CONTROL : null;
        }
        if (cp < 0x20 || cp >= 0x7F && cp <= 0x9F || cp == 0x2028 || cp == 0x2029) {
            return Flaw.CONTROL;
        }
        if (cp == 0x061C || cp == 0x200E || cp == 0x200F || cp >= 0x202A && cp <= 0x202E
                || cp >= 0x2066 && cp <= 0x2069) {
            return Flaw.BIDI;
        }
        if (cp >= 0x200B && cp <= 0x200D || cp == 0x2060 || cp == 0xFEFF) {
            return Flaw.ZERO_WIDTH;
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return Flaw.FORMAT;
        }
        if ((cp & 0xFFFE) == 0xFFFE || cp >= 0xFDD0 && cp <= 0xFDEF) {
            return Flaw.NONCHARACTER;
        }
        return null;
    }

    // ================================================================ dates

    /** A date, or the problems that keep it from being one. */
    public record DateResult(LocalDate date, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public Optional<LocalDate> value() {
            return Optional.ofNullable(date);
        }
    }

    /**
     * Parses a date as people type it — 2026-11-25, 2026/11/25, 2026.11.25, 20261125, 2026年11月25日 — strictly:
     * a day that does not exist (2026-02-30, 20260230, 2026-13-01) is refused with a message saying why, never
     * moved to a nearby day. A blank text is 「请填写…」.
     */
    public static DateResult date(String label, String text) {
        if (text == null || tidy(text).isEmpty()) {
            return new DateResult(null, List.of(Problems.MESSAGES.get("hygiene.required", label)));
        }
        List<String> flaws = line(label, text, 40);
        if (!flaws.isEmpty()) {
            return new DateResult(null, flaws);
        }
        String t = Validators.halfWidth(tidy(text)).strip().replace('/', '-').replace('.', '-');
        for (String sep : Problems.MESSAGES.get("hygiene.dateSeparators").split(",")) {
            t = t.replace(sep, "-");
        }
        if (t.endsWith("-")) {
            t = t.substring(0, t.length() - 1);
        }
        Matcher m = DASHED.matcher(t);
        if (!m.matches()) {
            m = COMPACT.matcher(t);
        }
        if (!m.matches()) {
            return new DateResult(null, List.of(Problems.MESSAGES.get("hygiene.dateFormat", label,
                    visible(tidy(text)))));
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        String iso = String.format("%04d-%02d-%02d", year, month, day);
        try {
            return new DateResult(LocalDate.parse(iso, ISO_DATE), List.of());
        } catch (DateTimeParseException e) {
            String shown = visible(tidy(text));
            if (month < 1 || month > 12) {
                return new DateResult(null, List.of(Problems.MESSAGES.get("hygiene.dateMonth", label, shown,
                        String.valueOf(month))));
            }
            int last = YearMonth.of(year, month).lengthOfMonth();
            return new DateResult(null, List.of(Problems.MESSAGES.get("hygiene.dateDay", label, shown,
                    String.valueOf(year), String.valueOf(month), String.valueOf(last))));
        } catch (DateTimeException e) {
            return new DateResult(null, List.of(Problems.MESSAGES.get("hygiene.dateFormat", label,
                    visible(tidy(text)))));
        }
    }

    /** {@link #date} without a label: the date, or empty when the text is not a real date. */
    public static Optional<LocalDate> parseDate(String text) {
        return date("", text).value();
    }

    // ================================================================ money

    /**
     * An amount of money paid, declared, reconciled, reimbursed or withdrawn: it must be given, greater than zero
     * and at most {@link #MAX_PAID}.
     */
    public static List<String> paidAmount(String label, Money amount) {
        if (amount == null) {
            return List.of(Problems.MESSAGES.get("hygiene.amountMissing", label));
        }
        if (amount.fen() <= 0) {
            return List.of(Problems.MESSAGES.get("hygiene.amountPositive", label, amount.toYuanString()));
        }
        if (amount.compareTo(MAX_PAID) > 0) {
            return List.of(Problems.MESSAGES.get("hygiene.amountTooLarge", label, amount.toYuanString(),
                    MAX_PAID.toYuanString()));
        }
        return List.of();
    }

    /**
     * A paid amount typed as yuan (digits, at most two decimals, thousands commas and ¥ tolerated): the amount, or
     * the problems (not a number, zero, negative, over the limit).
     */
    public static AmountResult paidYuan(String label, String yuan) {
        if (yuan == null || tidy(yuan).isEmpty()) {
            return new AmountResult(null, List.of(Problems.MESSAGES.get("hygiene.amountMissing", label)));
        }
        List<String> flaws = line(label, yuan, 40);
        if (!flaws.isEmpty()) {
            return new AmountResult(null, flaws);
        }
        Optional<Money> m = Money.parseYuan(Validators.halfWidth(tidy(yuan)));
        if (m.isEmpty()) {
            return new AmountResult(null, List.of(Problems.MESSAGES.get("hygiene.amountFormat", label,
                    visible(tidy(yuan)))));
        }
        List<String> p = paidAmount(label, m.get());
        return new AmountResult(p.isEmpty() ? m.get() : null, p);
    }

    /** An amount, or the problems that keep it from being one. */
    public record AmountResult(Money amount, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
