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
 */
public final class MessageRenderer {
    public static final Set<String> PLACEHOLDERS = Set.of("agencySignature", "name", "date", "validity", "reason",
            "phone", "amount", "payee", "bank", "accountTail", "itemName");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private MessageRenderer() {
    }

    /** The placeholders a template uses. */
    public static Set<String> placeholders(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * Renders the template. Every placeholder must have a value: a message sent to a person never shows a raw
     * placeholder or a blank where a value belongs.
     *
     * @throws IllegalArgumentException naming the placeholders without value
     */
    public static String render(String template, Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null || v.isBlank()) {
                missing.add(m.group(1));
                v = "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("message placeholders without value: " + missing);
        }
        return sb.toString();
    }

    /** The date as the templates write it: 2026年11月25日. */
    public static String chineseDate(LocalDate d) {
        return org.ybdesk.core.i18n.Messages.common().get("date.chinese", String.valueOf(d.getYear()),
                String.valueOf(d.getMonthValue()), String.valueOf(d.getDayOfMonth()));
    }
}
