package org.ybdesk.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK fonts shipped with the desk (Noto Sans CJK SC regular and bold for screens and print titles, Noto Serif
 * CJK SC regular as the 宋体-style print body; SIL Open Font License 1.1, see LICENSE-OFL.txt beside them), so that no
 * system font is needed: they cover GB 18030's common characters and CJK Extension A (rare name characters such as
 * 䶮). The serif face was extracted from Debian's fonts-noto-cjk collection (face 2 of NotoSerifCJK-Regular.ttc).
 */
public final class BundledFonts {
    public static final String SANS_REGULAR = "/org/ybdesk/fonts/NotoSansCJKsc-Regular.otf";
    public static final String SANS_BOLD = "/org/ybdesk/fonts/NotoSansCJKsc-Bold.otf";
    public static final String SERIF_REGULAR = "/org/ybdesk/fonts/NotoSerifCJKsc-Regular.otf";
    /** The family name the sans fonts register under. */
    public static final String SANS_FAMILY = "Noto Sans CJK SC";
    /** The family name the serif font registers under. */
    public static final String SERIF_FAMILY = "Noto Serif CJK SC";

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
        ge.registerFont(load(SERIF_REGULAR));
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
