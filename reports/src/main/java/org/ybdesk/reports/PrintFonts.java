package org.ybdesk.reports;

import java.awt.Font;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ybdesk.fonts.BundledFonts;

/**
 * The two print font families of the font extension ({@code fonts.xml}): a 宋体-style serif for bodies and cells and a
 * 黑体-style sans for titles, both from the bundled Noto CJK faces. Also the AWT view of the same files, which the
 * missing-glyph guard asks whether a character can be shown.
 */
public final class PrintFonts {
    /** Noto Serif CJK SC Regular: body text and table cells (五号, 10.5 pt). */
    public static final String SERIF = "YB Serif";
    /** Noto Sans CJK SC Regular/Bold: titles (16–18 pt) and headings. */
    public static final String SANS = "YB Sans";

    private static final Map<String, Font> AWT = new ConcurrentHashMap<>();

    private PrintFonts() {
    }

    /** The face a print element with this family and weight is set in; null for a family we do not ship. */
    static Font awtFont(String family, boolean bold) {
        String file;
        if (SERIF.equals(family)) {
            file = BundledFonts.SERIF_REGULAR;
        } else if (SANS.equals(family)) {
            file = bold ? BundledFonts.SANS_BOLD : BundledFonts.SANS_REGULAR;
        } else {
            return null;
        }
        return AWT.computeIfAbsent(file, BundledFonts::load);
    }

    /** The family's name as people know it (宋体/黑体 and the face), for messages. */
    static String displayName(String family) {
        return ReportTexts.get(SANS.equals(family) ? "font.sans" : SERIF.equals(family) ? "font.serif" : "font.other",
                family == null ? "" : family);
    }
}
