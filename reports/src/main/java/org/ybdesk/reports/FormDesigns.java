package org.ybdesk.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignElement;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignFrame;
import net.sf.jasperreports.engine.design.JRDesignParameter;
import net.sf.jasperreports.engine.design.JRDesignSection;
import net.sf.jasperreports.engine.design.JRDesignStaticText;
import net.sf.jasperreports.engine.design.JRDesignTextElement;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.EvaluationTimeEnum;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.OrientationEnum;
import net.sf.jasperreports.engine.type.PositionTypeEnum;
import net.sf.jasperreports.engine.type.SplitTypeEnum;
import net.sf.jasperreports.engine.type.StretchTypeEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.engine.xml.JRXmlWriter;
import org.ybdesk.forms.Cell;
import org.ybdesk.forms.CellKind;
import org.ybdesk.forms.Column;
import org.ybdesk.forms.DetailTable;
import org.ybdesk.forms.FilledCell;
import org.ybdesk.forms.FilledForm;
import org.ybdesk.forms.FilledSection;
import org.ybdesk.forms.Orientation;
import org.ybdesk.forms.ReferenceForm;
import org.ybdesk.forms.Row;
import org.ybdesk.forms.Section;

/**
 * Reference tables 表1–表13 as JasperReports designs built from the same YAML form specs the desk fills
 * ({@link ReferenceForm}): one mechanism instead of thirteen hand-drawn copies. The grid of each section becomes
 * absolutely placed cells (label cells as static text, value cells as text fields reading {@code $P{V}}), one band per
 * row or per block of rows sharing a merged group cell, so pages break between rows. The design is compiled at build
 * time ({@link Templates}); {@link #jrxml(int)} writes it out for review. {@link #values(FilledForm)} computes the
 * printed text of every value cell under the same identifiers the design reads.
 */
public final class FormDesigns {
    /** A4 in points. */
    static final int A4_SHORT = 595;
    static final int A4_LONG = 842;
    /** About 20 mm. */
    static final int MARGIN = 57;
    static final float CELL_FONT = 10.5f;
    static final float TITLE_FONT = 18f;
    /** 小五: nothing on a table is printed smaller (issue 14). */
    static final float MIN_FONT = 9f;
    static final float FOOTER_FONT = MIN_FONT;
    static final float RULE = 0.5f;
    static final String PARAM_VALUES = "V";
    static final String PARAM_AGENCY = "AGENCY_NAME";
    static final String PARAM_CASE_NO = "CASE_NO";
    static final String PARAM_PRINTED_AT = "PRINTED_AT";
    /** Three lines of 9 pt: agency and case number (wrapping once if long), then the print time. */
    private static final int FOOTER_HEIGHT = 46;
    private static final int MIN_ROW = 24;
    private static final int SIGN_LINE = 18;

    private FormDesigns() {
    }

    /** The compiled report of table {@code no} (built with the jar, see {@link Templates}; kept for the process). */
    static JasperReport compiled(ReferenceForm form) {
        return Templates.get(Templates.table(form));
    }

    /**
     * The design of a form as JRXML (JasperReports 7 format), for review; without the random element UUIDs, so the
     * same spec always gives the same text (docs/prints/jrxml/ holds the reviewed copies, checked by a test).
     */
    public static String jrxml(ReferenceForm form) {
        return JRXmlWriter.writeReport(design(form), "UTF-8").replaceAll(" uuid=\"[-0-9a-f]+\"", "");
    }

    // ================================================================================================ design

