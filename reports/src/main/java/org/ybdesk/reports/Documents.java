package org.ybdesk.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.catalog.Stage;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseSnapshot;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Lifecycle;
import org.ybdesk.core.message.MessageRenderer;
import org.ybdesk.core.money.Money;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.DeadlineView;
import org.ybdesk.service.CaseViews.DuePromise;
import org.ybdesk.service.CaseViews.EventView;
import org.ybdesk.service.CaseViews.MaterialLine;
import org.ybdesk.service.PrintService.PrintModel;

/**
 * The content of the window's documents, built from the print model only: title, whether a QR code is printed, and
 * the lines of {@code document.jrxml} (kinds FIELD, PARA, HEADING, ITEM, HEAD, ROW, SIGN, GAP). Every text comes
 * from the bundle {@code org.ybdesk.reports.messages} or from the case.
 */
final class Documents {
    static final DateTimeFormatter PRINT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A document ready to fill. */
    record Content(String title, String subtitle, boolean qr, List<Map<String, ?>> lines) {
    }

    private final PrintModel m;
    private final CaseView v;
    private final ServiceItem item;
    private final List<Map<String, ?>> lines = new ArrayList<>();

    private Documents(PrintModel m) {
        this.m = m;
        this.v = m.view();
        this.item = m.item();
    }

    static Content build(PrintDoc doc, PrintModel m) {
        Documents d = new Documents(m);
        return switch (doc.kind()) {
            case RECEIPT -> d.receipt();
            case NOTICE -> d.notice();
            case SUPPLEMENT -> d.supplement();
            case APPROVAL -> d.approval();
            case COST_REVIEW -> d.costReview();
            case REIMBURSEMENT, SUBSIDY -> d.payment(doc.kind());
            case FILING -> d.filing();
            case TABLE -> throw new IllegalArgumentException("tables are built by FormDesigns");
        };
    }

    // ================================================================================================ documents

    private Content receipt() {
        para(t("receipt.intro", applicant(), item.name(), date(v.summary().acceptedOn())));
        if (v.agent() != null) { // issue 13: who brought the application, and the authorisation handed in
            para(t("receipt.agent", v.agent().name(), v.agent().relation(), v.agent().authorisation()));
        }
        caseHead();
        field(t("label.acceptedOn"), date(v.summary().acceptedOn()));
        field(t("label.caseType"), item.caseType().label());
        field(t("label.timeLimit"), item.timeLimit().text());
        dueLines();
        heading(t("receipt.materials"));
        int n = 0;
        for (MaterialLine ml : v.materials()) {
            if (ml.status().received()) {
                item(t("list.material", String.valueOf(++n), ml.name(), ml.status().label()));
            }
        }
        if (v.agent() != null) {
            item(t("list.authorisation", String.valueOf(++n), v.agent().authorisation()));
        }
        if (n == 0) {
            item(t("list.none"));
        }
        gap();
        // the number on a line of its own: a phone number is never broken across lines (issue 14)
        para(t(m.agency().progressUrl() == null ? "receipt.query.window" : "receipt.query.url"));
        field(t("label.hotline"), hotline());
        sign(t("sign.clerk", actorOf(CaseAction.ACCEPT.name()), date(v.summary().acceptedOn())));
        return new Content(t("doc.RECEIPT"), item.fullName(), true, lines);
    }

    private Content notice() {
        EventView e = Applicability.lastEvent(v, Applicability.FAILURES).orElseThrow();
        boolean refused = CaseAction.REFUSE.name().equals(e.action());
        para(t(refused ? "notice.intro.refused" : "notice.intro.rejected", applicant(),
                date(v.summary().receivedOn()), item.name(), e.actionLabel()));
        caseHead();
        heading(t("notice.reasons"));
        numbered(e.reasons());
        List<String> missing = missingMaterials();
        if (!missing.isEmpty()) {
            heading(t("notice.missing"));
            numbered(missing);
        }
        gap();
        para(t("notice.closing", hotline()));
        qrLine();
        sign(t("sign.agency", m.agency().signature(), date(e.at().toLocalDate())));
        return new Content(t(refused ? "doc.NOTICE.refused" : "doc.NOTICE"), t("notice.subtitle"), true, lines);
    }

