package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType0;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.reports.PrintDoc.Kind;
import org.ybdesk.service.Mode;

/**
 * Issue 14, item 11: a one-page print is not 420 KB. The embedded CJK faces are rewritten with only the glyphs the
 * page shows ({@link CompactFonts}); the page must look the same to the pixel, read the same, and each face must
 * still be a valid CID-keyed font whose glyphs are those the page uses.
 */
class CompactFontsTest {
    @TempDir
    Path dir;

    @Test
    void aReceiptShrinksToAFractionAndLooksAndReadsTheSame() throws Exception {
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION)) {
            String no = f.create(17, "王䶮", Set.of()).summary().caseNo();
            f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
            List<JasperPrint> prints = List.of(Prints.fill(PrintDoc.of(Kind.RECEIPT), f.desk.prints().model(no,
                    f.clerk)));
            byte[] asIs = Prints.exportAsIs(prints);
            byte[] compact = CompactFonts.apply(asIs);

            assertThat(asIs.length).as("the control: the exporter's own subset").isGreaterThan(300_000);
            assertThat(compact.length).as("bytes of a one-page receipt").isLessThan(80_000);
            assertSame(asIs, compact);
            // the print path uses it
            assertThat(f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk).length).isLessThan(80_000);
        }
    }

    @Test
    void aBatchOfTablesAndDocumentsLooksTheSameAndEachFaceHoldsOnlyItsGlyphs() throws Exception {
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION)) {
            List<JasperPrint> prints = new ArrayList<>();
            for (int item : new int[] {1, 10, 25}) {
                String no = f.create(item, "欧阳䶮", Set.of()).summary().caseNo();
                f.run(no, 12);
                var model = f.desk.prints().model(no, f.clerk);
                for (PrintDoc doc : f.prints.applicable(no, f.clerk)) {
                    prints.add(Prints.fill(doc, model));
                }
            }
            byte[] asIs = Prints.exportAsIs(prints);
            byte[] compact = CompactFonts.apply(asIs);
            assertThat(compact.length).isLessThan(asIs.length / 2);
            assertSame(asIs, compact);
            try (PDDocument d = Loader.loadPDF(compact)) {
                int faces = 0;
                for (var ref : fontFiles(d)) {
                    CFFCIDFont cff = (CFFCIDFont) ref.font().getCFFFont();
                    BitSet used = new BitSet();
                    CompactFonts.codes(ref.toUnicode(), used);
                    // glyph 0 and one glyph per code the page shows, each CID mapped to its own glyph
                    assertThat(cff.getNumCharStrings()).isEqualTo(used.cardinality() + (used.get(0) ? 0 : 1));
                    for (int cid = used.nextSetBit(1); cid >= 0; cid = used.nextSetBit(cid + 1)) {
                        assertThat(cff.getType2CharString(cid).getGID()).as("glyph of CID %d", cid).isPositive();
                    }
                    faces++;
                }
                assertThat(faces).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void popplerRendersTheCompactedFontsAsTheOriginal() throws Exception {
        assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed: the second renderer is skipped");
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION)) {
            String no = f.create(17, "王䶮", Set.of()).summary().caseNo();
            f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
            byte[] asIs = Prints.exportAsIs(List.of(Prints.fill(PrintDoc.of(Kind.RECEIPT),
                    f.desk.prints().model(no, f.clerk))));
            byte[] compact = CompactFonts.apply(asIs);
            assertThat(poppler(asIs, "before")).isEqualTo(poppler(compact, "after"));
        }
    }

    @Test
    void whatItCannotReadGoesOutAsItCame() {
        byte[] notAPdf = "%PDF-1.4 broken".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(CompactFonts.apply(notAPdf)).isSameAs(notAPdf);
        BitSet some = new BitSet();
        some.set(1, 40);
        assertThat(CffCompactor.compact(new byte[] {1, 0, 4, 4, 0, 1, 1, 1}, some)).isEmpty();
        assertThat(CffCompactor.compact(new byte[0], some)).isEmpty();
    }

    private static void assertSame(byte[] before, byte[] after) throws IOException {
        assertThat(PdfProbe.read(after, 9f).text).isEqualTo(PdfProbe.read(before, 9f).text);
        try (PDDocument a = Loader.loadPDF(before); PDDocument b = Loader.loadPDF(after)) {
            assertThat(b.getNumberOfPages()).isEqualTo(a.getNumberOfPages());
            PDFRenderer ra = new PDFRenderer(a);
            PDFRenderer rb = new PDFRenderer(b);
            for (int i = 0; i < a.getNumberOfPages(); i++) {
                BufferedImage x = ra.renderImageWithDPI(i, 100);
                BufferedImage y = rb.renderImageWithDPI(i, 100);
                int differing = 0;
                for (int py = 0; py < x.getHeight(); py++) {
                    for (int px = 0; px < x.getWidth(); px++) {
                        if (x.getRGB(px, py) != y.getRGB(px, py)) {
                            differing++;
                        }
                    }
                }
                assertThat(differing).as("pixels differing on page %d", i + 1).isZero();
            }
        }
    }

    private record FontFile(PDCIDFontType0 font, String toUnicode) {
    }

    private static List<FontFile> fontFiles(PDDocument d) throws IOException {
        List<FontFile> files = new ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (PDPage page : d.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                if (page.getResources().getFont(name) instanceof PDType0Font t0) {
                    var file = t0.getDescendantFont().getFontDescriptor().getFontFile3();
                    if (file != null && seen.add(file.getCOSObject())) {
                        try (var cmap = t0.getCOSObject().getCOSStream(COSName.TO_UNICODE).createInputStream()) {
                            files.add(new FontFile((PDCIDFontType0) t0.getDescendantFont(),
                                    new String(cmap.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)));
                        }
                    }
                }
            }
        }
        return files;
    }

    private static boolean onPath(String tool) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, tool))) {
                return true;
            }
        }
        return false;
    }

    private byte[] poppler(byte[] pdf, String name) throws Exception {
        Path in = dir.resolve(name + ".pdf");
        Files.write(in, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-r", "100", "-gray", in.toString(), dir.resolve(name).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("poppler's complaints").isEmpty();
        try (var pages = Files.list(dir).filter(x -> x.getFileName().toString().startsWith(name + "-"))) {
            List<Path> list = pages.sorted().toList();
            assertThat(list).isNotEmpty();
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (Path page : list) {
                all.writeBytes(Files.readAllBytes(page));
            }
            return all.toByteArray();
        }
    }
}
