package org.ybdesk.core.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.ybdesk.core.i18n.Messages;

/** Collects the Chinese problem texts of one validation, plus helpers to name positions and characters. */
final class Problems {
    static final Messages MESSAGES = Messages.bundle("org.ybdesk.core.validation.messages");

    /** At most this many distinct characters are listed in one message; the rest become 「等」. */
    private static final int MAX_LISTED = 5;

    private final List<String> found = new ArrayList<>();

    void add(String key, Object... args) {
        found.add(MESSAGES.get(key, args));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<String> list() {
        return List.copyOf(found);
    }

    static List<String> one(String key, Object... args) {
        return List.of(MESSAGES.get(key, args));
    }

    /** 1-based positions {@code i+1} of the characters of {@code s} whose index satisfies {@code bad}. */
    static List<Integer> positionsWhere(String s, IntPredicate bad) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (bad.test(i)) {
                positions.add(i + 1);
            }
        }
        return positions;
    }

    /** 「3、9」: all positions (a cut list would read badly inside 「第…位」). */
    static String positions(List<Integer> positions) {
        List<String> items = new ArrayList<>();
        for (Integer p : positions) {
            items.add(String.valueOf(p));
        }
        return String.join(MESSAGES.get("list.separator"), items);
    }

    /** The distinct characters at the given 1-based positions, each quoted: 「“A”、“。”」. */
    static String charsAt(String s, List<Integer> positions) {
        Set<String> distinct = new LinkedHashSet<>();
        for (Integer p : positions) {
            distinct.add(String.valueOf(s.charAt(p - 1)));
        }
        return quoted(distinct);
    }

    /** The distinct characters of {@code s} matching {@code bad}, each quoted. */
    static String charsWhere(String s, IntPredicate bad) {
        return charsAt(s, positionsWhere(s, bad));
    }

    static String quoted(Iterable<String> items) {
        List<String> q = new ArrayList<>();
        for (String item : items) {
            q.add(MESSAGES.get("list.quoted", item));
        }
        return join(q);
    }

    /** Joins with 「、」, cutting the list after {@link #MAX_LISTED} items with 「等」. */
    static String join(List<String> items) {
        String separator = MESSAGES.get("list.separator");
        if (items.size() <= MAX_LISTED) {
            return String.join(separator, items);
        }
        return MESSAGES.get("list.more", String.join(separator, items.subList(0, MAX_LISTED)));
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
