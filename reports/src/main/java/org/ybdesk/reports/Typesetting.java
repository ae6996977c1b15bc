package org.ybdesk.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jasperreports.engine.JasperReportsContext;

/**
 * Chinese typesetting for every print (issue 14, D160): where a line may break.
 *
 * <p>JasperReports breaks lines with the JDK's line {@link java.text.BreakIterator} at fill time (both its simple and
 * its complex text wrappers). That iterator already keeps the closing marks 」）、。，；：！？》】』〉 off the start of a line
 * and the opening marks （「《【『〈 off its end, and never breaks inside a run of letters and digits; it ignores the word
 * joiner U+2060 (a format character) but never breaks beside U+FEFF (zero width no-break space). The PDF
 * exporter, by default, wraps again with OpenPDF's own rule (a break after any ideograph, so a 「，」 could start a
 * line); {@link #configure} makes it reuse the line breaks measured at fill time. {@link #set} adds what the iterator
 * does not know: a code such as 0451-86661234 or YB-2301-000123 is not broken after its hyphen, slash or dot, groups of
 * digits separated by single spaces (an account 6222 0202 …) stay together (glue after each space), and 「…」「·」 never start a line.
 *
 * <p>The glue {@link #GLUE} has no glyph in the print faces: it is measured as zero width, the {@link GlyphGuard}
 * passes it and the PDF carries nothing for it, so the text read back from the PDF is the text given.
 */
public final class Typesetting {
    /** Zero width no-break space: the line iterator never breaks beside it. */
    public static final char GLUE = '\uFEFF';

    /** A code: letters and digits joined by hyphens, slashes or dots, with at least one digit. */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]+(?:[-/.\\u2010\\u2011\\uFF0D][0-9A-Za-z]+)+");
    /** Groups of at least three digits separated by single spaces (accounts, phones written in groups). */
    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d{3,}(?: \\d{3,})+");
    /** Marks that must not start a line and that the line iterator would put first. */
    private static final String NOT_FIRST = "…‥·～";
    /** Marks that must not end a line and that the line iterator would leave last. */
    private static final String NOT_LAST = "·";

    private Typesetting() {
    }

    /**
     * Tells JasperReports to export the line breaks it measured at fill time (the JDK's line breaking, above) instead
     * of wrapping again in the PDF writer. Called once where the print context is set up ({@link Prints}).
     */
    public static void configure(JasperReportsContext ctx) {
        if (ctx instanceof net.sf.jasperreports.engine.DefaultJasperReportsContext d) {
            d.setProperty("net.sf.jasperreports.text.save.line.breaks", "true");
            d.setProperty("net.sf.jasperreports.export.pdf.use.saved.line.breaks", "true");
            d.setProperty("net.sf.jasperreports.export.pdf.force.linebreak.policy", "true");
        }
    }

    /** The text with glue where a line must not break; the same text when there is nothing to protect. */
    public static String set(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        if (s.indexOf(' ') >= 0) {
            Matcher g = DIGIT_GROUPS.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (g.find()) {
                g.appendReplacement(sb, Matcher.quoteReplacement(g.group().replace(" ", " " + GLUE)));
            }
            g.appendTail(sb);
            s = sb.toString();
        }
        Matcher m = CODE.matcher(s);
        StringBuilder out = new StringBuilder(s.length() + 8);
        int last = 0;
        while (m.find()) {
            String code = m.group();
            out.append(s, last, m.start());
            if (code.chars().anyMatch(Character::isDigit)) {
                for (int i = 0; i < code.length(); i++) {
                    char c = code.charAt(i);
                    out.append(c);
                    if (!Character.isLetterOrDigit(c) && i + 1 < code.length() && code.charAt(i + 1) != GLUE) {
                        out.append(GLUE);
                    }
                }
            } else {
                out.append(code);
            }
            last = m.end();
        }
        out.append(s, last, s.length());
        return glueMarks(out.toString());
    }

    private static String glueMarks(String s) {
        boolean any = false;
        for (int i = 0; i < s.length() && !any; i++) {
            any = NOT_FIRST.indexOf(s.charAt(i)) >= 0 || NOT_LAST.indexOf(s.charAt(i)) >= 0;
        }
        if (!any) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (NOT_FIRST.indexOf(c) >= 0 && i > 0 && s.charAt(i - 1) != GLUE && s.charAt(i - 1) != c) {
                out.append(GLUE);
            }
            out.append(c);
            if (NOT_LAST.indexOf(c) >= 0 && i + 1 < s.length() && s.charAt(i + 1) != GLUE) {
                out.append(GLUE);
            }
        }
        return out.toString();
    }

    /** {@link #set} applied to every string value of a print's parameter or row map (other values unchanged). */
    public static Map<String, Object> set(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof String str ? set(str) : v));
        return out;
    }

    /** {@link #set} applied to the rows of a data source. */
    public static List<Map<String, ?>> setRows(List<? extends Map<String, ?>> rows) {
        return rows.stream().<Map<String, ?>>map(Typesetting::set).toList();
    }

    /** Whether the code point is typesetting glue (no glyph needed). */
    public static boolean isGlue(int cp) {
        return cp == GLUE || cp == 0x2060;
    }

    /** The text without glue, as a reader of the PDF sees it. */
    public static String plain(String text) {
        return text == null ? null : text.replace(String.valueOf(GLUE), "");
    }
}
