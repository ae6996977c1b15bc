package org.ybdesk.reports;

import java.awt.Font;
import java.util.List;
import java.util.Locale;
import net.sf.jasperreports.engine.JRPropertiesMap;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.extensions.ExtensionsRegistry;
import net.sf.jasperreports.extensions.ExtensionsRegistryFactory;
import org.ybdesk.fonts.BundledFonts;

/**
 * The two print font families, registered with JasperReports as a font extension
 * ({@code jasperreports_extension.properties}): a 宋体-style serif for bodies and cells and a 黑体-style sans for titles,
 * both from the bundled Noto CJK faces. Each face is read from its file ({@link BundledFonts#file}) once per process
 * and shared by the fill (AWT), the PDF export and the missing-glyph guard; a file-based extension (XML with
 * classpath paths) made each of the three inflate and copy the 16–24 MB faces again on every command.
 */
public final class PrintFonts implements ExtensionsRegistryFactory {
    /** Noto Serif CJK SC Regular: body text and table cells (五号, 10.5 pt). */
    public static final String SERIF = "YB Serif";
    /** Noto Sans CJK SC Regular/Bold: titles (16–18 pt) and headings. */
    public static final String SANS = "YB Sans";

    private static final List<FontFamily> FAMILIES = List.of(
            new Family(SERIF, new Face(BundledFonts.SERIF_REGULAR), null),
            new Family(SANS, new Face(BundledFonts.SANS_REGULAR), new Face(BundledFonts.SANS_BOLD)));

    /** One face: AWT font and PDF font from the same file. */
    private record Face(String resource) implements FontFace {
        @Override
        public String getName() {
            return getFont().getFontName(Locale.ROOT);
        }

        @Override
        public String getTtf() {
            return BundledFonts.file(resource).toString();
        }

        @Override
        public Font getFont() {
            return BundledFonts.load(resource);
        }

        @Override
        public String getPdf() {
            return getTtf();
        }

        @Override
        public String getEot() {
            return null;
        }

        @Override
        public String getSvg() {
            return null;
        }

        @Override
        public String getWoff() {
            return null;
        }
    }

    /** A family embedded with Identity-H, so that every character of a name reaches the PDF. */
    private record Family(String name, Face normal, Face bold) implements FontFamily {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public FontFace getNormalFace() {
            return normal;
        }

        @Override
        public FontFace getBoldFace() {
            return bold;
        }

        @Override
        public FontFace getItalicFace() {
            return null;
        }

        @Override
        public FontFace getBoldItalicFace() {
            return null;
        }

        @Override
        public String getPdfEncoding() {
            return "Identity-H";
        }

        @Override
        public Boolean isPdfEmbedded() {
            return Boolean.TRUE;
        }

        @Override
        public String getExportFont(String key) {
            return null;
        }

        @Override
        public boolean supportsLocale(Locale locale) {
            return true;
        }

        @Override
        public boolean isVisible() {
            return true;
        }
    }

    @Override
    public ExtensionsRegistry createRegistry(String registryId, JRPropertiesMap properties) {
        return new ExtensionsRegistry() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> getExtensions(Class<T> extensionType) {
                return FontFamily.class.equals(extensionType) ? (List<T>) FAMILIES : List.of();
            }
        };
    }

    /** The face a print element with this family and weight is set in; null for a family we do not ship. */
    static Font awtFont(String family, boolean bold) {
        if (SERIF.equals(family)) {
            return BundledFonts.load(BundledFonts.SERIF_REGULAR);
        } else if (SANS.equals(family)) {
            return BundledFonts.load(bold ? BundledFonts.SANS_BOLD : BundledFonts.SANS_REGULAR);
        }
        return null;
    }

    /** The PDF font of text without a font of its own (JasperReports' fallback): the serif face's file. */
    static String defaultPdfFont() {
        return BundledFonts.file(BundledFonts.SERIF_REGULAR).toString();
    }

    /** The family's name as people know it (宋体/黑体 and the face), for messages. */
    static String displayName(String family) {
        return ReportTexts.get(SANS.equals(family) ? "font.sans" : SERIF.equals(family) ? "font.serif" : "font.other",
                family == null ? "" : family);
    }
}