    private Content supplement() {
        EventView e = Applicability.lastEvent(v, Set.of(CaseAction.REQUEST_SUPPLEMENT.name())).orElseThrow();
        para(t("supplement.intro", applicant(), date(v.summary().receivedOn()), item.name()));
        caseHead();
        heading(t("supplement.reasons"));
        numbered(e.reasons());
        List<String> missing = missingMaterials();
        if (!missing.isEmpty()) {
            heading(t("notice.missing"));
            numbered(missing);
        }
        heading(t("supplement.deadline"));
        // issue 14 (D163): as of the notice's own date (the 补正 step's day), never the day it is printed
        var facts = m.supplement();
        LocalDate on = facts != null && facts.on() != null ? facts.on() : e.at().toLocalDate();
        LocalDate accepted = v.summary().acceptedOn();
        if (accepted == null || on.isBefore(accepted)) {
            para(t("supplement.deadline.beforeAcceptance", item.timeLimit().text()));
        } else if (facts != null && facts.workingDaysLeft() != null && facts.workingDaysLeft() >= 0) {
            para(t("supplement.deadline.pausedOn", date(on), String.valueOf(facts.workingDaysLeft()),
                    item.timeLimit().text()));
        } else {
            para(t("supplement.deadline.plain", item.timeLimit().text()));
        }
        gap();
        para(t("notice.closing", hotline()));
        qrLine();
        sign(t("sign.agency", m.agency().signature(), date(on)));
        return new Content(t("doc.SUPPLEMENT"), t("supplement.subtitle"), true, lines);
    }

    private Content approval() {
        caseHead();
        field(t("label.acceptedOn"), date(v.summary().acceptedOn()));
        field(t("label.risk"), item.riskLevel().requiresSeparationOfDuties()
                ? t("risk.separated", item.riskLevel().label()) : item.riskLevel().label());
        amounts();
        itemFields();
        heading(t("approval.steps"));
        stagesTable();
        return new Content(t("doc.APPROVAL"), item.fullName(), false, lines);
    }

    private Content costReview() {
        caseHead();
        if (v.declared() != null) {
            field(t("label.declared"), money(v.declared()));
            field(t("label.reconciled"), v.reconciled() == null ? t("value.none") : money(v.reconciled()));
            Money diff = v.reconciled() != null ? v.declared().minus(v.reconciled()) : null;
            field(t("label.difference"), diff == null ? t("value.none")
                    : diff.fen() == 0 ? t("value.balanced", money(diff)) : t("value.unbalanced", money(diff)));
        }
        reviewAndRecheck();
        field(t("label.paid"), v.paid() == null ? t("value.notPaid") : PaperFormats.authorised(v.paid()));
        itemFields();
        heading(t("approval.steps"));
        stagesTable();
        return new Content(t("doc.COST_REVIEW"), item.fullName(), false, lines);
    }

    /** The amount decided at 审核 and confirmed at 复核, with who did each and when (D87, issue 10). */
    private void reviewAndRecheck() {
        var flow = v.flow();
        Optional<EventView> review = Applicability.lastEvent(v, Set.of(CaseAction.REVIEW.name()));
        Optional<EventView> recheck = Applicability.lastEvent(v, Set.of(CaseAction.RECHECK.name()));
        field(t("label.reviewAmount"), flow == null || flow.reviewAmount() == null ? t("value.notReviewed")
                : PaperFormats.authorised(flow.reviewAmount()));
        field(t("label.reviewer"), review.map(e -> t("value.personOn", e.actorName(), date(e.at().toLocalDate())))
                .orElse(t("value.notReviewed")));
        if (item.stages().contains(Stage.RECHECK)) {
            field(t("label.confirmedAmount"), flow == null || flow.confirmedAmount() == null
                    ? t("value.notRechecked") : PaperFormats.authorised(flow.confirmedAmount()));
            field(t("label.rechecker"), recheck.map(e -> t("value.personOn", e.actorName(),
                    date(e.at().toLocalDate()))).orElse(t("value.notRechecked")));
        }
    }

