package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.ybdesk.reports.batch.BatchReports;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.ReportService.Filter;
import org.ybdesk.service.ReportService.Kind;

/**
 * Issue 14, point 10: the reports as workbooks a supervisor can sort, read back from the file's XML (no spreadsheet
 * library in the build): one frozen header row, an auto-filter, real date cells, numbers as numbers, no merged cells
 * and no page header or footer among the data, fonts Excel has, column widths that fit the values.
 */
class XlsxTest {
    static final Filter PERIOD = Filter.of(PrintFixture.TODAY.minusDays(30), PrintFixture.TODAY);
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    static PrintFixture f;

    @BeforeAll
    static void data() {
        f = RegisterCases.shared();
    }

    /** The workbook's parts as text, by name. */
    static Map<String, String> parts(byte[] xlsx) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(z.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(false);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** One cell as read back: its type attribute, style index, and text or number. */
    record Cell(String type, int style, String value) {
        boolean numeric() {
            return type.isEmpty();
        }
    }

    /** The sheet's rows: cell reference column letters → cell. */
    static List<Map<String, Cell>> rows(Document sheet) {
        List<Map<String, Cell>> out = new ArrayList<>();
        NodeList rows = sheet.getElementsByTagName("row");
        for (int i = 0; i < rows.getLength(); i++) {
            Map<String, Cell> row = new LinkedHashMap<>();
            NodeList cells = ((Element) rows.item(i)).getElementsByTagName("c");
            for (int j = 0; j < cells.getLength(); j++) {
                Element c = (Element) cells.item(j);
                String col = c.getAttribute("r").replaceAll("\\d", "");
                String value = c.getElementsByTagName("v").getLength() > 0
                        ? c.getElementsByTagName("v").item(0).getTextContent() : c.getTextContent();
                row.put(col, new Cell(c.getAttribute("t"), Integer.parseInt(c.getAttribute("s").isEmpty() ? "0"
                        : c.getAttribute("s")), value));
            }
            out.add(row);
        }
        return out;
    }

    /** The number format code of each cell style (cellXfs index → code; built-in 0/1/49 as General/0/@). */
    static List<String> formats(Document styles) {
        Map<String, String> codes = new HashMap<>(Map.of("0", "General", "1", "0", "49", "@"));
        NodeList fmts = styles.getElementsByTagName("numFmt");
        for (int i = 0; i < fmts.getLength(); i++) {
            Element e = (Element) fmts.item(i);
            codes.put(e.getAttribute("numFmtId"), e.getAttribute("formatCode"));
        }
        List<String> out = new ArrayList<>();
        NodeList xfs = ((Element) styles.getElementsByTagName("cellXfs").item(0)).getElementsByTagName("xf");
        for (int i = 0; i < xfs.getLength(); i++) {
            out.add(codes.get(((Element) xfs.item(i)).getAttribute("numFmtId")));
        }
        return out;
    }

    static String column(Map<String, Cell> header, String title) {
        return header.entrySet().stream().filter(e -> e.getValue().value().equals(title)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no column " + title + " in " + header.values()));
    }

    @Test
    void ledgerIsASortableTable() throws Exception {
        ReportService.Ledger l = f.desk.reports().ledger(PERIOD);
        byte[] bytes = BatchReports.xlsx(BatchReports.ledger(l), Mode.PRODUCTION);
        Files.createDirectories(Path.of("target", "registers"));
        Files.write(Path.of("target", "registers", "ledger.xlsx"), bytes);
        Map<String, String> p = parts(bytes);
        String sheetXml = p.get("xl/worksheets/sheet1.xml");
        assertThat(sheetXml).as("no merged cells, no page header or footer in the data")
                .doesNotContain("<mergeCell", "<headerFooter", "&amp;P");
        Document sheet = xml(sheetXml);
        Element pane = (Element) sheet.getElementsByTagName("pane").item(0);
        assertThat(pane.getAttribute("state")).isEqualTo("frozen");
        assertThat(pane.getAttribute("ySplit")).isEqualTo("1");
        assertThat(sheet.getElementsByTagName("autoFilter").getLength()).isEqualTo(1);
        assertThat(p.get("xl/workbook.xml")).contains("办件台账", "说明");

        List<Map<String, Cell>> rows = rows(sheet);
        assertThat(rows).hasSize(l.rows().size() + 1);
        Map<String, Cell> header = rows.get(0);
        assertThat(header.values()).extracting(Cell::value).contains("办件编号", "收件日期", "受理日期", "申报金额（元）",
                "支付金额（元）").doesNotContain("医疗保障经办政务服务办件台账");
        List<String> formats = formats(xml(p.get("xl/styles.xml")));
        String received = column(header, "收件日期");
        String caseNo = column(header, "办件编号");
        String paid = column(header, "支付金额（元）");
        String declared = column(header, "申报金额（元）");
        BigDecimal paidSum = BigDecimal.ZERO;
        BigDecimal declaredSum = BigDecimal.ZERO;
        for (int i = 1; i < rows.size(); i++) {
            ReportService.LedgerRow r = l.rows().get(i - 1);
            Map<String, Cell> row = rows.get(i);
            Cell d = row.get(received);
            assertThat(d.numeric()).as("收件日期 is a date cell").isTrue();
            assertThat(formats.get(d.style())).contains("yyyy").contains("dd");
            assertThat(EPOCH.plusDays(Long.parseLong(d.value()))).isEqualTo(r.receivedOn());
            assertThat(row.get(caseNo).numeric()).as("a case number stays text (24 digits)").isFalse();
            assertThat(row.get(caseNo).value()).isEqualTo(r.caseNo());
            if (row.containsKey(paid)) {
                assertThat(row.get(paid).numeric()).isTrue();
                paidSum = paidSum.add(new BigDecimal(row.get(paid).value()));
            }
            if (row.containsKey(declared) && r.state() != org.ybdesk.core.lifecycle.CaseState.REFUSED) {
                declaredSum = declaredSum.add(new BigDecimal(row.get(declared).value()));
            }
        }
        assertThat(paidSum).isEqualByComparingTo(BigDecimal.valueOf(l.paidTotal().fen(), 2));
        assertThat(declaredSum).isEqualByComparingTo(BigDecimal.valueOf(l.declaredTotal().fen(), 2));

        // fonts Excel has; widths that fit a 24-digit number and stay sensible
        Document styles = xml(p.get("xl/styles.xml"));
        NodeList names = styles.getElementsByTagName("name");
        for (int i = 0; i < names.getLength(); i++) {
            assertThat(((Element) names.item(i)).getAttribute("val")).isIn("宋体", "等线");
        }
        NodeList cols = sheet.getElementsByTagName("col");
        assertThat(cols.getLength()).isEqualTo(header.size());
        for (int i = 0; i < cols.getLength(); i++) {
            double w = Double.parseDouble(((Element) cols.item(i)).getAttribute("width"));
            assertThat(w).isBetween(4.0, 60.0);
        }
        int caseNoIndex = new ArrayList<>(header.keySet()).indexOf(caseNo);
        assertThat(Double.parseDouble(((Element) cols.item(caseNoIndex)).getAttribute("width")))
                .isGreaterThanOrEqualTo(24);
        // what the paper prints around the table is on the second sheet
        assertThat(p.get("xl/worksheets/sheet2.xml")).contains("统计期间", "经办机构", PERIOD.from().toString(),
                "审计链头");
    }

    @Test
    void everyReportHasNumbersAsNumbersAndDatesAsDates() throws Exception {
        for (Kind k : Kind.values()) {
            BatchReports.Prepared prepared = BatchReports.prepare(f.desk, k, PERIOD);
            Map<String, String> p = parts(BatchReports.xlsx(prepared, Mode.PRODUCTION));
            Document sheet = xml(p.get("xl/worksheets/sheet1.xml"));
            assertThat(p.get("xl/worksheets/sheet1.xml")).as(k.name()).doesNotContain("<mergeCell");
            assertThat(((Element) sheet.getElementsByTagName("pane").item(0)).getAttribute("state"))
                    .isEqualTo("frozen");
            List<Map<String, Cell>> rows = rows(sheet);
            assertThat(rows).as(k.name()).hasSize(prepared.rows().size() + 1);
            List<String> formats = formats(xml(p.get("xl/styles.xml")));
            for (Map<String, Cell> row : rows.subList(1, rows.size())) {
                for (Cell c : row.values()) {
                    if (c.numeric()) {
                        assertThat(c.value()).as(k.name()).matches("-?\\d+(\\.\\d+)?");
                    } else {
                        assertThat(c.value()).as(k + ": a date kept as text").doesNotMatch("\\d{4}-\\d{2}-\\d{2}");
                        assertThat(formats.get(c.style())).isEqualTo("@");
                    }
                }
            }
        }
    }
}
