package org.ybdesk.desk;

import java.awt.Color;
import javax.swing.JLabel;
import javax.swing.UIManager;

/**
 * How a message on a status line or under a form looks (issue 15, D185): information in the ordinary text colour,
 * success in green, a warning in amber, an error in red — so a success after an earlier error is never red. The
 * style is set with the text, every time.
 */
enum StatusStyle {
    INFO(null), SUCCESS(new Color(0x1A7F37)), WARNING(UiSetup.NEAR), ERROR(UiSetup.OVERDUE);

    private final Color color;

    StatusStyle(Color color) {
        this.color = color;
    }

    /** The text colour of this style. */
    Color color() {
        return color != null ? color : UIManager.getColor("Label.foreground");
    }

    /** Shows {@code text} on {@code label} in this style. */
    void show(JLabel label, String text) {
        label.setText(text);
        label.setForeground(color());
        label.putClientProperty("ybdesk.status", name());
    }

    /** The style a label was last given (tests). */
    static StatusStyle of(JLabel label) {
        Object v = label.getClientProperty("ybdesk.status");
        return v == null ? INFO : valueOf(v.toString());
    }
}
