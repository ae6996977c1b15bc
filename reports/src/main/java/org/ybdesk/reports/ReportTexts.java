package org.ybdesk.reports;

import java.util.Locale;
import java.util.ResourceBundle;
import org.ybdesk.core.i18n.Messages;

/** The prints' user-facing texts: bundle {@code org.ybdesk.reports.messages}, also handed to templates for $R{…}. */
final class ReportTexts {
    static final String BUNDLE = "org.ybdesk.reports.messages";
    private static final Messages M = Messages.bundle(BUNDLE);

    private ReportTexts() {
    }

    static String get(String key, Object... args) {
        return M.get(key, args);
    }

    static boolean has(String key) {
        return M.has(key);
    }

    static Locale locale() {
        return Messages.LOCALE;
    }

    static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Messages.LOCALE);
    }
}
