package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.forms.CellKind;
import org.ybdesk.forms.FilledForm;
import org.ybdesk.forms.FormFiller;
import org.ybdesk.forms.Orientation;
import org.ybdesk.forms.ReferenceForm;
import org.ybdesk.forms.ReferenceForms;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Mode;

/** Tables 1–13: blank and filled from a case of an item that cites them, A4 in the spec's orientation. */
class TablesTest {
    static final Path REVIEW = Path.of("../docs/prints/jrxml");

    @TempDir
    static Path dir;
    static PrintFixture f;

    @BeforeAll
    static void open() throws Exception {
        f = new PrintFixture(dir, Mode.PRODUCTION);
        Files.createDirectories(DocumentsTest.OUT);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    static IntStream tables() {
        return IntStream.rangeClosed(1, ReferenceForms.COUNT);
    }

    @ParameterizedTest(name = "表{0} blank")
    @MethodSource("tables")
    void blankTablePrintsTitleLabelsAndFooterOnA4(int no) throws Exception {
        ReferenceForm form = ReferenceForms.load().form(no);
        byte[] pdf = f.prints.renderBlank(no);
        Files.write(DocumentsTest.OUT.resolve("table-" + no + "-blank.pdf"), pdf);
        String text = PrintFixture.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains(form.title().replaceAll("\\s", "")).contains("哈尔滨市道里区医疗保障中心")
                .contains("（空白表）");
        form.gridCells().filter(c -> !c.label().isBlank() && !c.inline()).limit(6)
                .forEach(c -> assertThat(text).contains(c.label().replaceAll("\\s", "")));
        checkA4(pdf, form);
        int[] seen = {0};
        assertThat(PrintFixture.notEmbedded(pdf, seen)).isEmpty();
        // issue 14: 第N页 共M页 on every page of a table
        List<String> pages = PrintFixture.pageTexts(pdf);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i).replaceAll("[\\s\u3000]", ""))
                    .contains("第" + (i + 1) + "页共" + pages.size() + "页");
        }
    }

    @ParameterizedTest(name = "表{0} filled")
    @MethodSource("tables")
    void filledTableCarriesTheCaseValues(int no) throws Exception {
        ServiceItem item = f.desk.catalog().items().stream().filter(i -> i.referenceForms().contains(no))
                .findFirst().orElseThrow();
        String name = item.applicantKind() == ApplicantKind.PERSON ? "王䶮" : "道里䶮安医院";
        CaseView c = f.create(item.no(), name, Set.of());
        String caseNo = c.summary().caseNo();
        // filled from the application as taken in (a change of items 4–6 is accepted only for a registered applicant)
        byte[] pdf = f.prints.render(PrintDoc.table(no), caseNo, f.clerk);
        Files.write(DocumentsTest.OUT.resolve("table-" + no + "-filled.pdf"), pdf);
        String text = PrintFixture.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains(caseNo);
        ReferenceForm form = ReferenceForms.load().form(no);
        FilledForm filled = FormFiller.fill(form, item,
                Prints.tableValues(f.desk.prints().model(caseNo, f.clerk)));
        var values = filled.cells().filter(x -> x.cell().kind() == CellKind.FIELD && !x.blank()).toList();
        assertThat(values).as("values on table %d", no).isNotEmpty();
        values.forEach(x -> assertThat(text).as("value of 「%s」", x.label()).contains(x.value().replaceAll("\\s", "")));
        if (form.keys().contains("name") || form.keys().contains("institutionName")
                || form.keys().contains("unitName") || form.keys().contains("pharmacyName")) {
            assertThat(text).contains(name);
        }
        checkA4(pdf, form);
    }

    @Test
    void generatedJrxmlMatchesTheReviewedCopies() throws Exception {
        boolean update = Boolean.getBoolean("ybdesk.updateJrxml");
        for (ReferenceForm form : ReferenceForms.load().all()) {
            String jrxml = FormDesigns.jrxml(form);
            Path file = REVIEW.resolve("table-" + form.no() + ".jrxml");
            if (update) {
                Files.createDirectories(REVIEW);
                Files.writeString(file, jrxml, StandardCharsets.UTF_8);
            }
            assertThat(jrxml).contains("kind=\"textField\"").contains(form.title());
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s is stale: run with "
                    + "-Dybdesk.updateJrxml=true", file).isEqualTo(jrxml);
        }
    }

    static void checkA4(byte[] pdf, ReferenceForm form) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (var page : d.getPages()) {
                PDRectangle box = page.getMediaBox();
                boolean turned = page.getRotation() % 180 != 0;
                float w = turned ? box.getHeight() : box.getWidth();
                float h = turned ? box.getWidth() : box.getHeight();
                if (form.orientation() == Orientation.LANDSCAPE) {
                    assertThat(w).isCloseTo(842, org.assertj.core.data.Offset.offset(1f));
                    assertThat(h).isCloseTo(595, org.assertj.core.data.Offset.offset(1f));
                } else {
                    assertThat(w).isCloseTo(595, org.assertj.core.data.Offset.offset(1f));
                    assertThat(h).isCloseTo(842, org.assertj.core.data.Offset.offset(1f));
                }
            }
        }
    }
}