    private Content payment(PrintDoc.Kind kind) {
        caseHead();
        heading(t("payment.details"));
        head(t("col.no"), t("col.item"), t("col.amount"), t("col.remark"));
        int n = 0;
        for (FieldSpec f : item.leafFields().toList()) {
            if (f.type() == FieldType.MONEY) {
                String raw = v.fields().getOrDefault(f.key(), "");
                String shown = Money.parseYuan(raw).map(Documents::money).orElse(raw);
                row(String.valueOf(++n), f.label(), shown, "");
            }
        }
        Optional<EventView> pay = Applicability.lastEvent(v, Set.of(CaseAction.PAY.name()));
        row(String.valueOf(++n), t("payment.paid"), v.paid() == null ? t("value.notPaid") : money(v.paid()),
                pay.map(e -> date(e.at().toLocalDate())).orElse(""));
        Money approved = v.paid() != null ? v.paid() : v.flow() == null ? null : v.flow().payable();
        field(t(v.paid() != null ? "label.paidInWords" : "label.payableInWords"),
                approved == null ? t("value.notPaid") : PaperFormats.authorised(approved));
        for (FieldSpec f : item.leafFields().toList()) {
            if (f.type() == FieldType.BANK_ACCOUNT) {
                field(f.label(), v.fields().getOrDefault(f.key(), ""));
            }
        }
        gap();
        para(t(kind == PrintDoc.Kind.SUBSIDY ? "payment.confirm.subsidy" : "payment.confirm.reimbursement"));
        sign(t(v.agent() == null ? "sign.applicant" : "sign.agent"));
        return new Content(t("doc." + kind), item.fullName(), false, lines);
    }

    private Content filing() {
        para(t("filing.intro", applicant(), item.name()));
        caseHead();
        field(t("label.filingNo"), v.summary().caseNo());
        field(t("label.validity"), m.filingValidity());
        itemFields();
        gap();
        para(t("filing.closing", hotline()));
        qrLine();
        Optional<EventView> close = Applicability.lastEvent(v, Set.of(CaseAction.CLOSE.name(), CaseAction.ACCEPT.name()));
        sign(t("sign.agency", m.agency().signature(), close.map(e -> date(e.at().toLocalDate())).orElse("")));
        return new Content(t("doc.FILING"), item.fullName(), true, lines);
    }

    // ================================================================================================ parts

    private void caseHead() {
        field(t("label.item"), item.fullName());
        field(t("label.applicant"), applicant());
        field(t("label.applicantId"), v.applicantId());
        if (v.applicantPhone() != null && !v.applicantPhone().isBlank()) {
            field(t("label.phone"), v.applicantPhone());
        }
        field(t("label.receivedOn"), date(v.summary().receivedOn()));
        if (v.backfill() != null) {
            // issue 13: paper work of an outage entered afterwards — its real 收件 time, the paper, the entry
            field(t("label.backfill"), t("value.backfill", v.backfill().paperRef(),
                    v.receivedAt().format(BACKFILL_TIME), v.enteredAt().format(BACKFILL_TIME)));
        }
        partiesHead();
    }

    /**
     * Issue 13: the agent (代办人) with the ID as the case head prints the applicant's, phone and authorisation; the
     * payee (拨付对象) with the account.
     */
    private void partiesHead() {
        var a = v.agent();
        if (a != null) {
            field(t("label.agent"), t("value.agent", a.name(), a.relation()));
            field(t("label.agentId"), a.idNumber());
            field(t("label.agentPhone"), a.phone());
            field(t("label.agentAuthorisation"), a.authorisation());
        }
        var p = v.payee();
        if (p != null) {
            field(t("label.payee"), t("value.payee", p.kindLabel(), p.name() == null ? "" : p.name())
                    + (p.account() == null ? "" : "  " + t("value.payeeAccount", p.account(),
                    p.bank() == null ? "" : p.bank())));
        }
    }

    private static final java.time.format.DateTimeFormatter BACKFILL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /**
     * The amounts of the approval sheet: what was declared and reconciled in figures; what 审核 decided (核定), 复核
     * confirmed and was paid — amounts that authorise or confirm a payment — in capitals and figures (D164).
     */
    private void amounts() {
        if (v.declared() != null) {
            field(t("label.declared"), money(v.declared()));
        }
        if (v.reconciled() != null) {
            field(t("label.reconciled"), money(v.reconciled()));
        }
        var flow = v.flow();
        if (flow != null && flow.reviewAmount() != null) {
            field(t("label.approvedAmount"), PaperFormats.authorised(flow.reviewAmount()));
        }
        if (flow != null && flow.confirmedAmount() != null) {
            field(t("label.confirmedAmount"), PaperFormats.authorised(flow.confirmedAmount()));
        }
        if (v.paid() != null) {
            field(t("label.paid"), PaperFormats.authorised(v.paid()));
        }
    }

