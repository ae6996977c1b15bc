package org.ybdesk.reports;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.validation.AdminDivisions;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.forms.FilledForm;
import org.ybdesk.forms.FormFiller;
import org.ybdesk.forms.FormKeys;
import org.ybdesk.forms.ReferenceForm;
import org.ybdesk.forms.ReferenceForms;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.service.PrintService.AgencyView;
import org.ybdesk.service.PrintService.BlankModel;
import org.ybdesk.service.PrintService.PrintModel;

/**
 * The prints of the window: {@link #render} one document of a case as PDF, {@link #renderMany} many in one PDF (one
 * print job), {@link #renderBlank} a blank reference table. Every print is filled from the services' print model,
 * checked by the {@link GlyphGuard} (a character the fonts lack refuses the print), exported with embedded fonts and,
 * in the sandbox, watermarked on every page. Templates are compiled at build time ({@link Templates}).
 */
public final class Prints {
    /** One document of one case, for batch printing. */
    public record Request(PrintDoc doc, String caseNo) {
    }

    static {
        // Text without a font of its own (and JasperReports' fallback) is set in the serif face, never in a PDF
        // base font, which would be neither embedded nor able to show Chinese.
        DefaultJasperReportsContext ctx = DefaultJasperReportsContext.getInstance();
        ctx.setProperty("net.sf.jasperreports.default.font.name", PrintFonts.SERIF);
        ctx.setProperty("net.sf.jasperreports.default.pdf.font.name", PrintFonts.defaultPdfFont());
        ctx.setProperty("net.sf.jasperreports.default.pdf.encoding", "Identity-H");
        ctx.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
        Typesetting.configure(ctx); // issue 14: the PDF keeps the fill's line breaks (kinsoku of the JDK, D160)
    }

    private final Desk desk;

    public Prints(Desk desk) {
        this.desk = desk;
    }

    /** The documents that apply to the case, in a stable order. */
    public List<PrintDoc> applicable(String caseNo, Actor actor) {
        return Applicability.applicable(desk.prints().model(caseNo, actor));
    }

    /** One document of a case as PDF; refused (Chinese reasons) if it does not apply or a character cannot print. */
    public byte[] render(PrintDoc doc, String caseNo, Actor actor) {
        return renderMany(List.of(new Request(doc, caseNo)), actor);
    }

    /** Many documents in one PDF, in the given order; refused as a whole with every problem of every document. */
    public byte[] renderMany(List<Request> requests, Actor actor) {
        if (requests.isEmpty()) {
            throw new PrintRefusedException(ReportTexts.get("print.nothing"));
        }
        // reading the cases and filling are independent per case and document: a batch uses every core (the
        // database is a connection pool); the order of the job is kept
        Map<String, PrintModel> models = requests.stream().map(r -> r.caseNo().trim()).distinct().toList()
                .parallelStream().collect(java.util.stream.Collectors.toConcurrentMap(no -> no,
                        no -> desk.prints().model(no, actor)));
        List<String> problems = new ArrayList<>();
        List<PrintModel> ordered = new ArrayList<>();
        for (Request r : requests) {
            PrintModel m = models.get(r.caseNo().trim());
            Applicability.refusal(r.doc(), m)
                    .ifPresent(x -> problems.add(ReportTexts.get("print.refused.case", m.caseNo(), x)));
            ordered.add(m);
        }
        if (!problems.isEmpty()) {
            throw new PrintRefusedException(problems);
        }
        List<JasperPrint> prints = java.util.stream.IntStream.range(0, requests.size())
                .parallel().mapToObj(i -> fill(requests.get(i).doc(), ordered.get(i),
                        registered(requests.get(i).doc(), ordered.get(i)))).toList();
        return finish(prints, desk.mode());
    }

    /** A blank reference table (no case): agency and print time in the footer, every cell empty. */
    public byte[] renderBlank(int tableNo) {
        if (tableNo < 1 || tableNo > ReferenceForms.COUNT) {
            throw new PrintRefusedException(ReportTexts.get("doc.unknown", "table-" + tableNo));
        }
        BlankModel b = desk.prints().blank();
        ReferenceForm form = ReferenceForms.load().form(tableNo);
        JasperPrint p = fillTable(form, FormFiller.fill(form, Map.of()), b.agency(), null,
                Documents.time(b.printedAt()));
        return finish(List.of(p), b.mode());
    }

    // ================================================================================================ filling

    static JasperPrint fill(PrintDoc doc, PrintModel m) {
        return fill(doc, m, Map.of());
    }

    /**
     * Issue 14 (D161): 表4's 原登记事项 is the unit as the registry holds it — read while the case has not yet changed
     * the registry (a closed change has written its new values there; the side then stays as the case gives it).
     * Values the case itself gives for that side win.
     */
    Map<String, String> registered(PrintDoc doc, PrintModel m) {
        if (doc.kind() != PrintDoc.Kind.TABLE || m.view().summary().state() == CaseState.CLOSED
                || !ReferenceForms.load().form(doc.table()).keys().contains("formerUnitName")) {
            return Map.of();
        }
        return desk.registry().findUnit(m.view().applicantId()).map(Prints::formerUnit).orElse(Map.of());
    }

