package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.swing.JMenuItem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.reports.PrintDoc;
import org.ybdesk.service.Mode;

/** The case screen's 打印 (Ctrl+P) opens the preview: documents of the case, rendered pages, zoom, save as PDF. */
class PrintPreviewTest extends GuiTestBase {

    @Test
    void previewRendersTheCaseDocumentsAndSavesAReadablePdf() throws Exception {
        var desk = productionDesk();
        var clerk = desk.users().login("clerk", "passclerk1");
        var c = CaseTestData.create(desk, 12, "王䶮", clerk);
        String no = c.summary().caseNo();
        CaseTestData.act(desk, no, CaseAction.ACCEPT, clerk);

        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        GuiActionRunner.execute(() -> ((MainFrame) main.target()).openCase(no));
        waitIdle();
        main.label("case.header.caseNo").requireText(no);
        JMenuItem printItem = (JMenuItem) main.menuItem("menu.case.print").target();
        assertThat(GuiActionRunner.execute(printItem::isEnabled)).isTrue();
        GuiActionRunner.execute(() -> printItem.doClick());

        DialogFixture preview = WindowFinder.findDialog(new GenericTypeMatcher<PrintPreviewDialog>(
                PrintPreviewDialog.class) {
            @Override
            protected boolean isMatching(PrintPreviewDialog d) {
                return d.isShowing();
            }
        }).withTimeout(20, TimeUnit.SECONDS).using(robot);
        waitIdle();
        PrintPreviewDialog dialog = (PrintPreviewDialog) preview.target();
        assertThat(GuiActionRunner.execute(dialog::offered)).extracting(PrintDoc::code)
                .containsExactly("receipt", "table-9", "table-11");
        assertThat(GuiActionRunner.execute(dialog::pageCount)).isEqualTo(1);
        var first = GuiActionRunner.execute(dialog::shownImage);
        assertThat(first).isNotNull();
        assertThat(first.getHeight()).isGreaterThan(first.getWidth());
        preview.label("print.pageLabel").requireText("第1/1页");
        assertThat(preview.label("print.status").text()).contains("受理回执");

        press(preview.button("print.zoomIn"));
        waitIdle();
        assertThat(GuiActionRunner.execute(dialog::shownImage).getWidth()).isGreaterThan(first.getWidth());

        preview.comboBox("print.doc").selectItem(1);
        waitIdle();
        assertThat(preview.label("print.status").text()).contains("表9");
        assertThat(GuiActionRunner.execute(dialog::pageCount)).isGreaterThanOrEqualTo(1);
        java.awt.image.BufferedImage shot = GuiActionRunner.execute(() -> {
            var b = new java.awt.image.BufferedImage(dialog.getWidth(), dialog.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            dialog.paintAll(b.getGraphics());
            return b;
        });
        Files.createDirectories(Path.of("target/screenshots"));
        javax.imageio.ImageIO.write(shot, "png", Path.of("target/screenshots/print-preview.png").toFile());

        Path out = dataDir.resolve("saved-table-9.pdf");
        GuiActionRunner.execute(() -> { dialog.saveTo(out); });
        waitIdle();
        assertThat(out).exists();
        try (PDDocument d = Loader.loadPDF(Files.readAllBytes(out))) {
            String text = new PDFTextStripper().getText(d);
            assertThat(text).contains("异地就医登记备案表", no, "王䶮");
        }
        assertThat(preview.label("print.status").text()).contains("已保存");
        preview.button("print.save").requireEnabled();
        preview.button("print.print").requireEnabled();
        press(preview.button("print.close"));
        waitIdle();
    }
}
