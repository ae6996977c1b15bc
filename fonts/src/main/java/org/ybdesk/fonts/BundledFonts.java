package org.ybdesk.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK fonts shipped with the desk (Noto Sans CJK SC regular and bold, SIL Open Font License 1.1, see
 * LICENSE-OFL.txt beside them), so that no system font is needed: they cover GB 18030's common characters and CJK
 * Extension A (rare name characters such as 䶮).
 */
public final class BundledFonts {
    public static final String SANS_REGULAR = "/org/ybdesk/fonts/NotoSansCJKsc-Regular.otf";
    public static final String SANS_BOLD = "/org/ybdesk/fonts/NotoSansCJKsc-Bold.otf";
    /** The family name the fonts register under. */
    public static final String SANS_FAMILY = "Noto Sans CJK SC";

    private static volatile boolean registered;

    private BundledFonts() {
    }

    /** Registers the bundled fonts with AWT once; afterwards {@code new Font(SANS_FAMILY, …)} finds them. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
        ge.registerFont(load(SANS_REGULAR));
        ge.registerFont(load(SANS_BOLD));
        registered = true;
    }

    /** Loads a bundled font file at size 1 (derive the size you need). */
    public static Font load(String resource) {
        try (InputStream in = BundledFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing: " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font unreadable: " + resource, e);
        }
    }
}
