package org.ybdesk.reports;

import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The missing-glyph guard: before a filled print is exported, every text on every page is checked against the face
 * it will be set in. A character the face lacks would be dropped silently from the PDF — on a legal record that
 * changes a name — so the print is refused instead, naming the character, its code point and the field.
 */
public final class GlyphGuard {
    private GlyphGuard() {
    }

    /** Refuses {@code prints} with every problem at once (each character/field once) if any text cannot be shown. */
    public static void check(List<JasperPrint> prints) {
        Set<String> problems = new LinkedHashSet<>();
        for (JasperPrint p : prints) {
            for (JRPrintPage page : p.getPages()) {
                walk(page.getElements(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new PrintRefusedException(new ArrayList<>(problems));
        }
    }

    /** The characters of {@code text} the family cannot show, as code points. */
    public static List<Integer> missing(String text, String family, boolean bold) {
        Font f = PrintFonts.awtFont(family, bold);
        List<Integer> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t' || Character.isISOControl(cp) || Typesetting.isGlue(cp)) {
                return;
            }
            if (f == null || !f.canDisplay(cp)) {
                if (!out.contains(cp)) {
                    out.add(cp);
                }
            }
        });
        return out;
    }

    private static void walk(List<JRPrintElement> elements, Set<String> problems) {
        for (JRPrintElement e : elements) {
            if (e instanceof JRPrintFrame frame) {
                walk(frame.getElements(), problems);
            } else if (e instanceof JRPrintText t) {
                String text = t.getFullText();
                for (int cp : missing(text, t.getFontName(), t.isBold())) {
                    String field = t.getKey() == null || t.getKey().isBlank() ? ReportTexts.get("glyph.field.unknown")
                            : t.getKey();
                    problems.add(ReportTexts.get("glyph.missing", field, new String(Character.toChars(cp)),
                            String.format("U+%04X", cp), PrintFonts.displayName(t.getFontName())));
                }
            }
        }
    }
}
