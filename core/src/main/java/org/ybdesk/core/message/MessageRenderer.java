package org.ybdesk.core.message;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an item's message template ({@code {name}} placeholders, see
 * {@link org.ybdesk.core.catalog.MessageTemplates}) with the case's values.
 *
 * <p>Two rules keep the text a person reads clean: a part of the template in square brackets, e.g.
 * {@code [{payee}的]}, is left out entirely when a placeholder inside it has no value (the payee is named only when
 * it is not the applicant); and a value that ends with punctuation placed before punctuation of the template (a
 * reason typed as 「材料不全。」 before 「。如有疑问」) loses its own, so the text never shows 「。。」 or 「，，」.
 */
public final class MessageRenderer {
    public static final Set<String> PLACEHOLDERS = Set.of("agencySignature", "name", "date", "validity", "reason",
            "phone", "amount", "payee", "bank", "accountTail", "itemName");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    /** Punctuation that must not appear twice in a row where a value meets the template. */
    private static final String PUNCTUATION = "。，；：！？、.,;:!?";
    private static final Pattern DOUBLED = Pattern.compile("([。，；：！？、])\\1+");

    private MessageRenderer() {
    }

    /** The placeholders a template uses (optional parts included). */
    public static Set<String> placeholders(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * Renders the template. Every placeholder outside an optional part must have a value: a message sent to a
     * person never shows a raw placeholder or a blank where a value belongs.
     *
     * @throws IllegalArgumentException naming the placeholders without value
     */
    public static String render(String template, Map<String, String> values) {
        StringBuilder kept = new StringBuilder();
        Matcher o = OPTIONAL.matcher(template);
        while (o.find()) {
            boolean complete = placeholders(o.group(1)).stream().allMatch(p -> has(values, p));
            o.appendReplacement(kept, Matcher.quoteReplacement(complete ? o.group(1) : ""));
        }
        o.appendTail(kept);
        String t = kept.toString();
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (!has(values, m.group(1))) {
                missing.add(m.group(1));
                v = "";
            }
            v = v.strip();
            if (m.end() < t.length() && PUNCTUATION.indexOf(t.charAt(m.end())) >= 0) {
                v = stripTrailingPunctuation(v);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("message placeholders without value: " + missing);
        }
        return DOUBLED.matcher(sb.toString()).replaceAll("$1");
    }

    private static boolean has(Map<String, String> values, String key) {
        String v = values.get(key);
        return v != null && !v.isBlank();
    }

    private static String stripTrailingPunctuation(String v) {
        int end = v.length();
        while (end > 0 && (PUNCTUATION.indexOf(v.charAt(end - 1)) >= 0 || Character.isWhitespace(v.charAt(end - 1)))) {
            end--;
        }
        return v.substring(0, end);
    }

    /** The date as the templates write it: 2026年11月25日. */
    public static String chineseDate(LocalDate d) {
        return org.ybdesk.core.i18n.Messages.common().get("date.chinese", String.valueOf(d.getYear()),
                String.valueOf(d.getMonthValue()), String.valueOf(d.getDayOfMonth()));
    }
}