    /** The item's 受理信息必填项 with the case's values (identity fields are in the case head already). */
    private void itemFields() {
        Set<String> shown = Set.of("name", "insuredName", "idType", "idNumber", "phone");
        heading(t("section.fields"));
        for (FieldSpec f : item.leafFields().toList()) {
            if (shown.contains(f.key())) {
                continue;
            }
            field(f.label(), shown(f, v.fields().getOrDefault(f.key(), "")));
        }
    }

    /** A field's value as paper shows it: dates in Chinese, places by name with the code, amounts with ¥ (D164). */
    static String shown(FieldSpec f, String val) {
        return switch (f.type()) {
            case DATE -> isoDate(val);
            case ADMIN_DIVISION -> PaperFormats.place(val);
            case MONEY -> Money.parseYuan(val).map(PaperFormats::amount).orElse(val);
            default -> val;
        };
    }

    /**
     * The stages of the approval sheet (issue 14, D166): every step the case took, in the order taken — which is the
     * item's flow as the rulebook writes it (受理, the item's stages, 办结) — each with its opinion (the note or reasons,
     * else what was decided), who and when; then, while the case is open, the stages still to come in the flow's
     * order, each with room for the opinion, the signature and the date. A case that ended (办结, 未通过, 不予受理)
     * shows only what happened, its refusal with every reason included — never blank stages awaiting signatures.
     */
    private void stagesTable() {
        head(t("col.step"), t("col.opinion"), t("col.personSign"), t("col.date"));
        CaseState from = null;
        for (EventView e : v.events()) {
            if (!CaseService.isStep(e.action())) {
                continue;
            }
            String opinion = e.note() != null && !e.note().isBlank() ? e.note()
                    : String.join(t("list.separator"), e.reasons());
            stage(stageLabel(e.action(), e.actionLabel()), opinion, e.actorName(), date(e.at().toLocalDate()));
            if (CaseAction.REQUEST_SUPPLEMENT.name().equals(e.action())) {
                from = e.from(); // the flow goes on from where the 补正 paused it
            }
        }
        CaseState now = v.summary().state();
        if (now.terminal()) {
            return;
        }
        for (CaseAction a : ahead(now == CaseState.SUPPLEMENTING && from != null ? from : now)) {
            stage(a.label(item.flow()), "", "", t("value.blankDate"));
        }
    }

    /**
     * The steps still to come from {@code state} in the item's flow as the lifecycle defines it (the positive path:
     * no 补正, 不予受理, 未通过 or 评估不合格).
     */
    private List<CaseAction> ahead(CaseState state) {
        Set<CaseAction> negative = Set.of(CaseAction.REFUSE, CaseAction.REJECT, CaseAction.REQUEST_SUPPLEMENT,
                CaseAction.EVALUATE_FAIL, CaseAction.RESUME);
        List<CaseAction> out = new ArrayList<>();
        CaseState at = state;
        for (int i = 0; i < 20 && !at.terminal(); i++) {
            Optional<CaseAction> next = Lifecycle.possible(item, at).keySet().stream()
                    .filter(a -> !negative.contains(a)).findFirst();
            if (next.isEmpty()) {
                break;
            }
            out.add(next.get());
            try {
                at = Lifecycle.reported(new CaseSnapshot(item, at, null, List.of(), null, null, null, null, null),
                        next.get()).to();
            } catch (RuntimeException e) {
                break; // a step whose effect needs the case's own data: the path is known up to here
            }
        }
        return out;
    }