    /** Builds the design of a form. */
    public static JasperDesign design(ReferenceForm form) {
        boolean landscape = form.orientation() == Orientation.LANDSCAPE;
        int pw = landscape ? A4_LONG : A4_SHORT;
        int ph = landscape ? A4_SHORT : A4_LONG;
        int width = pw - 2 * MARGIN;
        JasperDesign d = new JasperDesign();
        d.setName("table_" + form.no());
        d.setPageWidth(pw);
        d.setPageHeight(ph);
        d.setOrientation(landscape ? OrientationEnum.LANDSCAPE : OrientationEnum.PORTRAIT);
        d.setColumnWidth(width);
        d.setLeftMargin(MARGIN);
        d.setRightMargin(MARGIN);
        d.setTopMargin(MARGIN);
        d.setBottomMargin(MARGIN - 20);
        d.setResourceBundle(ReportTexts.BUNDLE);
        param(d, PARAM_VALUES, Map.class);
        param(d, PARAM_AGENCY, String.class);
        param(d, PARAM_CASE_NO, String.class);
        param(d, PARAM_PRINTED_AT, String.class);

        JRDesignBand title = new JRDesignBand();
        JRDesignStaticText t = staticText(0, 0, width, 30, form.title(), PrintFonts.SANS, TITLE_FONT, true);
        t.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
        t.setKey(ReportTexts.get("field.title"));
        title.addElement(t);
        int titleH = 36;
        if (form.designed()) {
            // the appendix prints no such table (表5): the paper says it is the agency's own design (D161)
            JRDesignStaticText note = staticText(0, 34, width, 18, ReportTexts.get("table.designed", form.no()),
                    PrintFonts.SERIF, MIN_FONT, false);
            note.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
            title.addElement(note);
            titleH = 56;
        }
        title.setHeight(titleH);
        d.setTitle(title);

        JRDesignSection detail = (JRDesignSection) d.getDetailSection();
        // header lines: texts as paragraphs, labelled values three to a line
        lines(form.header(), "h", width, detail);
        if (!form.instructions().isEmpty()) {
            // the cover of 表12/13 as the appendix has it: 「填写说明」, its points, then the form's title again
            JRDesignBand hb = band();
            JRDesignStaticText head = staticText(0, 6, width, 24, ReportTexts.get("table.instructions"),
                    PrintFonts.SANS, 12f, true);
            head.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
            hb.addElement(head);
            hb.setHeight(30);
            detail.addBand(hb);
        }
        for (String instruction : form.instructions()) {
            JRDesignBand b = band();
            int h = height(instruction, width, CELL_FONT);
            b.addElement(label(0, 0, width, h, instruction, false));
            ((JRDesignTextField) b.getElements()[0]).setHorizontalTextAlign(HorizontalTextAlignEnum.LEFT);
            b.setHeight(h);
            detail.addBand(b);
        }
        if (!form.instructions().isEmpty()) {
            JRDesignBand again = band();
            JRDesignStaticText t2 = staticText(0, 8, width, 26, form.title(), PrintFonts.SANS, 14f, true);
            t2.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
            again.addElement(t2);
            again.setHeight(38);
            detail.addBand(again);
        }
        for (int s = 0; s < form.sections().size(); s++) {
            section(form.sections().get(s), "s" + s, width, detail);
        }
        lines(form.footer(), "f", width, detail);

        JRDesignBand footer = new JRDesignBand();
        footer.setHeight(FOOTER_HEIGHT);
        JRDesignTextField ft = field(0, 2, width - 110, FOOTER_HEIGHT - 4,
                // the print time on a line of its own: a wrapped footer never splits 「打印时间：」 from its value
                "$R{footer.agency} + ($P{AGENCY_NAME} == null ? \"\" : $P{AGENCY_NAME}) + \"    \" + $R{footer.caseNo}"
                        + " + \"\\uFEFF\" + ($P{CASE_NO} == null ? $R{footer.blank} : $P{CASE_NO}) + \"\\n\""
                        + " + $R{footer.printedAt} + \"\\uFEFF\" + $P{PRINTED_AT}", FOOTER_FONT);
        ft.setKey(ReportTexts.get("field.footer"));
        ft.setVerticalTextAlign(VerticalTextAlignEnum.TOP);
        footer.addElement(ft);
        JRDesignTextField pg = field(width - 110, 2, 55, FOOTER_HEIGHT - 4,
                "msg($R{footer.page}, $V{PAGE_NUMBER})", FOOTER_FONT);
        pg.setHorizontalTextAlign(HorizontalTextAlignEnum.RIGHT);
        pg.setEvaluationTime(EvaluationTimeEnum.NOW);
        pg.setVerticalTextAlign(VerticalTextAlignEnum.TOP);
        pg.setKey(ReportTexts.get("field.footer"));
        footer.addElement(pg);
        // 共M页: the table's page count, known when the whole table is filled
        JRDesignTextField of = field(width - 55, 2, 55, FOOTER_HEIGHT - 4,
                "msg($R{footer.pages}, $V{PAGE_NUMBER})", FOOTER_FONT);
        of.setHorizontalTextAlign(HorizontalTextAlignEnum.LEFT);
        of.setEvaluationTime(EvaluationTimeEnum.REPORT);
        of.setVerticalTextAlign(VerticalTextAlignEnum.TOP);
        of.setKey(ReportTexts.get("field.footer"));
        footer.addElement(of);
        d.setPageFooter(footer);
        return d;
    }

