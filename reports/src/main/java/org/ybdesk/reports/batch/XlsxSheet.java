package org.ybdesk.reports.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A batch report as a workbook a supervisor can sort and filter (issue 14, D168), written as plain SpreadsheetML:
 * sheet 1 holds only the table — one frozen header row with an auto-filter, then one row per record, dates as real
 * date cells ({@code yyyy-mm-dd}), months as dates shown {@code yyyy-mm}, counts and amounts as numbers — with no
 * merged cells, titles, page headers or footers among the data; sheet 2 「说明」 holds what the paper prints above and
 * below the table (agency, period, filters, scope, totals, audit head). Fonts are 宋体, which every Chinese Excel
 * and WPS has; column widths follow the longest value (CJK counted double).
 */
final class XlsxSheet {
    /** How a column's values are written. */
    enum Type { TEXT, DATE, MONTH, INT, MONEY, RATE }

    /** One column: the row map's key, the header, how its values are written. */
    record Column(String key, String header, Type type) {
    }

    /**
     * The font of every cell, 宋体 (SimSun): present in every Chinese Windows, Office and WPS. A font family name, not
     * text for the user (escaped: Chinese literals belong in bundles).
     */
    static final String FONT = "\u5b8b\u4f53";
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final int MAX_WIDTH = 60;
    /** Rows looked at to size the columns. */
    private static final int WIDTH_SAMPLE = 2_000;
    // cell styles (indexes into cellXfs below)
    private static final int S_HEADER = 1;
    private static final int S_DATE = 2;
    private static final int S_MONEY = 3;
    private static final int S_INT = 4;
    private static final int S_RATE = 5;
    private static final int S_TEXT = 6;
    private static final int S_MONTH = 7;
    private static final int S_INFO_KEY = 8;

    private XlsxSheet() {
    }

