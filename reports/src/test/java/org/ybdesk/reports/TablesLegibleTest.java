package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.forms.Cell;
import org.ybdesk.forms.CellKind;
import org.ybdesk.forms.Column;
import org.ybdesk.forms.FilledForm;
import org.ybdesk.forms.FormFiller;
import org.ybdesk.forms.ReferenceForm;
import org.ybdesk.forms.ReferenceForms;
import org.ybdesk.forms.Row;
import org.ybdesk.forms.Section;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService;

/**
 * Issue 14, points 1, 4 and 7 for tables 1–13: with the longest realistic values (a 60-character address, 王䶮, a long
 * unit name, 18-digit IDs, 19-digit accounts, a 12-digit agency code in the case number) every label and every value
 * is on the paper in full, nothing is smaller than 9 pt, numbers are never broken across lines; places print by name;
 * blank forms have room to write.
 */
class TablesLegibleTest {
    /** 60 characters. */
    static final String ADDRESS = "黑龙江省哈尔滨市道里区中央大街与西十二道街交口东北角友谊路新阳路商住综合楼B座二单元十七层一七零三室"
            + "（防洪纪念塔广场北侧）";
    static final String UNIT = "哈尔滨市道里区新阳路街道社区卫生服务中心第一分中心（黑龙江省医疗保障定点）";
    static final String PERSON = "王䶮";
    static final String TEXT = "依申请变更登记事项并同步更新单位经办人及联系方式";

    @TempDir
    static Path dir;
    static PrintFixture f;

