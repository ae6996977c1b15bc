package org.ybdesk.core.validation;

import static org.ybdesk.core.validation.Problems.allDigits;
import static org.ybdesk.core.validation.Problems.charsAt;
import static org.ybdesk.core.validation.Problems.positions;
import static org.ybdesk.core.validation.Problems.positionsWhere;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character set.
 * <ol>
 *   <li>position 1: registration authority (登记管理部门代码)</li>
 *   <li>position 2: organisation type within that authority (机构类别代码)</li>
 *   <li>positions 3–8: administrative division of the registering office (GB/T 2260)</li>
 *   <li>positions 9–17: organisation code (主体标识码, GB 11714)</li>
 *   <li>position 18: check character, MOD 31 with weights 3^i mod 31</li>
 * </ol>
 * The GB 11714 check character inside positions 9–17 is deliberately not verified: the MOD 31 check
 * already catches the typing errors, and a second check could only reject codes the registries issued.
 */
final class CreditCodeRules {
    private CreditCodeRules() {
    }

    /** The 31 characters in value order; I, O, Z, S, V are left out. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String FORBIDDEN = "IOZSV";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /**
     * Registration authority → the organisation type codes allowed after it (GB 32100-2015 appendix A):
     * 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管（工商）,
     * A 中央军委改革和编制办公室, N 农业, Y 其他. If the registries add types, extend this table.
     */
    private static final Map<Character, String> TYPES = Map.ofEntries(
            Map.entry('1', "1239"),
            Map.entry('2', "19"),
            Map.entry('3', "123459"),
            Map.entry('4', "19"),
            Map.entry('5', "1239"),
            Map.entry('6', "129"),
            Map.entry('7', "129"),
            Map.entry('8', "19"),
            Map.entry('9', "123"),
            Map.entry('A', "19"),
            Map.entry('N', "1239"),
            Map.entry('Y', "1"));

    static char checkChar(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("expected exactly 17 characters, got: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException(
                        "character '" + first17.charAt(i) + "' at index " + i + " is not in the credit-code set");
            }
            sum += value * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    static List<String> validate(String raw) {
        if (Validators.isBlank(raw)) {
            return Problems.one("creditCode.required");
        }
        String s = Validators.normalizeId(raw);
        Problems p = new Problems();
        if (s.length() != 18) {
            p.add("creditCode.length", String.valueOf(s.length()));
        }
        List<Integer> forbidden = positionsWhere(s, i -> FORBIDDEN.indexOf(s.charAt(i)) >= 0);
        if (!forbidden.isEmpty()) {
            p.add("creditCode.forbiddenLetters", positions(forbidden), charsAt(s, forbidden));
        }
        List<Integer> illegal = positionsWhere(s,
                i -> CHARSET.indexOf(s.charAt(i)) < 0 && FORBIDDEN.indexOf(s.charAt(i)) < 0);
        if (!illegal.isEmpty()) {
            p.add("creditCode.illegalChars", positions(illegal), charsAt(s, illegal));
        }
        // Positions 3–8: letters of the set are legal elsewhere but not here.
        List<Integer> lettersInDivision = positionsWhere(s,
                i -> i >= 2 && i <= 7 && CHARSET.indexOf(s.charAt(i)) >= 10);
        if (!lettersInDivision.isEmpty()) {
            p.add("creditCode.divisionDigits", positions(lettersInDivision));
        }

        char authority = s.charAt(0);
        if (CHARSET.indexOf(authority) >= 0) {
            String types = TYPES.get(authority);
            if (types == null) {
                p.add("creditCode.authority", String.valueOf(authority));
            } else if (s.length() >= 2 && CHARSET.indexOf(s.charAt(1)) >= 0 && types.indexOf(s.charAt(1)) < 0) {
                p.add("creditCode.type", String.valueOf(authority), String.valueOf(s.charAt(1)), listOf(types));
            }
        }
        if (s.length() >= 8 && allDigits(s.substring(2, 8)) && !divisionPrefixOk(s.substring(2, 4))) {
            p.add("creditCode.division", s.substring(2, 8));
        }
        if (s.length() == 18 && positionsWhere(s, i -> CHARSET.indexOf(s.charAt(i)) < 0).isEmpty()) {
            char expected = checkChar(s.substring(0, 17));
            if (s.charAt(17) != expected) {
                p.add("creditCode.checkChar", String.valueOf(expected));
            }
        }
        return p.list();
    }

    /** A province-level code, or 10 for bodies registered at national level (100000). */
    private static boolean divisionPrefixOk(String twoDigits) {
        return "10".equals(twoDigits) || Regions.isProvince(twoDigits);
    }

    private static String listOf(String chars) {
        List<String> items = new ArrayList<>();
        for (char c : chars.toCharArray()) {
            items.add(String.valueOf(c));
        }
        return Problems.join(items);
    }
}