    /**
     * Writes the workbook: {@code sheetName} with the table, {@code infoName} with {@code info} as label–value rows.
     */
    static void write(OutputStream out, String sheetName, List<Column> columns, List<Map<String, ?>> rows,
                      String infoName, List<String[]> info) {
        try {
            ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8);
            put(z, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    </Types>""");
            put(z, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            String lastCol = column(columns.size() - 1);
            String range = "$A$1:$" + lastCol + "$" + (rows.size() + 1);
            put(z, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/><sheet name="%s" sheetId="2" r:id="rId2"/></sheets>\
                    <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'%s'!%s</definedName></definedNames>\
                    </workbook>""".formatted(esc(sheetName(sheetName)), esc(sheetName(infoName)),
                    esc(sheetName(sheetName).replace("'", "''")), range));
            put(z, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    </Relationships>""");
            put(z, "xl/styles.xml", styles());
            put(z, "xl/worksheets/sheet1.xml", table(columns, rows));
            put(z, "xl/worksheets/sheet2.xml", info(info));
            z.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String styles() {
        String font = "<font><sz val=\"11\"/><name val=\"" + FONT + "\"/><charset val=\"134\"/><family val=\"3\"/></font>";
        String bold = "<font><b/><sz val=\"11\"/><name val=\"" + FONT + "\"/><charset val=\"134\"/><family val=\"3\"/></font>";
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>\
                <numFmt numFmtId="165" formatCode="#,##0.00"/><numFmt numFmtId="166" formatCode="0.0"/>\
                <numFmt numFmtId="167" formatCode="yyyy\\-mm"/></numFmts>\
                <fonts count="2">%s%s</fonts>\
                <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
                <fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>\
                <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
                <border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="9">\
                <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
                <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
                </cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                </styleSheet>""".formatted(font, bold);
    }

    private static String table(List<Column> columns, List<Map<String, ?>> rows) {
        StringBuilder b = new StringBuilder(256 + rows.size() * 64 * columns.size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
                .append("http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        b.append("<dimension ref=\"A1:").append(column(columns.size() - 1)).append(rows.size() + 1).append("\"/>");
        // the header row stays in view while scrolling
        b.append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" ")
                .append("activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" ")
                .append("sqref=\"A2\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int i = 0; i < columns.size(); i++) {
            b.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
                    .append(width(columns.get(i), rows)).append("\" customWidth=\"1\"/>");
        }
        b.append("</cols><sheetData><row r=\"1\">");
        for (int i = 0; i < columns.size(); i++) {
            text(b, column(i) + 1, columns.get(i).header(), S_HEADER);
        }
        b.append("</row>");
        for (int r = 0; r < rows.size(); r++) {
            int rowNo = r + 2;
            b.append("<row r=\"").append(rowNo).append("\">");
            Map<String, ?> row = rows.get(r);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Object v = c.key() == null ? Integer.valueOf(r + 1) : row.get(c.key());
                cell(b, column(i) + rowNo, c.type(), v);
            }
            b.append("</row>");
        }
        b.append("</sheetData><autoFilter ref=\"A1:").append(column(columns.size() - 1)).append(rows.size() + 1)
                .append("\"/><pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" ")
                .append("footer=\"0.3\"/></worksheet>");
        return b.toString();
    }

    private static String info(List<String[]> info) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
                .append("http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cols>")
                .append("<col min=\"1\" max=\"1\" width=\"18\" customWidth=\"1\"/>")
                .append("<col min=\"2\" max=\"2\" width=\"100\" customWidth=\"1\"/></cols><sheetData>");
        for (int r = 0; r < info.size(); r++) {
            b.append("<row r=\"").append(r + 1).append("\">");
            text(b, "A" + (r + 1), info.get(r)[0], S_INFO_KEY);
            text(b, "B" + (r + 1), info.get(r)[1], 0);
            b.append("</row>");
        }
        return b.append("</sheetData></worksheet>").toString();
    }

    private static void cell(StringBuilder b, String ref, Type type, Object v) {
        if (v == null || (v instanceof String s && s.isBlank())) {
            return; // an empty cell sorts last, as it should
        }
        switch (type) {
            case DATE -> {
                LocalDate d = v instanceof LocalDate ld ? ld : parse(v.toString());
                if (d == null) {
                    text(b, ref, v.toString(), S_TEXT);
                } else {
                    number(b, ref, String.valueOf(ChronoUnit.DAYS.between(EPOCH, d)), S_DATE);
                }
            }
            case MONTH -> {
                LocalDate d = null;
                try {
                    d = YearMonth.parse(v.toString()).atDay(1);
                } catch (DateTimeParseException e) {
                    // not a month: kept as text
                }
                if (d == null) {
                    text(b, ref, v.toString(), S_TEXT);
                } else {
                    number(b, ref, String.valueOf(ChronoUnit.DAYS.between(EPOCH, d)), S_MONTH);
                }
            }
            case INT -> number(b, ref, v.toString(), S_INT);
            case MONEY -> number(b, ref, ((BigDecimal) v).toPlainString(), S_MONEY);
            case RATE -> number(b, ref, v instanceof BigDecimal d ? d.toPlainString() : v.toString(), S_RATE);
            case TEXT -> text(b, ref, v.toString(), S_TEXT);
        }
    }

    private static LocalDate parse(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void number(StringBuilder b, String ref, String value, int style) {
        b.append("<c r=\"").append(ref).append("\" s=\"").append(style).append("\"><v>").append(value)
                .append("</v></c>");
    }

    private static void text(StringBuilder b, String ref, String value, int style) {
        b.append("<c r=\"").append(ref).append("\" s=\"").append(style).append("\" t=\"inlineStr\"><is><t")
                .append(value.strip().equals(value) ? "" : " xml:space=\"preserve\"").append(">")
                .append(esc(value)).append("</t></is></c>");
    }

    /** Column width in Excel's units (characters of '0'): the longest of header and values, CJK counted double. */
    private static int width(Column c, List<Map<String, ?>> rows) {
        int w = Math.min(display(c.header()), 24);
        switch (c.type()) {
            case DATE -> w = Math.max(w, 11);
            case MONTH -> w = Math.max(w, 8);
            case MONEY -> w = Math.max(w, 12);
            default -> {
                for (int i = 0; i < rows.size() && i < WIDTH_SAMPLE; i++) {
                    Object v = c.key() == null ? String.valueOf(i + 1) : rows.get(i).get(c.key());
                    if (v != null) {
                        w = Math.max(w, display(v.toString()));
                    }
                }
            }
        }
        return Math.min(w + 2, MAX_WIDTH);
    }

    private static int display(String s) {
        return s.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
    }

    /** A1-style column letters of a 0-based index. */
    static String column(int i) {
        StringBuilder s = new StringBuilder();
        for (int n = i + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /** Excel's rules for a sheet name: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String s) {
        String t = s.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return t.length() > 31 ? t.substring(0, 31) : t;
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (cp == '\n' || cp == '\t' || cp >= 0x20) {
                        b.appendCodePoint(cp);
                    } // other control characters are not allowed in XML
                }
            }
        });
        return b.toString();
    }

    private static void put(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
