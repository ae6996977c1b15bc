package org.ybdesk.desk;

import java.awt.Component;
import java.util.List;
import javax.swing.JOptionPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.lifecycle.TransitionRefused;
import org.ybdesk.service.ServiceException;

/** Shows what went wrong, every reason at once, in Chinese; unexpected errors go to the log in English. */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** The reasons a person should read for this exception. */
    public static List<String> reasons(RuntimeException e) {
        if (e instanceof ServiceException se) {
            return se.problems();
        }
        if (e instanceof TransitionRefused tr) {
            return tr.reasons();
        }
        if (e instanceof DateOutsideCalendarException || e instanceof IllegalArgumentException) {
            return List.of(e.getMessage());
        }
        LOG.error("unexpected failure", e);
        return List.of(Texts.t("problem.unexpected", e.getClass().getSimpleName()));
    }

    public static void show(Component owner, RuntimeException e) {
        List<String> r = reasons(e);
        StringBuilder sb = new StringBuilder("<html>");
        for (String line : r) {
            sb.append("• ").append(escape(line)).append("<br>");
        }
        sb.append("</html>");
        JOptionPane.showMessageDialog(owner, sb.toString(), Texts.t("problem.title"), JOptionPane.WARNING_MESSAGE);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
