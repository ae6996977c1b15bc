package org.ybdesk.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access to the user-facing texts kept in resource bundles (Simplified Chinese, UTF-8 .properties).
 * Every text shown to a person goes through here; code only knows keys.
 */
public final class Messages {
    public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final ConcurrentHashMap<String, Messages> CACHE = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;

    private Messages(String baseName) {
        this.bundle = ResourceBundle.getBundle(baseName, LOCALE);
    }

    /** The bundle with the given base name, e.g. {@code org.ybdesk.core.validation.messages}. */
    public static Messages bundle(String baseName) {
        return CACHE.computeIfAbsent(baseName, Messages::new);
    }

    /** The text for {@code key}, with {@link MessageFormat} arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing message key " + key + " in " + bundle.getBaseBundleName(), e);
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, LOCALE).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Texts shared by all modules (list separator, date format, …). */
    public static Messages common() {
        return bundle("org.ybdesk.core.i18n.common");
    }

    /** Joins items for a person to read: 受理、补正、不予受理. */
    public static String joinList(java.util.Collection<String> items) {
        return String.join(common().get("list.separator"), items);
    }
}
