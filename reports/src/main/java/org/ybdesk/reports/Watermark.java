package org.ybdesk.reports;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.DeviceGray;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.extgstate.PdfExtGState;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.VerticalAlignment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.ybdesk.fonts.BundledFonts;

/**
 * The training watermark: every page of a sandbox print gets 「培训环境 仅供练习」 diagonally across it, stamped with
 * iText in the bundled sans face (embedded, Identity-H), semi-transparent over the content so it cannot be hidden by
 * a filled cell. Production prints never pass through here.
 */
public final class Watermark {
    private static volatile FontProgram font;

    private Watermark() {
    }

    /** The watermark text (bundle key {@code watermark.sandbox}). */
    public static String text() {
        return ReportTexts.get("watermark.sandbox");
    }

    /** {@code pdf} with the watermark on every page. */
    public static byte[] stamp(byte[] pdf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)), new PdfWriter(out))) {
            PdfFont f = PdfFontFactory.createFont(program(), PdfEncodings.IDENTITY_H,
                    EmbeddingStrategy.FORCE_EMBEDDED);
            String text = text();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                PdfPage page = doc.getPage(i);
                Rectangle box = page.getPageSizeWithRotation();
                PdfCanvas pc = new PdfCanvas(page.newContentStreamAfter(), page.getResources(), doc);
                pc.saveState();
                pc.setExtGState(new PdfExtGState().setFillOpacity(0.22f));
                float size = Math.min(box.getWidth(), box.getHeight()) / 7.5f;
                double angle = Math.atan2(box.getHeight(), box.getWidth());
                try (Canvas canvas = new Canvas(pc, box)) {
                    canvas.showTextAligned(new Paragraph(text).setFont(f).setFontSize(size)
                                    .setFontColor(new DeviceGray(0.35f)),
                            box.getLeft() + box.getWidth() / 2, box.getBottom() + box.getHeight() / 2, i,
                            TextAlignment.CENTER, VerticalAlignment.MIDDLE, (float) angle);
                }
                pc.restoreState();
                pc.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static FontProgram program() throws IOException {
        FontProgram p = font;
        if (p == null) {
            synchronized (Watermark.class) {
                p = font;
                if (p == null) {
                    p = FontProgramFactory.createFont(BundledFonts.file(BundledFonts.SANS_BOLD).toString());
                    font = p;
                }
            }
        }
        return p;
    }
}
