package org.ybdesk.desk;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;
import org.ybdesk.fonts.BundledFonts;

/** Look and feel: FlatLaf light with the bundled CJK font, so no system font is needed. */
public final class UiSetup {
    /** Body text size: readable for hours at a 1366×768 counter screen. */
    public static final int FONT_SIZE = 14;
    public static final Color NEAR = new Color(0xB26A00);
    public static final Color NEAR_BG = new Color(0xFFF3D6);
    public static final Color OVERDUE = new Color(0xB3261E);
    public static final Color OVERDUE_BG = new Color(0xFCE4E2);
    public static final Color SANDBOX_BANNER = new Color(0xFFB300);

    private static volatile boolean installed;

    private UiSetup() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        BundledFonts.register();
        FlatLightLaf.setup();
        Font base = new Font(BundledFonts.SANS_FAMILY, Font.PLAIN, FONT_SIZE);
        UIManager.put("defaultFont", base);
        UIManager.put("Table.rowHeight", 28);
        UIManager.put("Component.focusWidth", 2);
        UIManager.put("TextComponent.arc", 4);
        UIManager.put("Button.arc", 6);
        chineseSwingTexts();
        installed = true;
    }

    /**
     * Swing's and FlatLaf's own texts (file chooser, confirmation buttons, colour chooser, window title bar) in
     * Simplified Chinese whatever the system locale: every entry of bundle {@code org.ybdesk.desk.swing} is put as a
     * UIManager key, and components default to zh_CN (issue 15, D185).
     */
    static void chineseSwingTexts() {
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
        javax.swing.JComponent.setDefaultLocale(zh);
        UIManager.getDefaults().setDefaultLocale(zh);
        UIManager.getLookAndFeelDefaults().setDefaultLocale(zh);
        java.util.ResourceBundle b = java.util.ResourceBundle.getBundle("org.ybdesk.desk.swing", java.util.Locale.ROOT);
        for (String key : b.keySet()) {
            String v = b.getString(key);
            // mnemonics and their indexes are numbers to Swing
            UIManager.put(key, key.endsWith("Mnemonic") || key.endsWith("MnemonicIndex") ? Integer.valueOf(v) : v);
        }
    }

    public static Font font(int style, float size) {
        return UIManager.getFont("defaultFont").deriveFont(style, size);
    }
}
