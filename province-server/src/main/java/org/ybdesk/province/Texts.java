package org.ybdesk.province;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The server's user-facing texts ({@code org/ybdesk/province/messages.properties}, Simplified Chinese). */
public final class Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.ybdesk.province.messages",
            Locale.ROOT);

    private Texts() {
    }

    public static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // numbers as written (no grouping separators in ids and sequence numbers)
            plain[i] = args[i] instanceof Number ? String.valueOf(args[i]) : args[i];
        }
        return new MessageFormat(pattern, Locale.ROOT).format(plain);
    }
}