    static Map<String, String> formerUnit(RegistryService.UnitView u) {
        Map<String, String> v = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, String> put = (k, x) -> {
            if (x != null && !x.isBlank()) {
                v.put(k, x);
            }
        };
        put.accept("formerUnitName", u.name());
        put.accept("formerUnitAddress", u.address());
        put.accept("formerUnitType", u.unitType());
        put.accept("formerLegalRepresentativeName", u.legalRepName());
        put.accept("formerLegalRepresentativeIdNumber", u.legalRepIdNumber());
        put.accept("formerLegalRepresentativePhone", u.legalRepPhone());
        put.accept("formerUnitContactName", u.contactName());
        put.accept("formerUnitContactPhone", u.contactPhone());
        put.accept("formerBankName", u.bankName());
        put.accept("formerBankAccountNumber", u.bankAccount());
        return v;
    }

    static JasperPrint fill(PrintDoc doc, PrintModel m, Map<String, String> registered) {
        if (doc.kind() == PrintDoc.Kind.TABLE) {
            ReferenceForm form = ReferenceForms.load().form(doc.table());
            Map<String, String> values = tableValues(m);
            registered.forEach(values::putIfAbsent);
            FilledForm filled = FormFiller.fill(form, m.item(), values);
            return fillTable(form, filled, m.agency(), m.caseNo(), Documents.time(m.printedAt()));
        }
        Documents.Content c = Documents.build(doc, m);
        Map<String, Object> p = common(m.agency(), m.caseNo(), Documents.time(m.printedAt()));
        p.put("TITLE", c.title());
        p.put("SUBTITLE", c.subtitle());
        p.put("HOTLINE", m.agency().hotline());
        // issue 14 (D165): the provincial progress address with the case number when the agency set one, else the
        // case number alone (the print then says to show the code at the window); never personal data
        p.put("QR", c.qr() ? Qr.image(m.agency().qrText(m.caseNo()), 0) : null);
        try {
            return JasperFillManager.fillReport(document(), p, new JRMapCollectionDataSource(Typesetting.setRows(c.lines())));
        } catch (JRException e) {
            throw new IllegalStateException("filling " + doc + " failed", e);
        }
    }

    /** The case's values for a reference table: its fields plus what the desk knows (agency, clerk, dates). */
    static Map<String, String> tableValues(PrintModel m) {
        Map<String, String> v = new LinkedHashMap<>(m.view().fields());
        v.putAll(m.formValues()); // what a step recorded for the table (issue 13: 表8 of a 转出)
        // the applicant's identity, under the keys the forms print it with
        String name = m.view().summary().applicantName();
        if (m.item().applicantKind() == ApplicantKind.PERSON) {
            v.putIfAbsent("name", name);
            v.putIfAbsent("idNumber", m.view().applicantId());
            if (m.view().applicantPhone() != null) {
                v.putIfAbsent("phone", m.view().applicantPhone());
            }
        } else {
            for (String k : List.of("unitName", "institutionName", "pharmacyName")) {
                v.putIfAbsent(k, name);
            }
            v.putIfAbsent("creditCode", m.view().applicantId());
        }
        agentValues(m, v);
        places(m, v);
        v.putIfAbsent(FormKeys.AGENCY_NAME, m.agency().name());
        if (m.agency().hotline() != null) {
            v.putIfAbsent(FormKeys.AGENCY_PHONE, m.agency().hotline());
        }
        v.putIfAbsent(FormKeys.FILING_NO, m.caseNo());
        if (m.view().summary().receivedOn() != null) {
            v.putIfAbsent(FormKeys.FILL_DATE, m.view().summary().receivedOn().toString());
        }
        if (m.view().summary().acceptedOn() != null) {
            v.putIfAbsent(FormKeys.HANDLED_DATE, m.view().summary().acceptedOn().toString());
        }
        Applicability.lastEvent(m.view(), Set.of(CaseAction.ACCEPT.name()))
                .ifPresent(e -> v.putIfAbsent(FormKeys.CLERK_NAME, e.actorName()));
        return v;
    }

    /**
     * Issue 14 (D158): an admin-division code prints as the place's name with its code, 「海南省三亚市（460200）」;
     * 表9's 转往省（区、市） is the province of the 就医地 code when the case does not give it.
     */
    private static void places(PrintModel m, Map<String, String> v) {
        m.item().leafFields().filter(f -> f.type() == FieldType.ADMIN_DIVISION).map(FieldSpec::key).distinct()
                .forEach(k -> {
                    String code = v.get(k);
                    if (code != null && !code.isBlank()) {
                        v.put(k, PaperFormats.place(code));
                    }
                });
        String treatment = m.view().fields().get("treatmentPlace");
        if (treatment != null && treatment.trim().matches("\\d{6}")) {
            String province = treatment.trim().substring(0, 2) + "0000";
            if (AdminDivisions.find(province).isPresent()) {
                v.putIfAbsent("destinationProvince", PaperFormats.place(province));
            }
        }
    }

