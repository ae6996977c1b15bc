package org.ybdesk.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a rendered PDF really shows, read back with PDFBox: its text (lines joined, no layout guessing), every glyph's
 * size in points and the smallest of them, and how many pages. Prints' tests assert on these facts (issue 14: nothing
 * cut, nothing below 9 pt).
 */
final class PdfProbe {
    /** One glyph smaller than allowed, with its page and the text run it was in. */
    record SmallGlyph(int page, float sizePt, String run) {
    }

    final String text;
    final int pages;
    final float smallestPt;
    final List<SmallGlyph> small;

    private PdfProbe(String text, int pages, float smallestPt, List<SmallGlyph> small) {
        this.text = text;
        this.pages = pages;
        this.smallestPt = smallestPt;
        this.small = small;
    }

    /** Reads the PDF; glyphs under {@code minPt} (whitespace ignored) are collected in {@link #small}. */
    static PdfProbe read(byte[] pdf, float minPt) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            List<SmallGlyph> small = new ArrayList<>();
            float[] smallest = {Float.MAX_VALUE};
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String run, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                            continue;
                        }
                        float pt = p.getFontSizeInPt();
                        smallest[0] = Math.min(smallest[0], pt);
                        if (pt + 0.05f < minPt) {
                            small.add(new SmallGlyph(getCurrentPageNo(), pt, run));
                            break;
                        }
                    }
                    super.writeString(run, positions);
                }
            };
            s.setSortByPosition(true);
            String text = s.getText(d);
            return new PdfProbe(text, d.getNumberOfPages(), smallest[0], small);
        }
    }

    /** The text with every whitespace removed: a value wrapped over two lines still reads as one string. */
    String compact() {
        return text.replaceAll("\\s+", "");
    }

    /** Whether the value appears in full, whitespace and line breaks ignored. */
    boolean shows(String value) {
        return compact().contains(value.replaceAll("\\s+", ""));
    }
}
