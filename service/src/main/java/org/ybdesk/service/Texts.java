package org.ybdesk.service;

import org.ybdesk.core.i18n.Messages;

/** The service layer's user-facing texts (bundle org.ybdesk.service.messages). */
public final class Texts {
    private static final Messages M = Messages.bundle("org.ybdesk.service.messages");

    private Texts() {
    }

    public static String get(String key, Object... args) {
        return M.get(key, args);
    }
}