    /**
     * Issue 13 (D141): the agent in the rulebook's own cells — 表7 被委托人 (name, ID, phone), who signs at 表3
     * 申请人或监护人 and 表9 本人（被委托人）签名 — and 表7's 继承人(代表人) account from the case's payee.
     */
    private static void agentValues(PrintModel m, Map<String, String> v) {
        var a = m.view().agent();
        if (a != null) {
            v.putIfAbsent(FormKeys.AGENT_NAME, a.name());
            v.putIfAbsent(FormKeys.AGENT_ID_NUMBER, a.idNumber());
            v.putIfAbsent(FormKeys.AGENT_PHONE, a.phone());
            boolean guardian = org.ybdesk.service.AgentVocabulary.guardianship().equals(a.authorisation());
            v.putIfAbsent(FormKeys.AGENT_SIGNER, ReportTexts.get(guardian ? "table.signer.guardian"
                    : "table.signer.agent", a.name(), a.relation()));
        }
        var p = m.view().payee();
        if (p != null && ("HEIR".equals(p.kind()) || "AGENT".equals(p.kind()))) {
            if (p.bank() != null) {
                v.putIfAbsent(FormKeys.PAYEE_BANK_NAME, p.bank());
            }
            if (p.account() != null) {
                v.putIfAbsent(FormKeys.PAYEE_BANK_ACCOUNT, p.account());
            }
        }
    }

    private static JasperPrint fillTable(ReferenceForm form, FilledForm filled, AgencyView agency, String caseNo,
                                         String printedAt) {
        Map<String, Object> p = common(agency, caseNo, printedAt);
        p.put(FormDesigns.PARAM_VALUES, Typesetting.set(FormDesigns.values(filled)));
        try {
            return JasperFillManager.fillReport(FormDesigns.compiled(form), p, new JREmptyDataSource(1));
        } catch (JRException e) {
            throw new IllegalStateException("filling table " + form.no() + " failed", e);
        }
    }

    private static Map<String, Object> common(AgencyView agency, String caseNo, String printedAt) {
        Map<String, Object> p = new HashMap<>();
        p.put(FormDesigns.PARAM_AGENCY, agency.name());
        p.put(FormDesigns.PARAM_CASE_NO, caseNo);
        p.put(FormDesigns.PARAM_PRINTED_AT, printedAt);
        p.put(JRParameter.REPORT_LOCALE, ReportTexts.locale());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, ReportTexts.bundle());
        return p;
    }

    /**
     * The one way any print becomes a PDF (window documents, tables, batch reports): missing-glyph guard, export to
     * one PDF with embedded fonts, training watermark on every page in the sandbox.
     */
    public static byte[] finish(List<JasperPrint> prints, Mode mode) {
        GlyphGuard.check(prints);
        byte[] pdf = exportAsIs(prints);
        // the watermark's face is compacted with the page's own
        return CompactFonts.apply(mode == Mode.SANDBOX ? Watermark.stamp(pdf) : pdf);
    }

    static byte[] export(List<JasperPrint> prints) {
        return CompactFonts.apply(exportAsIs(prints));
    }

    /** The PDF as JasperReports' exporter writes it, its CJK faces at full structure (see {@link CompactFonts}). */
    static byte[] exportAsIs(List<JasperPrint> prints) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration conf = new SimplePdfExporterConfiguration();
        conf.setCreatingBatchModeBookmarks(prints.size() > 1);
        conf.setMetadataCreator(ReportTexts.get("pdf.creator"));
        exporter.setConfiguration(conf);
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("PDF export failed", e);
        }
        return out.toByteArray();
    }

    /** The window-documents template (compiled at build time, see {@link Templates}; kept for the process). */
    static JasperReport document() {
        return Templates.get(Templates.DOCUMENT);
    }

    /**
     * Makes the first print of the process fast; the desk calls it on a daemon thread after login. Loads every
     * template of the window's prints and exports one tiny blank page, discarded, so the fonts are read and the PDF
     * exporter is loaded before the clerk's first print.
     */
    public static void warmUp() {
        Templates.windowTemplates().forEach(Templates::get);
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, ReportTexts.locale());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, ReportTexts.bundle());
        p.put("TITLE", "YB Desk");
        try {
            export(List.of(JasperFillManager.fillReport(document(), p, new JREmptyDataSource(1))));
        } catch (JRException e) {
            throw new IllegalStateException("warm-up print failed", e);
        }
    }
}
