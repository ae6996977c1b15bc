package org.ybdesk.core.calendar;

import org.ybdesk.core.i18n.Messages;

/** The message bundle of this package ({@code org.ybdesk.core.calendar.messages}). */
final class CalendarTexts {
    static final String BUNDLE = "org.ybdesk.core.calendar.messages";

    private CalendarTexts() {
    }

    /** The text for {@code key}; arguments are passed as strings so that numbers and dates are not localised. */
    static String get(String key, Object... args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return Messages.bundle(BUNDLE).get(key, strings);
    }
}
