package org.ybdesk.core.validation;

import static org.ybdesk.core.validation.Problems.charsWhere;
import static org.ybdesk.core.validation.Problems.isAsciiDigit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mobile and landline numbers of mainland China; reached through {@link Validators}. */
final class PhoneRules {
    private PhoneRules() {
    }

    /** Separators people type inside phone numbers; they carry no meaning for a mobile number. */
    private static final Pattern MOBILE_DECOR = Pattern.compile("[\\s\\-()]");
    /** Country code in front of a landline, e.g. 「+86 451 …」, 「(+86) …」, 「0086-…」. */
    private static final Pattern COUNTRY_CODE = Pattern.compile("^\\(?\\s*(?:\\+|00)\\s*86\\s*\\)?[\\s\\-]*");
    /** Number, marker word, extension digits: 「0451-12345678转801」. Markers come from the bundle. */
    private static final Pattern EXTENSION_AFTER_MARKER = Pattern.compile(
            "^(.*\\d)\\s*(?:" + markers() + ")\\s*(\\d{1,6})$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Number, hyphen, extension digits: 「0451-12345678-801」 (accepted when the number is complete). */
    private static final Pattern EXTENSION_AFTER_HYPHEN = Pattern.compile("^(.*\\d)\\s*-\\s*(\\d{1,6})$");
    /** An area code written apart: 「(0451)…」 or 「0451-…」 / 「0451 …」. */
    private static final Pattern AREA_IN_BRACKETS = Pattern.compile("^\\(\\s*(\\d+)\\s*\\).*$");
    private static final Pattern AREA_SEPARATED = Pattern.compile("^(\\d+)[\\s\\-]+\\d.*$");
    /** 010 and 02X are the only three-digit area codes; all others have four digits, 03XX–09XX. */
    private static final Pattern AREA_CODE = Pattern.compile("010|02\\d|0[3-9]\\d\\d");

    private static String markers() {
        StringBuilder alternatives = new StringBuilder();
        for (String marker : Problems.MESSAGES.get("phone.extensionMarkers").split("\\|")) {
            if (!marker.isBlank()) {
                alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(marker.strip()));
            }
        }
        return alternatives.toString();
    }

    // ---------------------------------------------------------------- mobile

    /** The bare 11-character candidate: separators and a +86 / 0086 / 86 country code removed. */
    private static String mobileCandidate(String raw) {
        String s = MOBILE_DECOR.matcher(Validators.halfWidth(raw)).replaceAll("");
        if (s.startsWith("+86")) {
            return s.substring(3);
        }
        if (s.startsWith("0086")) {
            return s.substring(4);
        }
        if (s.length() == 13 && s.startsWith("861")) {
            return s.substring(2);
        }
        return s;
    }

    static List<String> mobile(String raw) {
        if (Validators.isBlank(raw)) {
            return Problems.one("mobile.required");
        }
        String s = mobileCandidate(raw);
        Problems p = new Problems();
        if (s.length() != 11) {
            p.add("mobile.length", String.valueOf(s.length()));
        }
        String illegal = charsWhere(s, i -> !isAsciiDigit(s.charAt(i)));
        if (!illegal.isEmpty()) {
            p.add("mobile.illegalChars", illegal);
        }
        if (!s.isEmpty() && isAsciiDigit(s.charAt(0)) && s.charAt(0) != '1') {
            p.add("mobile.firstDigit");
        }
        if (s.length() >= 2 && s.charAt(0) == '1' && s.charAt(1) >= '0' && s.charAt(1) <= '2') {
            p.add("mobile.secondDigit");
        }
        return p.list();
    }

    static Optional<String> normalizeMobile(String raw) {
        return mobile(raw).isEmpty() ? Optional.of(mobileCandidate(raw)) : Optional.empty();
    }

    // ---------------------------------------------------------------- mobile or landline

    static List<String> landlineOrMobile(String raw) {
        if (Validators.isBlank(raw)) {
            return Problems.one("phone.required");
        }
        String s = Validators.halfWidth(raw).strip();
        String compact = MOBILE_DECOR.matcher(s).replaceAll("");
        String afterCountryCode = compact.startsWith("+86") ? compact.substring(3)
                : compact.startsWith("0086") ? compact.substring(4) : null;
        boolean mobile = afterCountryCode == null
                ? compact.startsWith("1") || (compact.length() == 13 && compact.startsWith("861"))
                // from abroad, 1 is a mobile number, but 10 is Beijing's area code without its trunk 0
                : afterCountryCode.startsWith("1") && !afterCountryCode.startsWith("10");
        if (mobile) {
            return mobile(raw);
        }
        Matcher country = COUNTRY_CODE.matcher(s);
        if (country.find() && country.end() > 0) {
            String rest = s.substring(country.end());
            // Dialled from abroad the trunk 0 of the area code is dropped: +86 451 … is 0451 ….
            s = rest.startsWith("0") ? rest : "0" + rest;
        }
        return landline(s);
    }

    private static List<String> landline(String s) {
        String body = s;
        Matcher marker = EXTENSION_AFTER_MARKER.matcher(s);
        Matcher hyphen = EXTENSION_AFTER_HYPHEN.matcher(s);
        if (marker.matches()) {
            body = marker.group(1);
        } else if (hyphen.matches()) {
            int numberDigits = digitsOf(hyphen.group(1)).length();
            if (numberDigits >= 10 && numberDigits <= 12) { // area code + local number already complete
                body = hyphen.group(1);
            }
        }
        Problems p = new Problems();
        String checked = body;
        String illegal = charsWhere(checked, i -> {
            char c = checked.charAt(i);
            return !isAsciiDigit(c) && !Character.isWhitespace(c) && c != '-' && c != '(' && c != ')';
        });
        if (!illegal.isEmpty()) {
            p.add("phone.illegalChars", illegal);
        }
        String digits = digitsOf(body);
        if (digits.isEmpty()) {
            p.add("phone.unrecognized");
            return p.list();
        }
        String area = writtenAreaCode(body.strip());
        if (area == null) {
            if (!digits.startsWith("0")) {
                p.add(digits.length() == 7 || digits.length() == 8 ? "phone.missingAreaCode" : "phone.unrecognized");
                return p.list();
            }
            int areaLength = digits.startsWith("010") || digits.startsWith("02") ? 3 : 4;
            area = digits.substring(0, Math.min(areaLength, digits.length()));
        }
        if (!AREA_CODE.matcher(area).matches()) {
            p.add("phone.areaCode", area);
        }
        String local = digits.substring(area.length());
        if (local.length() < 7 || local.length() > 8) {
            p.add("phone.localLength", String.valueOf(local.length()));
        }
        if (!local.isEmpty() && local.charAt(0) == '0') { // a second trunk 0 or a doubled area code
            p.add("phone.localFirstDigit");
        }
        return p.list();
    }

    /** The area code as the person wrote it apart from the number, if they did and it starts with 0. */
    private static String writtenAreaCode(String body) {
        Matcher m = AREA_IN_BRACKETS.matcher(body);
        if (!m.matches()) {
            m = AREA_SEPARATED.matcher(body);
            if (!m.matches()) {
                return null;
            }
        }
        String group = m.group(1);
        return group.startsWith("0") && group.length() <= 5 ? group : null;
    }

    private static String digitsOf(String s) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (isAsciiDigit(s.charAt(i))) {
                digits.append(s.charAt(i));
            }
        }
        return digits.toString();
    }
}
