package org.ybdesk.reports;

import java.util.ArrayList;
import java.util.List;
import org.ybdesk.service.GlyphCheck;

/**
 * The missing-glyph guard at intake (issue 14, D170): the services find it through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.ybdesk.service.GlyphCheck}) and ask it about every value of an application. A value
 * is checked against the body face (宋体, where names and cells print) and the bold sans face (titles), with the
 * words of {@link GlyphGuard}'s refusal.
 */
public final class IntakeGlyphs implements GlyphCheck {
    @Override
    public List<String> problems(String fieldLabel, String text) {
        List<String> out = new ArrayList<>();
        List<Integer> reported = new ArrayList<>();
        for (String[] face : new String[][] {{PrintFonts.SERIF, "false"}, {PrintFonts.SANS, "true"}}) {
            for (int cp : GlyphGuard.missing(text, face[0], Boolean.parseBoolean(face[1]))) {
                if (!reported.contains(cp)) {
                    reported.add(cp);
                    out.add(ReportTexts.get("glyph.missing.intake", fieldLabel, new String(Character.toChars(cp)),
                            String.format("U+%04X", cp), PrintFonts.displayName(face[0])));
                }
            }
        }
        return out;
    }
}
