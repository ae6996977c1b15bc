package org.ybdesk.sync;

import org.ybdesk.core.i18n.Messages;

/** The sync module's user-facing texts (bundle org.ybdesk.sync.messages, Simplified Chinese). */
public final class Texts {
    private static final Messages M = Messages.bundle("org.ybdesk.sync.messages");

    private Texts() {
    }

    public static String get(String key, Object... args) {
        return M.get(key, args);
    }
}
