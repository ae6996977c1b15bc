package org.ybdesk.service;

import java.time.OffsetDateTime;
import java.util.Map;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
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

    /** The agency as printed in headers and footers. */
    public record AgencyView(String code, String name, String signature, String hotline) {
    }

    /**
     * One case ready to print.
     *
     * @param filingValidity for out-of-area filings: the validity as the filing message states it (「…至…」 or
     *                       「自…起长期有效…」); null for other items
     * @param promise        the due date promised at 受理 beside the current one (issue 10, D82)
     * @param formValues     values a reference table prints that are not the application's fields (issue 13: 表8 of
     *                       a 转出, from what the 转出 step recorded); they take precedence over the fields
     */
    public record PrintModel(CaseView view, ServiceItem item, AgencyView agency, Mode mode, OffsetDateTime printedAt,
                             String filingValidity, CaseViews.DuePromise promise, Map<String, String> formValues) {
        public PrintModel {
            formValues = formValues == null ? Map.of() : Map.copyOf(formValues);
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
                form8);
    }

    /** The model of a blank print. */
    public BlankModel blank() {
        return new BlankModel(agency(), desk.mode(), desk.now());
    }

    private AgencyView agency() {
        AgencyRecord a = desk.requireAgency();
        return new AgencyView(a.getCode(), a.getName(), a.getSignature(), a.getHotline());
    }
}