    @BeforeAll
    static void open() throws Exception {
        f = new PrintFixture(dir, Mode.PRODUCTION, PrintFixture.TODAY, "230102001001");
        Files.createDirectories(DocumentsTest.OUT);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    static IntStream tables() {
        return IntStream.rangeClosed(1, ReferenceForms.COUNT);
    }

    @ParameterizedTest(name = "表{0} blank: every label in full, nothing below 9 pt")
    @MethodSource("tables")
    void blankTableShowsEveryLabelInFull(int no) throws Exception {
        ReferenceForm form = ReferenceForms.load().form(no);
        byte[] pdf = f.prints.renderBlank(no);
        Files.write(DocumentsTest.OUT.resolve("legible-" + no + "-blank.pdf"), pdf);
        String text = flat(streamText(pdf));
        for (String label : labels(form)) {
            assertThat(text).as("表%d blank: label 「%s」", no, label).contains(flat(label));
        }
        legibleSize(pdf, no);
    }

    @ParameterizedTest(name = "表{0} filled with the longest values: everything in full, numbers unbroken")
    @MethodSource("tables")
    void filledTableShowsEveryLabelAndValueInFull(int no) throws Exception {
        ServiceItem item = f.desk.catalog().items().stream().filter(i -> i.referenceForms().contains(no))
                .findFirst().orElseThrow();
        Map<String, String> fields = longest(item);
        CaseView c = create(item, fields);
        String caseNo = c.summary().caseNo();
        byte[] pdf = f.prints.render(PrintDoc.table(no), caseNo, f.clerk);
        Files.write(DocumentsTest.OUT.resolve("legible-" + no + "-filled.pdf"), pdf);
        String stream = streamText(pdf);
        String text = flat(stream);

        ReferenceForm form = ReferenceForms.load().form(no);
        for (String label : labels(form)) {
            assertThat(text).as("表%d: label 「%s」", no, label).contains(flat(label));
        }
        Map<String, String> values = new LinkedHashMap<>(Prints.tableValues(f.desk.prints().model(caseNo, f.clerk)));
        FilledForm filled = FormFiller.fill(form, item, values);
        Map<String, String> printed = FormDesigns.values(filled);
        assertThat(printed.values()).as("values on 表%d", no).anyMatch(v -> v != null && !v.isBlank());
        printed.forEach((cell, v) -> assertThat(text).as("表%d: value of %s 「%s」", no, cell, v)
                .contains(flat(v == null ? "" : v)));
        if (form.keys().stream().anyMatch(Set.of("name", "insuredName", "unitName", "institutionName",
                "pharmacyName")::contains)) {
            assertThat(text).contains(item.applicantKind() == ApplicantKind.PERSON ? PERSON : flat(UNIT));
        }

        // numbers never break across lines: each stands whole on one line of the text as drawn
        List<String> lines = Arrays.stream(stream.split("\\R")).map(TablesLegibleTest::flat).toList();
        Set<String> numbers = new LinkedHashSet<>();
        numbers.add(caseNo);
        item.leafFields().filter(s -> Set.of(FieldType.ID_NUMBER, FieldType.PHONE, FieldType.BANK_ACCOUNT,
                FieldType.CREDIT_CODE).contains(s.type())).map(s -> fields.get(s.key()))
                .filter(v -> v != null && form.keys().stream().anyMatch(k -> v.equals(values.get(k))))
                .forEach(numbers::add);
        if (form.keys().contains("idNumber") && c.applicantId() != null) {
            numbers.add(c.applicantId());
        }
        for (String n : numbers) {
            assertThat(lines).as("表%d: 「%s」 on one line", no, n).anyMatch(l -> l.contains(n));
        }
        legibleSize(pdf, no);
    }

    @Test
    void placesPrintByNameWithTheirCodeAndTable9DerivesTheProvince() throws Exception {
        ServiceItem item = f.desk.catalog().item(11);
        Map<String, String> fields = longest(item);
        assertThat(fields).containsEntry("treatmentPlace", "460200");
        CaseView c = create(item, fields);
        String text = flat(streamText(f.prints.render(PrintDoc.table(9), c.summary().caseNo(), f.clerk)));
        assertThat(text).contains("海南省三亚市（460200）").contains("海南省（460000）");
    }

    @Test
    void table4ReadsTheFormerSideFromTheRegistry() throws Exception {
        ServiceItem item = f.desk.catalog().item(4);
        String credit = PrintFixture.creditCode();
        String account = PrintFixture.bankCard();
        String repId = PrintFixture.residentId("19700303", true);
        f.desk.registry().registerUnit(new RegistryService.UnitInput(credit, UNIT, "企业", ADDRESS, "欧阳䶮",
                IdType.RESIDENT_ID, repId, "13700001111", "中国工商银行哈尔滨道里支行", account, "李经办", "0451-86661234",
                "230102"), f.admin);
        Map<String, String> fields = longest(item);
        fields.put("unitAddress", "哈尔滨市道里区新阳路88号");
        CaseView c = f.desk.cases().create(new NewCase(4, new Applicant(null, credit, UNIT, "0451-84660000"),
                fields, paper(item), null, null, null), f.clerk);
        byte[] pdf = f.prints.render(PrintDoc.table(4), c.summary().caseNo(), f.clerk);
        Files.write(DocumentsTest.OUT.resolve("legible-4-registry.pdf"), pdf);
        String stream = streamText(pdf);
        String text = flat(stream);
        assertThat(text).contains(flat(ADDRESS)).contains("欧阳䶮").contains(repId).contains(account)
                .contains("0451-86661234").contains("哈尔滨市道里区新阳路88号");
        List<String> lines = Arrays.stream(stream.split("\\R")).map(TablesLegibleTest::flat).toList();
        assertThat(lines).anyMatch(l -> l.contains(repId)).anyMatch(l -> l.contains(account));
        legibleSize(pdf, 4);
    }

    @Test
    void blankFormsLeaveRoomToWrite() throws Exception {
        // 表11: the ID number's blank takes 18 hand-written digits of 5 mm
        byte[] t11 = f.prints.renderBlank(11);
        assertThat(longestUnderscoreRunMm(t11)).as("表11 ID blank in mm").isGreaterThanOrEqualTo(90);
        // pre-numbered rows (表2 nine, 表6 six, 表8 four); 表8's columns numbered 1–6 as the appendix
        for (int[] t : new int[][] {{2, 9}, {6, 6}, {8, 4}}) {
            String s = streamText(f.prints.renderBlank(t[0]));
            List<String> lines = Arrays.stream(s.split("\\R")).map(String::strip).toList();
            for (int r = 1; r <= t[1]; r++) {
                int row = r;
                assertThat(lines).as("表%d row %d numbered", t[0], r).anyMatch(l -> l.equals(String.valueOf(row)));
            }
        }
        String t8 = flat(streamText(f.prints.renderBlank(8)));
        assertThat(t8).as("表8: 序号 unnumbered, the data columns 1–6")
                .contains("序号时间自年月至年月1基本医疗保险类型2参保缴费月数小计3");
        // dates to write: 「　　　　年　　月　　日」
        String t2 = streamText(f.prints.renderBlank(2));
        assertThat(t2).contains("\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日");
        // signature apart from the seal
        assertThat(streamText(f.prints.renderBlank(4))).contains("经办人：\u3000\u3000\u3000\u3000\u3000\u3000\u3000"
                + "\u3000（受理单位盖章）");
        // 表3's address sub-cells
        assertThat(flat(streamText(f.prints.renderBlank(3))))
                .contains("户籍所在地（居住证登记地）省市区县(市)乡镇(街道)村(社区)");
        // 填写说明 on the covers of 表12/13; 表5 says it is the agency's design
        assertThat(flat(streamText(f.prints.renderBlank(12)))).contains("填写说明一、本表采用打印版");
        assertThat(flat(streamText(f.prints.renderBlank(13)))).contains("填写说明一、本表采用打印版");
        assertThat(flat(streamText(f.prints.renderBlank(5)))).contains("经办机构").contains("自行设计");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A case of the item with the longest realistic values, all materials on paper. */
    static CaseView create(ServiceItem item, Map<String, String> fields) {
        Applicant ap = item.applicantKind() == ApplicantKind.PERSON
                ? new Applicant(IdType.RESIDENT_ID, PrintFixture.residentId("19800101", true), PERSON, "13912345678")
                : new Applicant(null, PrintFixture.creditCode(), UNIT, "0451-84660000");
        boolean settlement = item.flow() == FlowVariant.SETTLEMENT;
        return f.desk.cases().create(new NewCase(item.no(), ap, fields, paper(item), null,
                settlement ? Money.ofFen(1_234_567) : null, settlement ? Money.ofFen(1_234_567) : null), f.clerk);
    }

    static Map<Integer, MaterialStatus> paper(ServiceItem item) {
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        return m;
    }

    static Map<String, String> longest(ServiceItem item) {
        Map<String, String> out = PrintFixture.fields(item);
        item.leafFields().filter(s -> out.containsKey(s.key())).forEach(s -> {
            String v = longestValue(s);
            if (v != null) {
                out.put(s.key(), v);
            }
        });
        return out;
    }

    static String longestValue(FieldSpec s) {
        return switch (s.type()) {
            case ADDRESS -> ADDRESS;
            case NAME -> PERSON;
            case ADMIN_DIVISION -> "460200";
            case TEXT -> s.key().toLowerCase().contains("name") ? UNIT : TEXT;
            default -> null;
        };
    }

    /** Every wording of the paper form: title, labels, groups, texts, headings, options, sign lines, notes. */
    static List<String> labels(ReferenceForm form) {
        List<String> out = new ArrayList<>();
        out.add(form.title());
        form.instructions().forEach(out::add);
        for (Cell c : form.header()) {
            out.add(c.label());
        }
        for (Cell c : form.footer()) {
            out.add(c.kind() == CellKind.TEXT ? c.text() : c.label());
        }
        for (Section s : form.sections()) {
            if (s.title() != null) {
                out.add(s.title());
            }
            for (Row r : s.rows()) {
                if (r.grouped()) {
                    out.add(r.group());
                }
                for (Cell c : r.cells()) {
                    out.add(c.label());
                    if (c.kind() == CellKind.TEXT && c.placeholders().isEmpty()) {
                        out.add(c.text());
                    } else if (c.kind() == CellKind.TEXT) {
                        out.addAll(Arrays.asList(c.text().split("\\{[a-zA-Z0-9]+}")));
                    }
                    c.options().forEach(out::add);
                    c.signLines().forEach(l -> out.add(FormDesigns.signBlanks(l)));
                }
            }
            if (s.hasTable()) {
                if (s.table().caption() != null) {
                    out.add(s.table().caption());
                }
                for (Column col : s.table().columns()) {
                    out.add(col.label());
                    col.options().forEach(out::add);
                }
            }
        }
        return out.stream().filter(l -> l != null && !flat(l).isEmpty()).distinct().toList();
    }

    /** Whitespace (ideographic spaces too) removed: a wrapped text reads as one string. */
    static String flat(String s) {
        return s.replaceAll("[\\s\\u3000\\u00A0]+", "");
    }

    /**
     * The text in drawing order: JasperReports draws each text element whole, so a label or value wrapped inside
     * its cell reads as one string (position sorting would interleave it with the cells beside it).
     */
    static String streamText(byte[] pdf) throws IOException {
        String t = PrintFixture.text(pdf);
        assertThat(t).as("no typesetting glue reaches the PDF").doesNotContain(String.valueOf(Typesetting.GLUE));
        return t;
    }

    static void legibleSize(byte[] pdf, int no) throws IOException {
        PdfProbe probe = PdfProbe.read(pdf, 9f);
        assertThat(probe.small).as("表%d: glyphs below 9 pt", no).isEmpty();
        assertThat(probe.smallestPt).as("表%d: smallest glyph", no).isGreaterThanOrEqualTo(9f - 0.05f);
    }

    /** The widest run of low lines (a blank to write on) in millimetres. */
    static double longestUnderscoreRunMm(byte[] pdf) throws IOException {
        double[] best = {0};
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String run, List<TextPosition> positions) throws IOException {
                    float start = -1;
                    float end = -1;
                    for (TextPosition p : positions) {
                        if ("_".equals(p.getUnicode())) {
                            if (start < 0) {
                                start = p.getXDirAdj();
                            }
                            end = p.getXDirAdj() + p.getWidthDirAdj();
                            best[0] = Math.max(best[0], (end - start) / 72.0 * 25.4);
                        } else {
                            start = -1;
                        }
                    }
                    super.writeString(run, positions);
                }
            };
            s.getText(d);
        }
        return best[0];
    }
}
