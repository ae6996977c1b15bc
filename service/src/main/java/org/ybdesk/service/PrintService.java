package org.ybdesk.service;

import java.time.OffsetDateTime;
import java.util.Map;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.db.jooq.tables.records.AgencyRecord;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * What a print needs and nothing more: the case as the case screen shows it, its catalog item, the agency's name and
 * hotline, the mode (a sandbox print is watermarked) and the print time. The reports module builds its documents
 * from this model only; it never reads the database itself.
 */
public final class PrintService {
    private final Desk desk;

    PrintService(Desk desk) {
        this.desk = desk;
    }

    /**
     * The agency as printed in headers and footers; {@code progressUrl} is the provincial progress-query address with
     * {@code {caseNo}} (issue 14, D165), null when none is set.
     */
    public record AgencyView(String code, String name, String signature, String hotline, String progressUrl) {
        public AgencyView(String code, String name, String signature, String hotline) {
            this(code, name, signature, hotline, null);
        }

        /** What the QR code of a case's receipt or notice holds: the progress address, else the case number alone. */
        public String qrText(String caseNo) {
            return progressUrl == null || progressUrl.isBlank() ? caseNo
                    : progressUrl.replace(SetupService.CASE_NO_PLACEHOLDER,
                            java.net.URLEncoder.encode(caseNo, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * One case ready to print.
     *
     * @param filingValidity for out-of-area filings: the validity as the filing message states it (「…至…」 or
     *                       「自…起长期有效…」); null for other items
     * @param promise        the due date promised at 受理 beside the current one (issue 10, D82)
     * @param formValues     values a reference table prints that are not the application's fields (issue 13: 表8 of
     *                       a 转出, from what the 转出 step recorded); they take precedence over the fields
     * @param supplement     the last 补正 request: its day and the working days left as of that day (issue 14), or null
     */
    public record PrintModel(CaseView view, ServiceItem item, AgencyView agency, Mode mode, OffsetDateTime printedAt,
                             String filingValidity, CaseViews.DuePromise promise, Map<String, String> formValues,
                             CaseViews.SupplementFacts supplement) {
        public PrintModel {
            formValues = formValues == null ? Map.of() : Map.copyOf(formValues);
        }

        public PrintModel(CaseView view, ServiceItem item, AgencyView agency, Mode mode, OffsetDateTime printedAt,
                          String filingValidity, CaseViews.DuePromise promise, Map<String, String> formValues) {
            this(view, item, agency, mode, printedAt, filingValidity, promise, formValues, null);
        }

        public PrintModel(CaseView view, ServiceItem item, AgencyView agency, Mode mode, OffsetDateTime printedAt,
                          String filingValidity, CaseViews.DuePromise promise) {
            this(view, item, agency, mode, printedAt, filingValidity, promise, Map.of());
        }

        /** A model without the stored promise (the receipt then prints the current due date). */
        public PrintModel(CaseView view, ServiceItem item, AgencyView agency, Mode mode, OffsetDateTime printedAt,
                          String filingValidity) {
            this(view, item, agency, mode, printedAt, filingValidity, null);
        }

        public String caseNo() {
            return view.summary().caseNo();
        }
    }

    /** The agency and print time for a print without a case (a blank reference table). */
    public record BlankModel(AgencyView agency, Mode mode, OffsetDateTime printedAt) {
    }

    /** The model of case {@code caseNo}; refused with a Chinese reason when the case is unknown or nobody is signed in. */
    public PrintModel model(String caseNo, Actor actor) {
        if (actor == null) {
            throw new ServiceException(Texts.get("print.actor.missing"));
        }
        AgencyView agency = agency();
        // no actor: the actions possible now are not printed, and computing them costs queries per print
        CaseView view = desk.cases().show(caseNo, null);
        ServiceItem item = view.item();
        String validity = item.group() == ItemGroup.OUT_OF_AREA_FILING
                ? CaseService.validity(item, view.fields()) : null;
        Map<String, String> form8 = item.flow() == org.ybdesk.core.catalog.FlowVariant.TRANSFER
                ? desk.cases().transfers().form8Values(desk.db().dsl(), view.summary().caseNo(), agency.name())
                : Map.of();
        return new PrintModel(view, item, agency, desk.mode(), desk.now(), validity, desk.cases().promise(caseNo),
                form8, view.events().stream().anyMatch(e -> CaseAction.REQUEST_SUPPLEMENT.name().equals(e.action()))
                        ? desk.cases().supplementFacts(caseNo) : null); // read only for cases with a 补正
    }

    /**
     * The case a scanned QR code (or a typed number) names (issue 14, D165): the agency's progress address with a
     * case number in place of {@code {caseNo}}, any address or text ending in or holding a case number, or the number
     * itself — when this desk knows that case. Empty otherwise (the window then searches for the text as typed).
     */
    public java.util.Optional<String> scannedCase(String scanned) {
        String t = scanned == null ? "" : scanned.strip();
        if (t.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.List<String> candidates = new java.util.ArrayList<>();
        String url = desk.db().dsl().select(org.ybdesk.db.jooq.Tables.AGENCY.PROGRESS_URL)
                .from(org.ybdesk.db.jooq.Tables.AGENCY).limit(1).fetchOptional()
                .map(r -> r.value1()).orElse(null);
        int at = url == null ? -1 : url.indexOf(SetupService.CASE_NO_PLACEHOLDER);
        if (at >= 0) {
            String prefix = url.substring(0, at);
            String suffix = url.substring(at + SetupService.CASE_NO_PLACEHOLDER.length());
            if (t.length() > prefix.length() + suffix.length() && t.regionMatches(true, 0, prefix, 0, prefix.length())
                    && t.endsWith(suffix)) {
                candidates.add(java.net.URLDecoder.decode(t.substring(prefix.length(), t.length() - suffix.length()),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        candidates.add(t);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9A-Za-z]{12,}").matcher(t);
        java.util.List<String> runs = new java.util.ArrayList<>();
        while (m.find()) {
            runs.add(m.group());
        }
        java.util.Collections.reverse(runs); // an address ends with the number more often than it starts with it
        candidates.addAll(runs);
        for (String c : candidates) {
            String no = c.strip();
            if (!no.isEmpty() && desk.db().dsl().fetchExists(org.ybdesk.db.jooq.Tables.CASE_FILE,
                    org.ybdesk.db.jooq.Tables.CASE_FILE.CASE_NO.eq(no))) {
                return java.util.Optional.of(no);
            }
        }
        return java.util.Optional.empty();
    }

    /** The model of a blank print. */
    public BlankModel blank() {
        return new BlankModel(agency(), desk.mode(), desk.now());
    }

    private AgencyView agency() {
        AgencyRecord a = desk.requireAgency();
        return new AgencyView(a.getCode(), a.getName(), a.getSignature(), a.getHotline(), a.getProgressUrl());
    }
}
