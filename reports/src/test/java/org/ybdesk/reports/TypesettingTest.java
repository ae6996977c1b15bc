package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignParameter;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chinese line breaking on paper (issue 14, D160): a narrow field really rendered to PDF and read back line by line.
 * No line starts with a closing mark or ends with an opening one; a hyphenated code stays on one line when
 * typeset (and is broken without {@link Typesetting#set}, which shows the field is narrow enough to matter).
 */
class TypesettingTest {
    static final String NOT_FIRST = "」）、。，；：！？》…·";
    static final String NOT_LAST = "（「《";
    static JasperReport narrow;

    @BeforeAll
    static void compile() throws Exception {
        Class.forName(Prints.class.getName()); // the print context: fonts, fill-time line breaks kept in the PDF
        JasperDesign d = new JasperDesign();
        d.setName("narrow");
        d.setPageWidth(300);
        d.setPageHeight(800);
        d.setColumnWidth(260);
        d.setLeftMargin(20);
        d.setRightMargin(20);
        d.setTopMargin(20);
        d.setBottomMargin(20);
        JRDesignParameter p = new JRDesignParameter();
        p.setName("T");
        p.setValueClass(String.class);
        d.addParameter(p);
        JRDesignBand b = new JRDesignBand();
        JRDesignTextField f = new JRDesignTextField();
        // ten ideographs of 10.5 pt fit, eleven do not
        f.setX(0);
        f.setWidth(112);
        f.setHeight(16);
        f.setFontName(PrintFonts.SERIF);
        f.setFontSize(10.5f);
        f.getLineBox().setLeftPadding(3);
        f.getLineBox().setRightPadding(3);
        f.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
        f.setExpression(new JRDesignExpression("$P{T}"));
        b.addElement(f);
        b.setHeight(16);
        ((net.sf.jasperreports.engine.design.JRDesignSection) d.getDetailSection()).addBand(b);
        narrow = JasperCompileManager.compileReport(d);
    }

    static List<String> lines(String text) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("T", text);
        p.put(JRParameter.REPORT_LOCALE, ReportTexts.locale());
        byte[] pdf = Prints.export(List.of(JasperFillManager.fillReport(narrow, p, new JREmptyDataSource(1))));
        return lines(pdf);
    }

    /** The same print made without {@link Typesetting#configure}: the PDF writer wraps the text again by itself. */
    static List<String> linesRewrapped(String text) throws Exception {
        SimpleJasperReportsContext ctx = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        ctx.setProperty("net.sf.jasperreports.text.save.line.breaks", "false");
        ctx.setProperty("net.sf.jasperreports.export.pdf.use.saved.line.breaks", "false");
        ctx.setProperty("net.sf.jasperreports.export.pdf.force.linebreak.policy", "false");
        Map<String, Object> p = new HashMap<>();
        p.put("T", text);
        p.put(JRParameter.REPORT_LOCALE, ReportTexts.locale());
        JasperPrint print = JasperFillManager.getInstance(ctx).fill(narrow, p, new JREmptyDataSource(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JRPdfExporter exporter = new JRPdfExporter(ctx);
        exporter.setExporterInput(SimpleExporterInput.getInstance(List.of(print)));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.exportReport();
        return lines(out.toByteArray());
    }

    static List<String> lines(byte[] pdf) throws Exception {
        PdfProbe probe = PdfProbe.read(pdf, 9f);
        assertThat(probe.text).as("no glue reaches the PDF's text").doesNotContain(String.valueOf(Typesetting.GLUE));
        return Arrays.stream(probe.text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void closingMarksNeverStartAndOpeningMarksNeverEndALine() throws Exception {
        // each mark stands where a line full of ideographs would end, so a plain character-by-character wrap would
        // put it first on the next line
        String text = "一二三四五六七八九十，一二三四五六七八九十。一二三四五六七八九十）一二三四五六七八九十、"
                + "一二三四五六七八九（十一二三四五六七八九「十一二三四五六七八九十」一二三四五六七八九十……"
                + "一二三四五六七八九十·一二三四五六七八九十》一二三四五六七八九十：";
        List<String> lines = lines(Typesetting.set(text));
        assertThat(String.join("", lines)).isEqualTo(text);
        assertThat(lines.size()).as("the text wraps over many lines").isGreaterThan(8);
        assertThat(linesRewrapped(Typesetting.set(text)))
                .as("the control: left to the PDF writer's own wrapping, some line starts with a closing mark")
                .anyMatch(l -> NOT_FIRST.indexOf(l.charAt(0)) >= 0);
        for (String line : lines) {
            assertThat(NOT_FIRST.indexOf(line.charAt(0))).as("line 「%s」 starts with a closing mark", line)
                    .isNegative();
            assertThat(NOT_LAST.indexOf(line.charAt(line.length() - 1))).as("line 「%s」 ends with an opening mark",
                    line).isNegative();
        }
    }

    @Test
    void codesStayOnOneLineOnlyWhenTypeset() throws Exception {
        String text = "联系电话0451-86661234，账号6222 0202 0000，编号YB-2301-000123。";
        List<String> codes = List.of("0451-86661234", "6222 0202 0000", "YB-2301-000123");
        List<String> plain = lines(text);
        List<String> set = lines(Typesetting.set(text));
        assertThat(codes).as("the control: untypeset, a code is broken after its hyphen or space")
                .anyMatch(c -> plain.stream().noneMatch(l -> l.contains(c)));
        assertThat(codes).as("typeset, every code on one line: %s", set)
                .allMatch(c -> set.stream().anyMatch(l -> l.contains(c)));
    }

    @Test
    void glueIsAddedOnlyWhereItMattersAndComesOffAgain() {
        assertThat(Typesetting.set("王䶮，海南省三亚市（460200）")).isEqualTo("王䶮，海南省三亚市（460200）");
        String code = Typesetting.set("电话0451-86661234");
        assertThat(code).isEqualTo("电话0451-\uFEFF86661234");
        assertThat(Typesetting.set(code)).as("idempotent").isEqualTo(code);
        assertThat(Typesetting.plain(code)).isEqualTo("电话0451-86661234");
        assertThat(Typesetting.set("法定代表人·姓名")).isEqualTo("法定代表人\uFEFF·\uFEFF姓名");
        assertThat(Typesetting.set("账号6222 0202 0000")).isEqualTo("账号6222 \uFEFF0202 \uFEFF0000");
        assertThat(Typesetting.set("第1页 第2行")).isEqualTo("第1页 第2行");
        assertThat(Typesetting.set((String) null)).isNull();
        assertThat(GlyphGuard.missing(code, PrintFonts.SERIF, false)).as("glue needs no glyph").isEmpty();
    }
}