    private static void lines(List<Cell> cells, String prefix, int width, JRDesignSection detail) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i <= cells.size(); i++) {
            boolean text = i < cells.size() && cells.get(i).kind() == CellKind.TEXT;
            if (i == cells.size() || text || pending.size() == 3) {
                if (!pending.isEmpty()) {
                    JRDesignBand b = band();
                    int w = width / pending.size();
                    int h = 20;
                    for (int k = 0; k < pending.size(); k++) {
                        JRDesignTextField f = valueField(k * w, 0, w, h, prefix + pending.get(k), false);
                        f.setKey(keyOf(cells.get(pending.get(k))));
                        b.addElement(f);
                    }
                    b.setHeight(h);
                    detail.addBand(b);
                    pending.clear();
                }
                if (text) {
                    Cell c = cells.get(i);
                    JRDesignBand b = band();
                    int h = height(c.text(), width, CELL_FONT);
                    JRDesignTextField f = valueField(0, 0, width, h, prefix + i, false);
                    f.setKey(keyOf(c));
                    b.addElement(f);
                    b.setHeight(h);
                    detail.addBand(b);
                    continue;
                }
            }
            if (i < cells.size() && !text) {
                pending.add(i);
            }
        }
    }

    /**
     * The grid of a section. Every row is a frame that grows with its tallest cell (long labels wrap, long values
     * take more lines; nothing is scaled down), its cells stretched to the frame so the rules stay aligned; the rows
     * under it float down. Rows sharing a merged group cell form one band that is never split across pages, so the
     * group's name always stands beside its rows (issue 14, D157).
     */
    private static void section(Section s, String id, int width, JRDesignSection detail) {
        double unit = (double) width / s.columns();
        if (s.title() != null && !s.title().isBlank()) {
            JRDesignBand b = band();
            int h = Math.max(MIN_ROW, height(s.title(), width, CELL_FONT));
            JRDesignTextField t = label(0, 0, width, h, s.title(), true);
            b.addElement(t);
            b.setHeight(h);
            detail.addBand(b);
        }
        List<Row> rows = s.rows();
        int r = 0;
        while (r < rows.size()) {
            int end = r + 1;
            if (rows.get(r).grouped()) {
                while (end < rows.size() && rows.get(r).group().equals(rows.get(end).group())) {
                    end++;
                }
            }
            boolean grouped = rows.get(r).grouped();
            int[] heights = new int[end - r];
            int total = 0;
            for (int k = r; k < end; k++) {
                heights[k - r] = rowHeight(rows.get(k), unit);
                total += heights[k - r];
            }
            int groupX = grouped ? x(1, unit) : 0;
            if (grouped) {
                int need = height(rows.get(r).group(), groupX, CELL_FONT);
                if (need > total) {
                    heights[heights.length - 1] += need - total;
                    total = need;
                }
            }
            JRDesignBand b = band();
            int y = 0;
            for (int k = r; k < end; k++) {
                Row row = rows.get(k);
                int h = heights[k - r];
                JRDesignFrame frame = frame(groupX, y, width - groupX, h);
                int col = grouped ? 1 : 0;
                for (int c = 0; c < row.cells().size(); c++) {
                    Cell cell = row.cells().get(c);
                    String cid = id + ".r" + k + ".c" + c;
                    if (cell.labelSpan() > 0) {
                        int x = x(col, unit);
                        int w = x(col + cell.labelSpan(), unit) - x;
                        JRDesignTextField l = label(x - groupX, 0, w, h, cell.label(), true);
                        l.setKey(cell.label());
                        frame.addElement(l);
                        col += cell.labelSpan();
                    }
                    int x = x(col, unit);
                    int w = x(col + cell.span(), unit) - x;
                    if (cell.span() > 0) {
                        valueCell(frame, cell, x - groupX, w, h, cid);
                    }
                    col += cell.span();
                }
                b.addElement(frame);
                y += h;
            }
            if (grouped) {
                JRDesignTextField g = label(0, 0, groupX, y, rows.get(r).group(), true);
                g.setKey(rows.get(r).group());
                b.addElement(g);
            }
            b.setHeight(y);
            detail.addBand(b);
            r = end;
        }
        if (s.hasTable()) {
            table(s.table(), id + ".t", width, unit, detail);
        }
    }

    /**
     * A value cell: the value grows downwards; sign lines (「经办人：」「（盖章）」「年 月 日」) stand under it, apart,
     * with blanks to write in (D159); the cell's rules are drawn by a box taking the row's height.
     */
    private static void valueCell(JRDesignFrame frame, Cell cell, int x, int w, int h, String cid) {
        List<String> signs = cell.signLines();
        if (signs.isEmpty()) {
            JRDesignTextField v = valueField(x, 0, w, h, cid, true);
            v.setKey(keyOf(cell));
            frame.addElement(v);
            return;
        }
        JRDesignStaticText boxed = staticText(x, 0, w, h, "", PrintFonts.SERIF, CELL_FONT, false);
        box(boxed);
        boxed.setStretchType(StretchTypeEnum.CONTAINER_HEIGHT);
        frame.addElement(boxed);
        int signH = signs.size() * SIGN_LINE;
        JRDesignTextField v = valueField(x, 0, w, Math.max(SIGN_LINE, h - signH - 2), cid, false);
        v.setStretchType(StretchTypeEnum.NO_STRETCH);
        v.setVerticalTextAlign(VerticalTextAlignEnum.TOP);
        v.setKey(keyOf(cell));
        frame.addElement(v);
        int top = Math.max(SIGN_LINE, h - signH - 2);
        for (int sl = 0; sl < signs.size(); sl++) {
            JRDesignTextField sign = label(x, top + sl * SIGN_LINE, w - 8, SIGN_LINE, signBlanks(signs.get(sl)),
                    false);
            sign.setHorizontalTextAlign(HorizontalTextAlignEnum.RIGHT);
            sign.setStretchType(StretchTypeEnum.NO_STRETCH);
            sign.setPositionType(PositionTypeEnum.FLOAT);
            frame.addElement(sign);
        }
    }

    private static void table(DetailTable t, String id, int width, double unit, JRDesignSection detail) {
        boolean caption = t.caption() != null && !t.caption().isBlank();
        boolean choices = t.columns().stream().anyMatch(c -> c.kind() == CellKind.CHOICE);
        // heading heights: every heading and option wraps in its own width
        int head = MIN_ROW;
        int sub = choices ? MIN_ROW : 0;
        int col = caption ? 1 : 0;
        for (Column c : t.columns()) {
            int w = x(col + c.span(), unit) - x(col, unit);
            head = Math.max(head, height(c.label(), w, CELL_FONT));
            if (c.kind() == CellKind.CHOICE) {
                for (int o = 0; o < c.options().size(); o++) {
                    sub = Math.max(sub, height(c.options().get(o), x(col + o + 1, unit) - x(col + o, unit),
                            CELL_FONT));
                }
            }
            col += c.span();
        }
        int numbers = t.numbered() ? 18 : 0;
        int rowH = 22;
        JRDesignBand b = band();
        int left = caption ? x(1, unit) : 0;
        JRDesignFrame heading = frame(left, 0, width - left, head + sub + numbers);
        col = caption ? 1 : 0;
        int number = 0;
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            int x = x(col, unit) - left;
            int w = x(col + c.span(), unit) - x(col, unit);
            boolean split = c.kind() == CellKind.CHOICE;
            JRDesignTextField h = label(x, 0, w, split ? head : head + sub, c.label(), true);
            h.setStretchType(StretchTypeEnum.NO_STRETCH);
            heading.addElement(h);
            if (split) {
                for (int o = 0; o < c.options().size(); o++) {
                    int ox = x(col + o, unit) - left;
                    int ow = x(col + o + 1, unit) - x(col + o, unit);
                    JRDesignTextField oh = label(ox, head, ow, sub, c.options().get(o), true);
                    oh.setStretchType(StretchTypeEnum.NO_STRETCH);
                    heading.addElement(oh);
                }
            }
            if (t.numbered()) {
                // the appendix numbers the data columns 1, 2, 3 …; the 序号 column's cell stays empty (表8)
                String n = c.kind() == CellKind.SEQ ? "" : String.valueOf(++number);
                JRDesignStaticText ns = staticText(x, head + sub, w, numbers, n, PrintFonts.SERIF, MIN_FONT, false);
                ns.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
                box(ns);
                heading.addElement(ns);
            }
            col += c.span();
        }
        b.addElement(heading);
        int top = head + sub + numbers;
        for (int r = 0; r < t.rows(); r++) {
            JRDesignFrame row = frame(left, top + r * rowH, width - left, rowH);
            col = caption ? 1 : 0;
            for (int i = 0; i < t.columns().size(); i++) {
                Column c = t.columns().get(i);
                int parts = c.kind() == CellKind.CHOICE ? c.options().size() : 1;
                int each = c.kind() == CellKind.CHOICE ? 1 : c.span();
                for (int o = 0; o < parts; o++) {
                    int x = x(col + o * each, unit) - left;
                    int w = x(col + (o + 1) * each, unit) - x(col + o * each, unit);
                    String cid = id + ".r" + r + ".c" + i + (c.kind() == CellKind.CHOICE ? ".o" + o : "");
                    if (c.kind() == CellKind.SEQ) {
                        // pre-numbered rows, as the appendix prints them (表2, 表6, 表8): 1, 2, 3 …
                        JRDesignTextField n = label(x, 0, w, rowH, String.valueOf(r + 1), true);
                        n.setKey(c.label() + "#" + (r + 1));
                        row.addElement(n);
                        continue;
                    }
                    JRDesignTextField v = valueField(x, 0, w, rowH, cid, true);
                    v.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
                    v.setKey(c.label() + "#" + (r + 1));
                    row.addElement(v);
                }
                col += c.span();
            }
            b.addElement(row);
        }
        if (caption) {
            JRDesignTextField cap = label(0, 0, left, top + t.rows() * rowH, t.caption(), true);
            b.addElement(cap);
        }
        b.setHeight(top + t.rows() * rowH);
        detail.addBand(b);
    }

    private static int rowHeight(Row row, double unit) {
        int h = MIN_ROW;
        int col = row.grouped() ? 1 : 0;
        for (Cell c : row.cells()) {
            if (c.labelSpan() > 0) {
                h = Math.max(h, height(c.label(), x(col + c.labelSpan(), unit) - x(col, unit), CELL_FONT));
                col += c.labelSpan();
            }
            int w = x(col + c.span(), unit) - x(col, unit);
            String shown = switch (c.kind()) {
                case CHOICE -> choiceText(c.options(), List.of());
                case TEXT -> c.keys().isEmpty() ? c.text() : c.text() + "\n\u3000"; // room for the signer line
                default -> c.inline() ? c.label() + blanks(c.hint()) + "\u3000".repeat(6) : blanks(c.hint());
            };
            h = Math.max(h, height(shown, w, CELL_FONT) + c.signLines().size() * SIGN_LINE);
            col += c.span();
        }
        return h;
    }

    /**
     * Blanks to write on (D159): 「年 月 日」 becomes 「　　　　年　　月　　日」 (room for four digits of the year and
     * two of month and day), 「年 月」 likewise.
     */
    static String blanks(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // 年/月/日 (and 签字/签名/签章 below) escaped: patterns over the appendix's text, not text for the user
        String s = text.replaceAll("(?<![0-9\u3000])\u5e74[ \u3000]+\u6708[ \u3000]+\u65e5",
                "\u3000\u3000\u3000\u3000\u5e74\u3000\u3000\u6708\u3000\u3000\u65e5");
        return s.replaceAll("(?<![0-9\u3000])\u5e74[ \u3000]+\u6708(?![ \u3000]*\u65e5)", "\u3000\u3000\u3000\u3000\u5e74\u3000\u3000\u6708");
    }

    /**
     * A sign line with {@link #blanks}, and the signature apart from the seal (D159): room to sign after a label
     * (「经办人：　　　　　　　　（受理单位盖章）」, 「签 字：　　　　　　　　」) and between 「签字」 and a seal in brackets.
     */
    static String signBlanks(String text) {
        String s = blanks(text);
        String room = "\u3000".repeat(8);
        s = s.replaceAll("[:：][ \u3000]*", "：" + room);
        return s.replaceAll("(\u7b7e\u5b57|\u7b7e\u540d|\u7b7e\u7ae0)[ \u3000]*([（(])", "$1" + room + "$2");
    }

    // ================================================================================================ values

    /**
     * The printed text of every value cell of a filled form, keyed as the design reads them: header {@code hN},
     * grid {@code sS.rR.cC}, detail table {@code sS.t.rR.cC} (choice columns {@code …cC.oO}), footer {@code fN}.
     */
    public static Map<String, String> values(FilledForm filled) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < filled.header().size(); i++) {
            v.put("h" + i, lineText(filled.header().get(i)));
        }
        for (int s = 0; s < filled.sections().size(); s++) {
            FilledSection fs = filled.sections().get(s);
            for (int r = 0; r < fs.rows().size(); r++) {
                List<FilledCell> row = fs.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    v.put("s" + s + ".r" + r + ".c" + c, cellText(row.get(c)));
                }
            }
            if (fs.section().hasTable()) {
                List<Column> cols = fs.section().table().columns();
                for (int r = 0; r < fs.tableRows().size(); r++) {
                    for (int c = 0; c < cols.size(); c++) {
                        Column col = cols.get(c);
                        String value = fs.tableRows().get(r).get(c);
                        String base = "s" + s + ".t.r" + r + ".c" + c;
                        if (col.kind() == CellKind.CHOICE) {
                            for (int o = 0; o < col.options().size(); o++) {
                                v.put(base + ".o" + o, col.options().get(o).equals(value)
                                        ? ReportTexts.get("mark.ticked") : "");
                            }
                        } else {
                            v.put(base, value);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < filled.footer().size(); i++) {
            v.put("f" + i, lineText(filled.footer().get(i)));
        }
        return v;
    }

    private static String lineText(FilledCell f) {
        Cell c = f.cell();
        if (c.kind() == CellKind.TEXT) {
            return f.value().isEmpty() ? c.text() : f.value();
        }
        String value = f.blank() ? blanks(c.hint()) : f.value();
        if (c.kind() == CellKind.CHOICE) {
            value = choiceText(c.options(), f.selected());
        }
        return c.label() + value;
    }

    private static String cellText(FilledCell f) {
        Cell c = f.cell();
        String body = switch (c.kind()) {
            case TEXT -> f.value().isEmpty() ? c.text() : f.value();
            case CHOICE -> choiceText(c.options(), f.selected())
                    + (f.selected().isEmpty() && !f.blank() ? "  " + f.value() : "");
            case SIGN -> f.value(); // the signer's name where an agent signs (issue 13), else blank
            case SEQ -> "";
            case FIELD -> f.blank() ? blanks(c.hint()) : f.value();
        };
        return c.inline() ? c.label() + body : body;
    }

    static String choiceText(List<String> options, List<String> selected) {
        StringBuilder sb = new StringBuilder();
        for (String o : options) {
            if (!sb.isEmpty()) {
                sb.append("  ");
            }
            sb.append(ReportTexts.get(selected.contains(o) ? "mark.box.ticked" : "mark.box")).append(o);
        }
        return sb.toString();
    }

    // ================================================================================================ helpers

    private static String keyOf(Cell c) {
        if (!c.label().isBlank()) {
            return c.label();
        }
        if (!c.keys().isEmpty()) {
            return c.keys().get(0);
        }
        return c.text().length() > 12 ? c.text().substring(0, 12) : c.text();
    }

    private static int x(int col, double unit) {
        return (int) Math.round(col * unit);
    }

    /** A rough height for {@code text} wrapped in {@code width}: CJK characters one em wide, others half. */
    static int height(String text, int width, float size) {
        if (text == null || text.isEmpty()) {
            return MIN_ROW;
        }
        double usable = Math.max(10, width - 8);
        int lines = 0;
        for (String para : text.split("\n", -1)) {
            double w = para.codePoints().mapToDouble(cp -> cp < 0x2E80 ? 0.55 : 1.0).sum() * size;
            lines += Math.max(1, (int) Math.ceil(w / usable));
        }
        return Math.max(MIN_ROW, (int) Math.ceil(lines * size * 1.45 + 8));
    }

    private static void param(JasperDesign d, String name, Class<?> type) {
        JRDesignParameter p = new JRDesignParameter();
        p.setName(name);
        p.setValueClass(type);
        try {
            d.addParameter(p);
        } catch (JRException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JRDesignStaticText staticText(int x, int y, int w, int h, String text, String font, float size,
                                                 boolean bold) {
        JRDesignStaticText t = new JRDesignStaticText();
        place(t, x, y, w, h);
        t.setText(text);
        font(t, font, size, bold);
        return t;
    }

    /** A value: grows with its text (never scaled down) and takes the height of its row. */
    private static JRDesignTextField valueField(int x, int y, int w, int h, String id, boolean boxed) {
        JRDesignTextField f = field(x, y, w, h, "(String) $P{V}.get(\"" + id + "\")", CELL_FONT);
        f.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
        f.setStretchType(StretchTypeEnum.CONTAINER_HEIGHT);
        if (boxed) {
            box(f);
        }
        return f;
    }

    /**
     * The paper form's own wording as a text that wraps and grows like a value (a static text cannot grow), centred,
     * boxed when it is a cell.
     */
    private static JRDesignTextField label(int x, int y, int w, int h, String text, boolean boxed) {
        JRDesignTextField f = field(x, y, w, h, literal(text), CELL_FONT);
        f.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
        f.setStretchType(StretchTypeEnum.CONTAINER_HEIGHT);
        f.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
        if (boxed) {
            box(f);
        }
        return f;
    }

    /** A Java string literal of {@code text} for an expression, typeset (D160). */
    static String literal(String text) {
        String t = Typesetting.set(text == null ? "" : text);
        StringBuilder sb = new StringBuilder("\"");
        for (char c : t.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                case Typesetting.GLUE -> sb.append("\\uFEFF");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A band of the detail: moved whole to the next page rather than split (a row never splits). */
    private static JRDesignBand band() {
        JRDesignBand b = new JRDesignBand();
        b.setSplitType(SplitTypeEnum.PREVENT);
        return b;
    }

    /** A row of cells: grows with its tallest cell; what lies under it floats down. */
    private static JRDesignFrame frame(int x, int y, int w, int h) {
        JRDesignFrame f = new JRDesignFrame();
        place(f, x, y, w, h);
        f.setPositionType(PositionTypeEnum.FLOAT);
        return f;
    }

    private static JRDesignTextField field(int x, int y, int w, int h, String expression, float size) {
        JRDesignTextField f = new JRDesignTextField();
        place(f, x, y, w, h);
        f.setExpression(new JRDesignExpression(expression));
        f.setBlankWhenNull(true);
        font(f, PrintFonts.SERIF, size, false);
        return f;
    }

    private static void place(JRDesignElement e, int x, int y, int w, int h) {
        e.setX(x);
        e.setY(y);
        e.setWidth(w);
        e.setHeight(h);
    }

    private static void font(JRDesignTextElement t, String font, float size, boolean bold) {
        t.setFontName(font);
        t.setFontSize(size);
        t.setBold(bold);
        t.setVerticalTextAlign(VerticalTextAlignEnum.MIDDLE);
        t.getLineBox().setLeftPadding(3);
        t.getLineBox().setRightPadding(3);
    }

    private static void box(JRDesignTextElement t) {
        t.getLineBox().getPen().setLineWidth(RULE);
    }
}
