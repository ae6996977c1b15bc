package org.ybdesk.desk;

import org.ybdesk.core.i18n.Messages;

/** The workstation's texts (bundle org.ybdesk.desk.messages, Simplified Chinese). */
public final class Texts {
    private static final Messages M = Messages.bundle("org.ybdesk.desk.messages");

    private Texts() {
    }

    public static String t(String key, Object... args) {
        return M.get(key, args);
    }
}
