package org.ybdesk.reports;

import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shrinks the embedded CJK faces of an exported PDF to the glyphs it shows ({@link CffCompactor}): a one-page
 * receipt from ~440 KB to about a tenth. The glyphs a font shows are read from its ToUnicode map (every code the
 * PDF library wrote, including the blank-looking ideographic space of 「　　年　　月　　日」); a font without one is left as
 * it is, and a PDF this cannot rewrite goes out as exported.
 */
final class CompactFonts {
    private static final Logger LOG = LoggerFactory.getLogger(CompactFonts.class);
    private static final PdfName CIDFONTTYPE0C = new PdfName("CIDFontType0C");
    private static final Pattern SECTION =
            Pattern.compile("begin(bfchar|bfrange)(.*?)end\\1", Pattern.DOTALL);
    private static final Pattern HEX = Pattern.compile("<([0-9A-Fa-f]+)>|\\[[^\\]]*\\]");

    private CompactFonts() {
    }

    static byte[] apply(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            Map<Integer, BitSet> usedByFontFile = new LinkedHashMap<>();
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject o = reader.getPdfObject(i);
                if (o instanceof PdfDictionary font && PdfName.TYPE0.equals(font.get(PdfName.SUBTYPE))) {
                    collect(font, usedByFontFile);
                }
            }
            boolean changed = false;
            for (Map.Entry<Integer, BitSet> e : usedByFontFile.entrySet()) {
                PRStream stream = (PRStream) reader.getPdfObject(e.getKey());
                byte[] cff = PdfReader.getStreamBytes(stream);
                var compact = CffCompactor.compact(cff, e.getValue());
                if (compact.isPresent()) {
                    stream.setData(compact.get());
                    changed = true;
                }
            }
            if (!changed) {
                reader.close();
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length / 2);
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            // a smaller file is not worth a refused print: the PDF goes out as exported
            LOG.warn("embedded fonts left as exported: {}", e.toString());
            return pdf;
        }
    }

    /** Adds the codes of one Type0 font's ToUnicode map to the glyphs used of its CFF font file. */
    private static void collect(PdfDictionary type0, Map<Integer, BitSet> usedByFontFile) throws IOException {
        PdfObject toUnicodeRef = type0.get(PdfName.TOUNICODE);
        PdfArray descendants = type0.getAsArray(PdfName.DESCENDANTFONTS);
        if (toUnicodeRef == null || descendants == null || descendants.size() != 1) {
            return;
        }
        PdfDictionary cidFont = (PdfDictionary) PdfReader.getPdfObject(descendants.getPdfObject(0));
        PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(cidFont.get(PdfName.FONTDESCRIPTOR));
        if (descriptor == null || !(descriptor.get(PdfName.FONTFILE3) instanceof PRIndirectReference fileRef)) {
            return;
        }
        PRStream file = (PRStream) PdfReader.getPdfObject(fileRef);
        if (!CIDFONTTYPE0C.equals(file.get(PdfName.SUBTYPE))) {
            return;
        }
        PRStream toUnicode = (PRStream) PdfReader.getPdfObject(toUnicodeRef);
        BitSet used = usedByFontFile.computeIfAbsent(fileRef.getNumber(), k -> new BitSet());
        codes(new String(PdfReader.getStreamBytes(toUnicode), StandardCharsets.ISO_8859_1), used);
    }

    /** The source codes of a ToUnicode CMap: each bfchar's code and each bfrange's codes. */
    static void codes(String cmap, BitSet used) {
        Matcher section = SECTION.matcher(cmap);
        while (section.find()) {
            boolean range = section.group(1).equals("bfrange");
            Matcher token = HEX.matcher(section.group(2));
            int column = 0;
            int first = 0;
            while (token.find()) {
                int width = range ? 3 : 2;
                String hex = token.group(1);
                if (column == 0 && hex != null) {
                    first = Integer.parseInt(hex, 16);
                    if (!range) {
                        used.set(first);
                    }
                } else if (column == 1 && range && hex != null) {
                    used.set(first, Integer.parseInt(hex, 16) + 1);
                }
                column = (column + 1) % width;
            }
        }
    }
}
