package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.ybdesk.service.Mode;

/**
 * Issue 14, point 11: 批量打印 on the workbench list — every case shown (or the selected rows) into one PDF of the
 * chosen document through the print preview; the cases the document does not apply to are named, not skipped
 * silently.
 */
class BatchPrintTest extends GuiTestBase {

    private DialogFixture batchDialog() {
        DialogFixture d = WindowFinder.findDialog(new GenericTypeMatcher<PrintPreviewDialog>(PrintPreviewDialog.class) {
            @Override
            protected boolean isMatching(PrintPreviewDialog p) {
                return p.isShowing() && "print.batch".equals(p.getName());
            }
        }).withTimeout(20, TimeUnit.SECONDS).using(robot);
        waitIdle();
        return d;
    }

    @Test
    void batchPrintOfTheWorkbenchListMakesOnePdfAndNamesTheSkipped() throws Exception {
        var desk = productionDesk();
        var clerk = desk.users().login("clerk", "passclerk1");
        String a = CaseTestData.create(desk, 12, "王䶮", clerk).summary().caseNo();
        String b = CaseTestData.create(desk, 12, "李四", clerk).summary().caseNo();
        String open = CaseTestData.create(desk, 12, "赵六", clerk).summary().caseNo();
        CaseTestData.act(desk, a, CaseAction.ACCEPT, clerk);
        CaseTestData.act(desk, b, CaseAction.ACCEPT, clerk);

        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        waitIdle();
        CaseTable table = find(main, "workbench.table", CaseTable.class);
        GuiActionRunner.execute(() -> table.setCases(desk.search().search(
                org.ybdesk.service.SearchService.Query.text(""))));
        waitIdle();
        List<String> shown = GuiActionRunner.execute(table::forBatch);
        assertThat(shown).as("one row selected: every case shown").containsExactlyInAnyOrder(a, b, open);

        press(main.button("workbench.batchPrint"));
        DialogFixture preview = batchDialog();
        PrintPreviewDialog dialog = (PrintPreviewDialog) preview.target();
        assertThat(GuiActionRunner.execute(dialog::getTitle)).contains("3 件");
        assertThat(GuiActionRunner.execute(dialog::pageCount)).isEqualTo(2);
        assertThat(GuiActionRunner.execute(dialog::statusText)).contains("受理回执", "已生成 2 件", "跳过 1 件", open,
                "尚未受理");
        screenshot(dialog, "batch-print", false);
        Path out = dataDir.resolve("batch.pdf");
        GuiActionRunner.execute(() -> dialog.saveTo(out));
        waitIdle();
        try (PDDocument d = Loader.loadPDF(Files.readAllBytes(out))) {
            assertThat(d.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(d)).contains(a, b, "王䶮", "李四").doesNotContain(open);
        }
        press(preview.button("print.close"));
        waitIdle();

        // two rows selected: only those
        GuiActionRunner.execute(() -> {
            int ra = -1;
            int rb = -1;
            for (int r = 0; r < table.getRowCount(); r++) {
                Object no = table.getValueAt(r, 0);
                if (a.equals(no)) {
                    ra = r;
                } else if (b.equals(no)) {
                    rb = r;
                }
            }
            table.setRowSelectionInterval(ra, ra);
            table.addRowSelectionInterval(rb, rb);
        });
        assertThat(GuiActionRunner.execute(table::forBatch)).containsExactlyInAnyOrder(a, b);
        press(main.button("workbench.batchPrint"));
        DialogFixture second = batchDialog();
        PrintPreviewDialog d2 = (PrintPreviewDialog) second.target();
        assertThat(GuiActionRunner.execute(d2::getTitle)).contains("2 件");
        assertThat(GuiActionRunner.execute(d2::statusText)).contains("已生成 2 件", "跳过 0 件");
        press(second.button("print.close"));
        waitIdle();
    }
}
