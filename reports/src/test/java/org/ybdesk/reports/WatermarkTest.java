package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Mode;

/** Sandbox prints carry the training watermark on every page, embedded; production prints never do. */
class WatermarkTest {
    @TempDir
    Path dir;

    static String squeeze(String s) {
        return s.replaceAll("\\s", "");
    }

    @Test
    void everyPageOfASandboxBatchIsWatermarked() throws Exception {
        try (PrintFixture f = new PrintFixture(dir.resolve("sandbox"), Mode.SANDBOX)) {
            List<Prints.Request> reqs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CaseView c = f.create(12, "培训" + "甲乙丙".charAt(i), Set.of());
                f.run(c.summary().caseNo(), 5);
                reqs.add(new Prints.Request(PrintDoc.of(PrintDoc.Kind.RECEIPT), c.summary().caseNo()));
                reqs.add(new Prints.Request(PrintDoc.table(9), c.summary().caseNo()));
                reqs.add(new Prints.Request(PrintDoc.table(11), c.summary().caseNo()));
            }
            byte[] pdf = f.prints.renderMany(reqs, f.clerk);
            Files.createDirectories(DocumentsTest.OUT);
            Files.write(DocumentsTest.OUT.resolve("sandbox-batch.pdf"), pdf);
            List<String> pages = PrintFixture.pageTexts(pdf);
            assertThat(pages).hasSizeGreaterThanOrEqualTo(9);
            for (String p : pages) {
                assertThat(squeeze(p)).contains(squeeze(Watermark.text()));
            }
            int[] seen = {0};
            assertThat(PrintFixture.notEmbedded(pdf, seen)).isEmpty();
            byte[] blank = f.prints.renderBlank(5);
            assertThat(PrintFixture.pageTexts(blank)).allSatisfy(p -> assertThat(squeeze(p))
                    .contains(squeeze(Watermark.text())));
            // the watermark's face is compacted with the page's (it alone was ~200 KB)
            assertThat(blank.length).as("bytes of a watermarked one-page table").isLessThan(100_000);
        }
    }

    @Test
    void productionPrintsHaveNoWatermark() throws Exception {
        try (PrintFixture f = new PrintFixture(dir.resolve("prod"), Mode.PRODUCTION)) {
            CaseView c = f.create(12, "正式甲", Set.of());
            f.act(c.summary().caseNo(), Command.of(CaseAction.ACCEPT), f.clerk);
            byte[] pdf = f.prints.render(PrintDoc.of(PrintDoc.Kind.RECEIPT), c.summary().caseNo(), f.clerk);
            assertThat(squeeze(PrintFixture.text(pdf))).doesNotContain(squeeze(Watermark.text()))
                    .doesNotContain("培训环境");
            assertThat(squeeze(PrintFixture.text(f.prints.renderBlank(9)))).doesNotContain("培训环境");
        }
    }
}