    private String stageLabel(String action, String fallback) {
        try {
            return CaseAction.valueOf(action).label(item.flow());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private List<String> missingMaterials() {
        List<String> out = new ArrayList<>();
        for (MaterialLine ml : v.materials()) {
            if (ml.blocking()) { // required by the item or the case's values, and not received
                out.add(ml.name());
            }
        }
        return out;
    }

    private void numbered(List<String> texts) {
        if (texts.isEmpty()) {
            item(t("list.none"));
        }
        for (int i = 0; i < texts.size(); i++) {
            item(t("list.numbered", String.valueOf(i + 1), texts.get(i)));
        }
    }

    private String applicant() {
        return v.summary().applicantName();
    }

    private String dueDate() {
        if (item.timeLimit().instant()) {
            return t("value.instant");
        }
        DeadlineView d = v.summary().deadline();
        if (d == null) {
            return t("value.none");
        }
        if (d.dueDate() == null) {
            // the reason (a calendar problem) is for the staff, never printed on the applicant's paper
            return t("value.dueUnknown");
        }
        return d.provisional() ? t("value.provisional", date(d.dueDate())) : date(d.dueDate());
    }

    /**
     * The receipt's due date (issue 10, D82): the date promised at 受理 as stored with the acceptance; a provisional
     * one with 「（暂定）」 and the applicant's note; when the due date has moved since (补正 pause, transfer phase,
     * a calendar that arrived), the current date beside it with the reason. Never a staff instruction.
     */
    private void dueLines() {
        if (item.timeLimit().instant()) {
            field(t("label.dueDate"), t("value.instant"));
            return;
        }
        DuePromise p = m.promise();
        if (p == null || p.promisedOn() == null) {
            field(t("label.dueDate"), dueDate());
            DeadlineView d = v.summary().deadline();
            if (d != null && d.provisional() && p != null) {
                para(t("receipt.provisional.note", years(p)));
            }
            return;
        }
        String promised = date(p.promisedOn());
        if (p.promisedProvisional()) {
            promised = t(p.currentProvisional() ? "value.provisional" : "value.provisionalAtAcceptance", promised);
        }
        field(t("label.dueDate"), promised);
        if (p.moved()) {
            String current = date(p.currentOn());
            field(t("label.currentDueDate"), t("value.currentDue",
                    p.currentProvisional() ? t("value.provisional", current) : current, p.moveReason()));
        }
        if (p.currentProvisional()) {
            para(t("receipt.provisional.note", years(p)));
        }
    }

    private static String years(DuePromise p) {
        return String.join(t("value.yearSeparator"), p.provisionalYears().stream().map(String::valueOf).toList());
    }

    private String hotline() {
        return m.agency().hotline() == null ? t("value.noHotline") : m.agency().hotline();
    }

    private String actorOf(String action) {
        return Applicability.lastEvent(v, Set.of(action)).map(EventView::actorName).orElse("");
    }

    static String date(LocalDate d) {
        return d == null ? "" : MessageRenderer.chineseDate(d);
    }

    private static String isoDate(String raw) {
        try {
            return date(LocalDate.parse(raw));
        } catch (RuntimeException e) {
            return raw;
        }
    }

    static String time(OffsetDateTime t) {
        return t == null ? "" : PRINT_TIME.format(t);
    }

    static String money(Money x) {
        return PaperFormats.amount(x);
    }

    /** The QR code's wording on notices: what the code does (a progress address, or show it at the window). */
    private void qrLine() {
        para(t(m.agency().progressUrl() == null ? "qr.window" : "qr.url"));
    }

    private static String t(String key, Object... args) {
        return ReportTexts.get(key, args);
    }

    // ================================================================================================ lines

    private void field(String label, String value) {
        add("FIELD", label, value);
    }

    private void para(String text) {
        add("PARA", null, text);
    }

    private void heading(String text) {
        add("HEADING", null, text);
    }

    private void item(String text) {
        add("ITEM", null, text);
    }

    private void sign(String text) {
        add("SIGN", null, text);
    }

    private void gap() {
        add("GAP", null, null);
    }

    private void head(String c1, String c2, String c3, String c4) {
        cells("HEAD", c1, c2, c3, c4);
    }

    private void row(String c1, String c2, String c3, String c4) {
        cells("ROW", c1, c2, c3, c4);
    }

    /** A stage of the approval sheet: taller than a row, room to write the opinion and sign by hand. */
    private void stage(String c1, String c2, String c3, String c4) {
        cells("STAGE", c1, c2, c3, c4);
    }

    private void add(String kind, String label, String value) {
        Map<String, Object> l = new HashMap<>();
        l.put("kind", kind);
        l.put("label", label);
        l.put("value", value);
        lines.add(l);
    }

    private void cells(String kind, String c1, String c2, String c3, String c4) {
        Map<String, Object> l = new HashMap<>();
        l.put("kind", kind);
        l.put("c1", c1);
        l.put("c2", c2);
        l.put("c3", c3);
        l.put("c4", c4);
        lines.add(l);
    }
}
