package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.AGENCY;
import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_PAYEE;
import static org.ybdesk.db.jooq.Tables.COUNTY_DESK;
import static org.ybdesk.db.jooq.Tables.CASE_PAUSE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.calendar.Deadline;
import org.ybdesk.core.calendar.DeadlineInput;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.core.calendar.Pause;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.PaymentKind;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.catalog.TimeLimit;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.money.Money;

/**
 * Supervisors' batch reports (台账, 月度统计, 逾期/临近清单, 支付清单, 岗位分离异常): the queries behind them, over every case
 * of a period, with the desk's working calendar deciding what was on time. Read-only; no audit record.
 *
 * <p>Period: a case belongs to a period by its 收件日期 ({@code received_on}); a payment by the day it was paid
 * (docs/DECISIONS.md D40). Overdue and near are judged as of today (the print day).
 */
public final class ReportService {
    /** Longest period of a ledger (it lists every case): one year. */
    public static final int LEDGER_MAX_YEARS = 1;
    /** Longest period of the other reports. */
    public static final int OTHER_MAX_YEARS = 3;
    private static final List<String> CONCLUDED = List.of(CaseState.CLOSED.name(), CaseState.REJECTED.name());
    private static final List<String> TERMINAL = List.of(CaseState.CLOSED.name(), CaseState.REFUSED.name(),
            CaseState.REJECTED.name());

    private final Desk desk;

    ReportService(Desk desk) {
        this.desk = desk;
    }

    /** The kinds of batch report. */
    public enum Kind {
        LEDGER, MONTHLY, OVERDUE, PAYMENTS, SOD;

        public String label() {
            return Texts.get("report.kind." + name());
        }

        /** Accepts the code name in any case (ledger, monthly, …). */
        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(text.trim())) {
                    return k;
                }
            }
            throw new ServiceException(Texts.get("report.kind.unknown", text));
        }
    }

    /**
     * What to report on: a period (inclusive), and optionally agencies, one item and one state.
     *
     * @param agencyCodes empty for every agency
     */
    public record Filter(LocalDate from, LocalDate to, List<String> agencyCodes, Integer itemNo, CaseState state,
                         Scope scope) {
        public Filter {
            agencyCodes = agencyCodes == null ? List.of()
                    : agencyCodes.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
            scope = scope == null ? Scope.DESK : scope;
        }

        /** A filter over this desk's own cases (the shape before issue 12). */
        public Filter(LocalDate from, LocalDate to, List<String> agencyCodes, Integer itemNo, CaseState state) {
            this(from, to, agencyCodes, itemNo, state, Scope.DESK);
        }

        public static Filter of(LocalDate from, LocalDate to) {
            return new Filter(from, to, List.of(), null, null);
        }

        public Filter withScope(Scope s) {
            return new Filter(from, to, agencyCodes, itemNo, state, s);
        }
    }

    /**
     * Which cases a report covers (issue 12, D123): {@code DESK} — the cases accepted at this desk (the default, as
     * before); {@code COUNTY} — every case of the subtree this desk knows: its own, the full copies of cases held
     * elsewhere and the county view's summaries.
     */
    public enum Scope {
        DESK, COUNTY;

        public String label() {
            return Texts.get("report.scope." + name());
        }

        /** {@code desk} or {@code county} (any case), or the Chinese label; a refusal naming the value otherwise. */
        public static Scope parse(String text) {
            String t = text == null ? "" : text.trim();
            for (Scope s : values()) {
                if (s.name().equalsIgnoreCase(t) || s.label().equals(t)) {
                    return s;
                }
            }
            throw new ServiceException(Texts.get("report.scope.invalid",
                    org.ybdesk.core.validation.InputHygiene.visible(t)));
        }
    }

    /** A desk a report covers, with its last upload to the province (null: never, or unknown). */
    public record CoveredDesk(String agencyCode, String agencyName, Integer windowNo, String name,
                              String lastUploadAt) {
        /** 「道里区新农镇医保服务点 2号窗口（最后上传 2026-11-05 10:00:00）」. */
        public String line() {
            String desk = windowNo == null ? agencyName : Texts.get("holding.desk", agencyName, String.valueOf(windowNo));
            return lastUploadAt == null ? Texts.get("report.desk.never", desk)
                    : Texts.get("report.desk.upload", desk, lastUploadAt);
        }
    }

    /**
     * What every page shows above the table: agencies, period, filters, when printed, and as of which day; the
     * scope and the desks it covers with their last upload (issue 12).
     */
    public record Header(String agencies, LocalDate from, LocalDate to, String filters, OffsetDateTime printedAt,
                         LocalDate asOf, Scope scope, List<CoveredDesk> desks) {
        public Header {
            scope = scope == null ? Scope.DESK : scope;
            desks = desks == null ? List.of() : List.copyOf(desks);
        }

        public Header(String agencies, LocalDate from, LocalDate to, String filters, OffsetDateTime printedAt,
                      LocalDate asOf) {
            this(agencies, from, to, filters, printedAt, asOf, Scope.DESK, List.of());
        }

        /** The covered desks as one line for the page: 「覆盖：…；…」. */
        public String coverage() {
            return Texts.get("report.coverage", scope.label(),
                    String.join("；", desks.stream().map(CoveredDesk::line).toList()));
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Parses a date typed as 2026-11-01 (also 2026/11/01 and 20261101); a refusal naming the field otherwise. */
    public static LocalDate parseDate(String text, String fieldLabel) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new ServiceException(Texts.get("report.date.missing", fieldLabel));
        }
        org.ybdesk.core.validation.InputHygiene.DateResult d = org.ybdesk.core.validation.InputHygiene.date(fieldLabel, t);
        if (!d.ok()) {
            List<String> p = new ArrayList<>();
            p.add(Texts.get("report.date.invalid", fieldLabel, org.ybdesk.core.validation.InputHygiene.visible(t)));
            p.addAll(d.problems());
            throw new ServiceException(p);
        }
        return d.date();
    }

    /** Every reason the request cannot be reported, at once; empty when it can. */
    public List<String> problems(Kind kind, Filter f) {
        List<String> p = new ArrayList<>();
        if (f.from() == null || f.to() == null) {
            p.add(Texts.get("report.period.missing"));
        } else {
            if (f.to().isBefore(f.from())) {
                p.add(Texts.get("report.period.reversed", f.from().toString(), f.to().toString()));
            }
            int years = kind == Kind.LEDGER ? LEDGER_MAX_YEARS : OTHER_MAX_YEARS;
            if (!f.to().isBefore(f.from().plusYears(years))) {
                p.add(Texts.get(kind == Kind.LEDGER ? "report.period.tooLong.ledger" : "report.period.tooLong",
                        String.valueOf(years), f.from().toString(), f.to().toString()));
            }
        }
        if (f.itemNo() != null && desk.catalog().find(f.itemNo()).isEmpty()) {
            p.add(Texts.get("case.item.unknown", String.valueOf(f.itemNo())));
        }
        return p;
    }

    private void check(Kind kind, Filter f) {
        List<String> p = problems(kind, f);
        if (!p.isEmpty()) {
            throw new ServiceException(p);
        }
    }

    /** The header lines for a report over {@code f}. */
    public Header header(Filter f) {
        String agencies;
        if (f.agencyCodes().isEmpty()) {
            agencies = desk.agency().map(a -> a.getName()).orElse("") + Texts.get("report.agencies.all");
        } else {
            Map<String, String> names = desk.db().dsl().select(AGENCY.CODE, AGENCY.NAME).from(AGENCY)
                    .where(AGENCY.CODE.in(f.agencyCodes())).fetchMap(AGENCY.CODE, AGENCY.NAME);
            agencies = org.ybdesk.core.i18n.Messages.joinList(f.agencyCodes().stream()
                    .map(c -> names.containsKey(c) ? Texts.get("report.agency.named", names.get(c), c) : c).toList());
        }
        String filters = Texts.get("report.filters", f.itemNo() == null ? Texts.get("report.filter.all")
                : f.itemNo() + " " + desk.catalog().item(f.itemNo()).name(),
                f.state() == null ? Texts.get("report.filter.all") : f.state().label());
        return new Header(agencies, f.from(), f.to(), filters, desk.now(), desk.today(), f.scope(), coveredDesks(f));
    }

    /**
     * The desks a report covers: this desk (its last successful sync) and, for the county scope, every desk of the
     * county view (county_desk, as the province last reported them) with its last upload.
     */
    List<CoveredDesk> coveredDesks(Filter f) {
        var dsl = desk.db().dsl();
        List<CoveredDesk> out = new ArrayList<>();
        var own = desk.agency().orElse(null);
        int window = Organisation.ownWindow(dsl);
        OffsetDateTime lastSync = dsl.select(org.ybdesk.db.jooq.Tables.SYNC_STATE.LAST_SUCCESS_AT)
                .from(org.ybdesk.db.jooq.Tables.SYNC_STATE).where(org.ybdesk.db.jooq.Tables.SYNC_STATE.ID.eq(1))
                .fetchOptional(org.ybdesk.db.jooq.Tables.SYNC_STATE.LAST_SUCCESS_AT).orElse(null);
        String ownCode = own == null ? null : own.getCode();
        out.add(new CoveredDesk(ownCode, own == null ? "" : own.getName(), window == 0 ? null : window,
                Texts.get("holding.here"), lastSync == null ? null
                : AuditReport.time(lastSync)));
        if (f.scope() == Scope.COUNTY) {
            dsl.selectFrom(COUNTY_DESK).orderBy(COUNTY_DESK.AGENCY_CODE, COUNTY_DESK.WINDOW_NO).fetch().forEach(d -> {
                if (!(d.getAgencyCode().equals(ownCode) && d.getWindowNo() == window)) {
                    out.add(new CoveredDesk(d.getAgencyCode(), d.getAgencyName() == null ? d.getAgencyCode()
                            : d.getAgencyName(), d.getWindowNo(), d.getName(), d.getLastUploadAt()));
                }
            });
        }
        return out;
    }

    /**
     * Who took the application in: the account that made the case here, or — for a copy of a case made at another
     * desk (issue 12: no local account) — the name on its application's timeline entry.
     */
    private static final org.jooq.Field<String> HANDLER = DSL.coalesce(APP_USER.DISPLAY_NAME,
            DSL.field(DSL.select(CASE_EVENT.ACTOR_NAME).from(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(CASE_FILE.ID),
                    CASE_EVENT.ACTION.eq(CaseService.RECEIVE)).orderBy(CASE_EVENT.ID).limit(1))).as("handler");

    private Condition caseFilter(Filter f, boolean byReceipt) {
        Condition c = byReceipt ? CASE_FILE.RECEIVED_ON.between(f.from(), f.to()) : DSL.noCondition();
        if (f.scope() == Scope.DESK) {
            // the cases accepted at this desk: made here (copy kind null = LOCAL), not copies of other desks' cases
            c = c.and(CASE_FILE.COPY_KIND.isNull().or(CASE_FILE.COPY_KIND.eq(org.ybdesk.db.CaseRepository.LOCAL)));
        }
        if (!f.agencyCodes().isEmpty()) {
            c = c.and(CASE_FILE.AGENCY_CODE.in(f.agencyCodes()));
        }
        if (f.itemNo() != null) {
            c = c.and(CASE_FILE.ITEM_NO.eq(f.itemNo()));
        }
        if (f.state() != null) {
            c = c.and(CASE_FILE.STATE.eq(f.state().name()));
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------------ timing

    /**
     * The pauses (补正 after acceptance) that may belong to cases received from {@code from} on, by case id: one scan
     * of the (small) pause table, cheaper than joining it to every case of the period; pauses of other cases are
     * simply never looked up.
     */
    private Map<Long, List<Pause>> pauses(LocalDate from) {
        Map<Long, List<Pause>> out = new HashMap<>();
        desk.db().dsl().select(CASE_PAUSE.CASE_ID, CASE_PAUSE.PAUSED_ON, CASE_PAUSE.RESUMED_ON).from(CASE_PAUSE)
                .where(CASE_PAUSE.PAUSED_ON.ge(from))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Pause(r.value2(), r.value3())));
        return out;
    }

    /** Due dates without pauses, by start day, working days and cap: most cases share a few hundred of them. */
    private final Map<DeadlineInput, LocalDate> plainDue = new HashMap<>();

    /** The recorded outages as clock stops (D129), read at the first deadline of a report. */
    private List<Pause> outageStops;

    private List<Pause> outageStops() {
        if (outageStops == null) {
            outageStops = org.ybdesk.db.Outages
                    .endingAfter(desk.db().dsl(), java.time.LocalDateTime.of(1900, 1, 1, 0, 0))
                    .stream().flatMap(o -> o.pause().stream()).toList();
        }
        return outageStops;
    }

    /** Whether an outage's days lie after the case's acceptance (then its due date is not the plain one). */
    private boolean afterAnOutageBegan(Timing t) {
        return outageStops().stream().anyMatch(p -> p.to().isAfter(t.acceptedOn()));
    }

    /** A case's timing facts, as read for a report. */
    record Timing(long id, int itemNo, CaseState state, LocalDate acceptedOn, LocalDate transferredOutOn,
                  LocalDate closedOn) {
    }

    /**
     * The deadline of a case as it stood on {@code asOf} (for a concluded case: its closing day), computed by the
     * working calendar exactly as the case screen computes it; null when the clock never started or the calendar
     * cannot place it.
     */
    Deadline deadline(Timing t, List<Pause> casePauses, LocalDate asOf) {
        if (t.acceptedOn() == null || asOf.isBefore(t.acceptedOn())) {
            return null;
        }
        DeadlineInput in;
        try {
            List<Pause> stops = casePauses;
            if (!outageStops().isEmpty()) {
                stops = new ArrayList<>(casePauses == null ? List.of() : casePauses);
                stops.addAll(outageStops);
            }
            in = org.ybdesk.core.casefile.CaseFile.deadlineInput(desk.catalog().item(t.itemNo()), t.acceptedOn(),
                    t.transferredOutOn(), stops);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (asOf.isBefore(in.acceptedOn())) {
            return null;
        }
        try {
            return desk.deadlines().compute(in, asOf);
        } catch (DateOutsideCalendarException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The due date of a case that never paused: the same for every case with the same start, time limit and cap,
     * so it is computed once per combination (the calendar walk is what a report over 100,000 cases spends on).
     */
    private LocalDate plainDueDate(Timing t) {
        ServiceItem item = desk.catalog().item(t.itemNo());
        TimeLimit tl = item.timeLimit();
        LocalDate from = t.acceptedOn();
        int days = tl.workingDays();
        if (item.flow() == FlowVariant.TRANSFER && tl.transferOutWorkingDays() != null) {
            if (t.transferredOutOn() == null) {
                days = tl.transferOutWorkingDays();
            } else {
                from = t.transferredOutOn();
                days = tl.transferInWorkingDays() == null ? tl.workingDays() : tl.transferInWorkingDays();
            }
        }
        DeadlineInput in = new DeadlineInput(from, days, List.of(), tl.capMonths());
        if (plainDue.containsKey(in)) {
            return plainDue.get(in);
        }
        LocalDate due;
        try {
            due = desk.deadlines().compute(in, from).dueDate();
        } catch (DateOutsideCalendarException e) {
            due = null;
        }
        plainDue.put(in, due);
        return due;
    }

    /** How a case counts for 按期办结率. */
    public enum Punctuality {
        /** Concluded (办结 or 未通过 after acceptance) on or before its due date. */
        ON_TIME,
        /** Concluded after its due date. */
        LATE,
        /** Still open and past its due date today. */
        OPEN_OVERDUE,
        /** Still open, not past due. */
        OPEN,
        /** Never accepted (待受理, 不予受理, 补正 before acceptance): no clock. */
        NO_CLOCK,
        /** The calendar cannot place its due date. */
        UNKNOWN
    }

    /**
     * How a case counts for the on-time rate. An open case whose clock runs has its current due date stored (every
     * step keeps {@code due_on} up to date, as the workbench relies on); only concluded cases, cases waiting for 补正
     * and cases without a stored due date need the calendar.
     */
    Punctuality punctuality(Timing t, LocalDate storedDue, List<Pause> ps, LocalDate today) {
        if (t.acceptedOn() == null) {
            return Punctuality.NO_CLOCK;
        }
        boolean concluded = t.state() == CaseState.CLOSED || t.state() == CaseState.REJECTED;
        if (t.state().terminal() && !concluded) {
            return Punctuality.NO_CLOCK;
        }
        if (!concluded && storedDue != null && t.state().clockRunning()) {
            return today.isAfter(storedDue) ? Punctuality.OPEN_OVERDUE : Punctuality.OPEN;
        }
        LocalDate asOf = concluded ? (t.closedOn() == null ? today : t.closedOn()) : today;
        if (concluded && (ps == null || ps.isEmpty()) && !afterAnOutageBegan(t)) {
            LocalDate due = plainDueDate(t);
            if (due == null) {
                return Punctuality.UNKNOWN;
            }
            return asOf.isAfter(due) ? Punctuality.LATE : Punctuality.ON_TIME;
        }
        Deadline d = deadline(t, ps, asOf);
        if (d == null) {
            return Punctuality.UNKNOWN;
        }
        if (concluded) {
            return asOf.isAfter(d.dueDate()) ? Punctuality.LATE : Punctuality.ON_TIME;
        }
        return today.isAfter(d.dueDate()) ? Punctuality.OPEN_OVERDUE : Punctuality.OPEN;
    }

    /**
     * Counts for 按期办结率: rate = on time ÷ (on time + late + open overdue); null when nothing can be judged.
     */
    public record Timeliness(int onTime, int late, int openOverdue, int unknown) {
        public int judged() {
            return onTime + late + openOverdue;
        }

        /** The on-time rate in percent, rounded half-up to one decimal; null when nothing was judged. */
        public java.math.BigDecimal ratePercent() {
            if (judged() == 0) {
                return null;
            }
            return java.math.BigDecimal.valueOf(onTime * 1000L).divide(java.math.BigDecimal.valueOf(judged()), 0,
                    java.math.RoundingMode.HALF_UP).movePointLeft(1);
        }

        Timeliness plus(Punctuality p) {
            return switch (p) {
                case ON_TIME -> new Timeliness(onTime + 1, late, openOverdue, unknown);
                case LATE -> new Timeliness(onTime, late + 1, openOverdue, unknown);
                case OPEN_OVERDUE -> new Timeliness(onTime, late, openOverdue + 1, unknown);
                case UNKNOWN -> new Timeliness(onTime, late, openOverdue, unknown + 1);
                default -> this;
            };
        }
    }

    // ------------------------------------------------------------------------------------------------ ledger

    public record LedgerRow(String caseNo, int itemNo, String itemName, String applicantName, String applicantIdMasked,
                            String channel, LocalDate receivedOn, LocalDate acceptedOn, LocalDate dueOn,
                            LocalDate closedOn, CaseState state, String stateLabel, String handler, Money declared,
                            Money reconciled, Money paid) {
    }

    /**
     * @param auditHead the audit chain's head when the ledger was made (seq, first 16 hex digits of its hash, time),
     *                  printed in the footer so a later rewritten chain is caught by comparing with the paper (D71)
     */
    public record Ledger(Header header, List<LedgerRow> rows, Money declaredTotal, Money paidTotal, String auditHead) {
        /** How many cases' declared amounts the total leaves out because they were not accepted (不予受理). */
        public long refusedDeclarations() {
            return rows.stream().filter(r -> r.state() == CaseState.REFUSED && r.declared() != null).count();
        }
    }

    /**
     * Issue 14 (D167): what a case paid up to {@code to}, as the payment list counts it — its 支付/拨付 steps
     * ({@code PAY}); the transfer's 余额划转 ({@code MOVE_BALANCE}, item 10) moves a balance between funds and pays
     * nobody, so it is in neither. Null when the case has no such step.
     */
    private static org.jooq.Field<Long> paidBy(LocalDate to) {
        return DSL.field(DSL.select(DSL.sum(CASE_EVENT.AMOUNT_FEN).cast(Long.class)).from(CASE_EVENT)
                .where(CASE_EVENT.CASE_ID.eq(CASE_FILE.ID), CASE_EVENT.ACTION.eq(CaseAction.PAY.name()),
                        CASE_EVENT.ON_DAY.le(to))).as("paid_steps");
    }

    /**
     * 台账: every case received in the period, oldest first, with its due date (for a concluded case the due date
     * it had when it was concluded) and its amounts; 经办人 is who took the application in. 支付金额 is what the case's
     * 支付/拨付 steps paid up to the period's end (the payment list's own rule, not the 余额划转 of a transfer); the
     * declared total leaves out the declarations of cases refused (不予受理, issue 14, D167).
     */
    public Ledger ledger(Filter f) {
        check(Kind.LEDGER, f);
        Condition c = caseFilter(f, true);
        Map<Long, List<Pause>> ps = pauses(f.from());
        LocalDate today = desk.today();
        List<LedgerRow> rows = new ArrayList<>();
        long declared = 0;
        long paid = 0;
        for (var r : desk.db().dsl().select(CASE_FILE.ID, CASE_FILE.CASE_NO, CASE_FILE.ITEM_NO, CASE_FILE.APPLICANT_NAME,
                        CASE_FILE.APPLICANT_ID_NUMBER, CASE_FILE.CHANNEL, CASE_FILE.RECEIVED_ON, CASE_FILE.ACCEPTED_ON,
                        CASE_FILE.DUE_ON, CASE_FILE.CLOSED_ON, CASE_FILE.STATE, HANDLER,
                        CASE_FILE.DECLARED_FEN, CASE_FILE.RECONCILED_FEN,
                        CASE_FILE.TRANSFERRED_OUT_ON, paidBy(f.to()))
                .from(CASE_FILE).leftJoin(APP_USER).on(APP_USER.ID.eq(CASE_FILE.CREATED_BY)).where(c)
                .orderBy(CASE_FILE.RECEIVED_ON, CASE_FILE.CASE_NO).fetch()) {
            CaseState st = CaseState.valueOf(r.get(CASE_FILE.STATE));
            Timing t = new Timing(r.get(CASE_FILE.ID), r.get(CASE_FILE.ITEM_NO), st, r.get(CASE_FILE.ACCEPTED_ON),
                    r.get(CASE_FILE.TRANSFERRED_OUT_ON), r.get(CASE_FILE.CLOSED_ON));
            LocalDate due = r.get(CASE_FILE.DUE_ON);
            if (due == null && t.acceptedOn() != null && st != CaseState.REFUSED) {
                Deadline d = deadline(t, ps.get(t.id()), st.terminal() && t.closedOn() != null ? t.closedOn() : today);
                due = d == null ? null : d.dueDate();
            }
            Long dec = r.get(CASE_FILE.DECLARED_FEN);
            Long pd = r.get("paid_steps", Long.class);
            Long rec = r.get(CASE_FILE.RECONCILED_FEN);
            declared += dec == null || st == CaseState.REFUSED ? 0 : dec;
            paid += pd == null ? 0 : pd;
            rows.add(new LedgerRow(r.get(CASE_FILE.CASE_NO), t.itemNo(), desk.catalog().item(t.itemNo()).name(),
                    r.get(CASE_FILE.APPLICANT_NAME), CaseViews.mask(r.get(CASE_FILE.APPLICANT_ID_NUMBER)),
                    r.get(CASE_FILE.CHANNEL), r.get(CASE_FILE.RECEIVED_ON), t.acceptedOn(), due, t.closedOn(), st,
                    st.label(), r.get(HANDLER), dec == null ? null : Money.ofFen(dec),
                    rec == null ? null : Money.ofFen(rec), pd == null ? null : Money.ofFen(pd)));
        }
        return new Ledger(header(f), rows, Money.ofFen(declared), Money.ofFen(paid),
                AuditReport.headLine(desk.auditHead().orElse(null)));
    }

    // ------------------------------------------------------------------------------------------------ monthly

    /**
     * One line of the monthly statistics: received cases of a month and item, how they stand now.
     *
     * @param open cases not finished (待受理, 补正中 and every running state)
     */
    public record MonthlyRow(YearMonth month, int itemNo, String itemName, int received, int closed, int rejected,
                             int refused, int open, Timeliness timeliness) {
    }

    /** Cases per channel (受理渠道) with their timeliness. */
    public record ChannelRow(String channel, int received, int closed, Timeliness timeliness) {
    }

    /** Cases per current state. */
    public record StateRow(CaseState state, String label, int count) {
    }

    /** Per month: received, closed and timeliness (the chart's line). */
    public record MonthTotal(YearMonth month, int received, int closed, int open, Timeliness timeliness) {
    }

    public record Monthly(Header header, List<MonthlyRow> rows, List<MonthTotal> months, List<StateRow> states,
                          List<ChannelRow> channels, int received, int closed, int rejected, int refused, int open,
                          Timeliness timeliness) {
    }

    /** 月度统计: received cases by month and item, by state and by channel, with 按期办结率. */
    public Monthly monthly(Filter f) {
        check(Kind.MONTHLY, f);
        Condition c = caseFilter(f, true);
        Map<Long, List<Pause>> ps = pauses(f.from());
        LocalDate today = desk.today();
        record Key(YearMonth month, int item) {
        }
        Map<Key, int[]> counts = new TreeMap<>(Comparator.comparing(Key::month).thenComparingInt(Key::item));
        Map<Key, Timeliness> tl = new HashMap<>();
        Map<YearMonth, int[]> monthCounts = new TreeMap<>();
        Map<YearMonth, Timeliness> monthTl = new HashMap<>();
        Map<CaseState, Integer> states = new EnumMap<>(CaseState.class);
        Map<String, int[]> channels = new TreeMap<>();
        Map<String, Timeliness> channelTl = new HashMap<>();
        Timeliness all = new Timeliness(0, 0, 0, 0);
        int[] totals = new int[5];
        Timeliness zero = new Timeliness(0, 0, 0, 0);
        for (var r : desk.db().dsl().select(CASE_FILE.ID, CASE_FILE.ITEM_NO, CASE_FILE.STATE, CASE_FILE.CHANNEL,
                        CASE_FILE.RECEIVED_ON, CASE_FILE.ACCEPTED_ON, CASE_FILE.TRANSFERRED_OUT_ON, CASE_FILE.CLOSED_ON,
                        CASE_FILE.DUE_ON)
                .from(CASE_FILE).where(c).fetch()) {
            CaseState st = CaseState.valueOf(r.value3());
            Timing t = new Timing(r.value1(), r.value2(), st, r.value6(), r.value7(), r.value8());
            Punctuality p = punctuality(t, r.value9(), ps.get(t.id()), today);
            Key k = new Key(YearMonth.from(r.value5()), t.itemNo());
            int col = switch (st) {
                case CLOSED -> 1;
                case REJECTED -> 2;
                case REFUSED -> 3;
                default -> 4;
            };
            int[] n = counts.computeIfAbsent(k, x -> new int[5]);
            n[0]++;
            n[col]++;
            totals[0]++;
            totals[col]++;
            int[] m = monthCounts.computeIfAbsent(k.month(), x -> new int[5]);
            m[0]++;
            m[col]++;
            tl.merge(k, zero.plus(p), ReportService::sum);
            monthTl.merge(k.month(), zero.plus(p), ReportService::sum);
            states.merge(st, 1, Integer::sum);
            int[] ch = channels.computeIfAbsent(r.value4(), x -> new int[2]);
            ch[0]++;
            if (st == CaseState.CLOSED) {
                ch[1]++;
            }
            channelTl.merge(r.value4(), zero.plus(p), ReportService::sum);
            all = all.plus(p);
        }
        List<MonthlyRow> rows = new ArrayList<>();
        counts.forEach((k, n) -> rows.add(new MonthlyRow(k.month(), k.item(), desk.catalog().item(k.item()).name(),
                n[0], n[1], n[2], n[3], n[4], tl.get(k))));
        List<MonthTotal> months = new ArrayList<>();
        monthCounts.forEach((m, n) -> months.add(new MonthTotal(m, n[0], n[1], n[4], monthTl.get(m))));
        List<StateRow> stateRows = new ArrayList<>();
        states.forEach((s, n) -> stateRows.add(new StateRow(s, s.label(), n)));
        List<ChannelRow> channelRows = new ArrayList<>();
        channels.forEach((ch, n) -> channelRows.add(new ChannelRow(ch, n[0], n[1], channelTl.get(ch))));
        return new Monthly(header(f), rows, months, stateRows, channelRows, totals[0], totals[1], totals[2],
                totals[3], totals[4], all);
    }

    private static Timeliness sum(Timeliness a, Timeliness b) {
        return new Timeliness(a.onTime() + b.onTime(), a.late() + b.late(), a.openOverdue() + b.openOverdue(),
                a.unknown() + b.unknown());
    }

    // ------------------------------------------------------------------------------------------------ overdue

    /**
     * An open case that is overdue or near its due date (临近: at most 3 working days left, as the deadline status
     * defines it).
     *
     * @param workingDaysLeft negative: working days past due
     */
    public record DueRow(String caseNo, int itemNo, String itemName, String applicantName, String applicantIdMasked,
                         LocalDate acceptedOn, LocalDate dueOn, int workingDaysLeft, DeadlineStatus status,
                         String statusLabel, CaseState state, String stateLabel, String handler) {
    }

    public record DueLists(Header header, List<DueRow> overdue, List<DueRow> near) {
    }

    /** 逾期/临近清单: open cases received in the period that are overdue or near, as of today; soonest due first. */
    public DueLists due(Filter f) {
        check(Kind.OVERDUE, f);
        Condition c = caseFilter(f, true).and(CASE_FILE.STATE.notIn(TERMINAL)).and(CASE_FILE.ACCEPTED_ON.isNotNull());
        Map<Long, List<Pause>> ps = pauses(f.from());
        LocalDate today = desk.today();
        List<DueRow> overdue = new ArrayList<>();
        List<DueRow> near = new ArrayList<>();
        LocalDate horizon;
        try {
            horizon = desk.calendar().addWorkingDays(today, org.ybdesk.core.calendar.DeadlineEngine.NEAR_WORKING_DAYS);
        } catch (DateOutsideCalendarException e) {
            horizon = null;
        }
        for (var r : desk.db().dsl().select(CASE_FILE.ID, CASE_FILE.CASE_NO, CASE_FILE.ITEM_NO, CASE_FILE.APPLICANT_NAME,
                        CASE_FILE.APPLICANT_ID_NUMBER, CASE_FILE.ACCEPTED_ON, CASE_FILE.TRANSFERRED_OUT_ON,
                        CASE_FILE.STATE, HANDLER, CASE_FILE.DUE_ON)
                .from(CASE_FILE).leftJoin(APP_USER).on(APP_USER.ID.eq(CASE_FILE.CREATED_BY)).where(c).fetch()) {
            CaseState st = CaseState.valueOf(r.value8());
            LocalDate stored = r.value10();
            if (st.clockRunning() && stored != null && horizon != null && stored.isAfter(horizon)) {
                continue; // due later than the near window: neither list (the stored due date is kept current)
            }
            Timing t = new Timing(r.value1(), r.value3(), st, r.value6(), r.value7(), null);
            Deadline d = deadline(t, ps.get(t.id()), today);
            if (d == null || (d.status() != DeadlineStatus.OVERDUE && d.status() != DeadlineStatus.NEAR)) {
                continue;
            }
            DueRow row = new DueRow(r.value2(), t.itemNo(), desk.catalog().item(t.itemNo()).name(), r.value4(),
                    CaseViews.mask(r.value5()), t.acceptedOn(), d.dueDate(), d.workingDaysLeft(), d.status(),
                    d.status().label(), st, st.label(), r.value9());
            (d.status() == DeadlineStatus.OVERDUE ? overdue : near).add(row);
        }
        Comparator<DueRow> order = Comparator.comparing(DueRow::dueOn).thenComparing(DueRow::caseNo);
        overdue.sort(order);
        near.sort(order);
        return new DueLists(header(f), overdue, near);
    }

    // ------------------------------------------------------------------------------------------------ payments

    /** One payment (支付/拨付 step). {@code kind} is null when the catalog does not classify the item. */
    public record PaymentRow(LocalDate paidOn, String caseNo, int itemNo, String itemName, PaymentKind kind,
                             String kindLabel, String payee, String payeeIdMasked, Money amount, String paidBy) {
    }

    public record PaymentTotal(PaymentKind kind, String label, int count, Money amount) {
    }

    public record Payments(Header header, List<PaymentRow> rows, List<PaymentTotal> totals, int count, Money total) {
    }

    /**
     * 支付清单: every 支付/拨付 step taken in the period (by the day it was taken), grouped by what the catalog says
     * the item pays (报销, 津贴, 补贴, 个人账户支取, 费用结算), with exact totals in fen.
     */
    public Payments payments(Filter f) {
        check(Kind.PAYMENTS, f);
        Condition c = caseFilter(f, false).and(CASE_EVENT.ACTION.eq(CaseAction.PAY.name()))
                .and(CASE_EVENT.ON_DAY.between(f.from(), f.to()));
        List<PaymentRow> rows = new ArrayList<>();
        for (var r : desk.db().dsl().select(CASE_EVENT.ON_DAY, CASE_FILE.CASE_NO, CASE_FILE.ITEM_NO,
                        CASE_FILE.APPLICANT_NAME, CASE_FILE.APPLICANT_ID_NUMBER, CASE_EVENT.AMOUNT_FEN,
                        CASE_EVENT.ACTOR_NAME, CASE_PAYEE.KIND, CASE_PAYEE.NAME, CASE_PAYEE.ID_NUMBER)
                .from(CASE_EVENT).join(CASE_FILE).on(CASE_FILE.ID.eq(CASE_EVENT.CASE_ID))
                .leftJoin(CASE_PAYEE).on(CASE_PAYEE.CASE_ID.eq(CASE_FILE.ID)).where(c)
                .orderBy(CASE_EVENT.ON_DAY, CASE_EVENT.ID).fetch()) {
            ServiceItem item = desk.catalog().item(r.value3());
            PaymentKind k = item.paymentKind();
            // issue 13 (D142): a payment to someone other than the insured names its payee and kind
            boolean other = r.value8() != null && !PayeeKind.INSURED.name().equals(r.value8());
            String payee = other ? Texts.get("report.payee.other", r.value9(), PayeeKind.valueOf(r.value8()).label())
                    : r.value4();
            String payeeId = other ? r.value10() : r.value5();
            rows.add(new PaymentRow(r.value1(), r.value2(), item.no(), item.name(), k,
                    k == null ? Texts.get("report.paymentKind.none") : k.label(), payee,
                    payeeId == null ? "" : CaseViews.mask(payeeId), Money.ofFen(r.value6() == null ? 0 : r.value6()),
                    r.value7()));
        }
        Comparator<PaymentRow> byKind = Comparator.comparing(p -> p.kind() == null ? Integer.MAX_VALUE
                : p.kind().ordinal());
        rows.sort(byKind.thenComparing(PaymentRow::paidOn).thenComparing(PaymentRow::caseNo));
        Map<PaymentKind, long[]> sums = new LinkedHashMap<>();
        long total = 0;
        for (PaymentRow p : rows) {
            long[] s = sums.computeIfAbsent(p.kind(), k -> new long[2]);
            s[0]++;
            s[1] += p.amount().fen();
            total += p.amount().fen();
        }
        List<PaymentTotal> totals = new ArrayList<>();
        sums.forEach((k, s) -> totals.add(new PaymentTotal(k, k == null ? Texts.get("report.paymentKind.none")
                : k.label(), (int) s[0], Money.ofFen(s[1]))));
        return new Payments(header(f), rows, totals, rows.size(), Money.ofFen(total));
    }

    // ------------------------------------------------------------------------------------------------ SoD

    /** What is wrong in a case's record. */
    public enum Anomaly {
        /** High-risk item: the acceptor also took a decision (审核/复核/审批/评估/签约). */
        ACCEPTOR_DECIDED,
        /** High-risk item: the reviewer (审核/评估) also approved or signed. */
        REVIEWER_APPROVED,
        /** Any item: 复核 by the person who did the 审核. */
        REVIEWER_RECHECKED,
        /** The case's paid amount differs from the sum of its payment steps. */
        PAID_MISMATCH,
        /** A step does not start from the state the previous step ended in. */
        STEP_OUT_OF_ORDER,
        /** A step dated before the application was received. */
        STEP_BEFORE_RECEIPT;

        public String label() {
            return Texts.get("report.anomaly." + name());
        }
    }

    public record SodRow(String caseNo, int itemNo, String itemName, String riskLabel, Anomaly anomaly,
                         String anomalyLabel, String detail, LocalDate onDay) {
    }

    public record SodReport(Header header, List<SodRow> rows, int casesChecked) {
    }

    private static final java.util.Set<CaseAction> DECISIONS = java.util.EnumSet.of(CaseAction.REVIEW,
            CaseAction.RECHECK, CaseAction.APPROVE, CaseAction.EVALUATE, CaseAction.EVALUATE_FAIL, CaseAction.SIGN);
    private static final java.util.Set<CaseAction> REVIEWS = java.util.EnumSet.of(CaseAction.REVIEW,
            CaseAction.EVALUATE, CaseAction.EVALUATE_FAIL);
    private static final java.util.Set<CaseAction> APPROVALS = java.util.EnumSet.of(CaseAction.APPROVE,
            CaseAction.SIGN);

    /**
     * A timeline entry as the report compares persons (D72): the same account, or the same person ID; a step
     * taken at another desk has no local account (issue 12), and a county summary's step carries neither account
     * nor person, so two such steps are compared by name.
     */
    private record Ev(long caseId, String action, String from, String to, Long actorId, String personId,
                      String actorName, LocalDate onDay, Long amountFen) {
        boolean samePersonAs(Ev o) {
            if (actorId != null && actorId.equals(o.actorId)) {
                return true;
            }
            if (personId != null && personId.equals(o.personId)) {
                return true;
            }
            return actorId == null && o.actorId == null && personId == null && o.personId == null
                    && Objects.equals(actorName, o.actorName);
        }
    }

    /**
     * 岗位分离异常: the record of every case received in the period checked against the separation of duties
     * (D16) and for audit anomalies in its timeline (paid amount ≠ payment steps, a step out of order, a step
     * before receipt). The lifecycle refuses such steps; this finds what came in another way (imports, edits of
     * the database, older versions).
     */
    public SodReport separationOfDuties(Filter f) {
        check(Kind.SOD, f);
        Condition c = caseFilter(f, true);
        record CaseInfo(String caseNo, int itemNo, LocalDate receivedOn, long paidFen) {
        }
        Map<Long, CaseInfo> cases = new HashMap<>();
        desk.db().dsl().select(CASE_FILE.ID, CASE_FILE.CASE_NO, CASE_FILE.ITEM_NO, CASE_FILE.RECEIVED_ON,
                CASE_FILE.PAID_FEN).from(CASE_FILE).where(c).forEach(r -> cases.put(r.value1(),
                new CaseInfo(r.value2(), r.value3(), r.value4(), r.value5() == null ? 0 : r.value5())));
        Map<Long, List<Ev>> events = new LinkedHashMap<>();
        desk.db().dsl().select(CASE_EVENT.CASE_ID, CASE_EVENT.ACTION, CASE_EVENT.FROM_STATE, CASE_EVENT.TO_STATE,
                        CASE_EVENT.ACTOR_PERSON_ID, CASE_EVENT.ACTOR_ID, CASE_EVENT.ACTOR_NAME, CASE_EVENT.ON_DAY,
                        CASE_EVENT.AMOUNT_FEN)
                .from(CASE_EVENT).join(CASE_FILE).on(CASE_FILE.ID.eq(CASE_EVENT.CASE_ID))
                .where(c.and(CASE_EVENT.ACTION.ne(CaseService.DUE_CHANGE))) // not a step (D83)
                .orderBy(CASE_EVENT.CASE_ID, CASE_EVENT.ID)
                .forEach(r -> events.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new Ev(r.value1(),
                        r.value2(), r.value3(), r.value4(), r.value6(), r.value5(), r.value7(), r.value8(),
                        r.value9())));
        List<SodRow> rows = new ArrayList<>();
        events.forEach((id, evs) -> {
            CaseInfo ci = cases.get(id);
            ServiceItem item = desk.catalog().item(ci.itemNo());
            boolean sod = item.riskLevel().requiresSeparationOfDuties();
            java.util.function.BiConsumer<Anomaly, Object[]> add = (a, x) -> rows.add(new SodRow(ci.caseNo(),
                    item.no(), item.name(), item.riskLevel().label(), a, a.label(), (String) x[0], (LocalDate) x[1]));
            String prevTo = null;
            long paid = 0;
            for (int i = 0; i < evs.size(); i++) {
                Ev e = evs.get(i);
                CaseAction a = CaseService.RECEIVE.equals(e.action()) ? null : CaseAction.valueOf(e.action());
                if (a == CaseAction.PAY || a == CaseAction.MOVE_BALANCE) {
                    paid += e.amountFen() == null ? 0 : e.amountFen();
                }
                if (i > 0 && !Objects.equals(prevTo, e.from())) {
                    add.accept(Anomaly.STEP_OUT_OF_ORDER, new Object[] {Texts.get("report.anomaly.order",
                            label(a, item), state(e.from()), state(prevTo)), e.onDay()});
                }
                if (e.onDay().isBefore(ci.receivedOn())) {
                    add.accept(Anomaly.STEP_BEFORE_RECEIPT, new Object[] {Texts.get("report.anomaly.early",
                            label(a, item), e.onDay().toString(), ci.receivedOn().toString()), e.onDay()});
                }
                prevTo = e.to();
                if (a == null) {
                    continue;
                }
                for (int j = 0; j < i; j++) {
                    Ev earlier = evs.get(j);
                    if (!earlier.samePersonAs(e) || CaseService.RECEIVE.equals(earlier.action())) {
                        continue;
                    }
                    CaseAction b = CaseAction.valueOf(earlier.action());
                    Anomaly found = null;
                    if (sod && b == CaseAction.ACCEPT && DECISIONS.contains(a)) {
                        found = Anomaly.ACCEPTOR_DECIDED;
                    } else if (sod && REVIEWS.contains(b) && APPROVALS.contains(a)) {
                        found = Anomaly.REVIEWER_APPROVED;
                    } else if (b == CaseAction.REVIEW && a == CaseAction.RECHECK) {
                        found = Anomaly.REVIEWER_RECHECKED;
                    }
                    if (found != null) {
                        add.accept(found, new Object[] {Texts.get("report.anomaly.samePerson", e.actorName(),
                                label(b, item), label(a, item)), e.onDay()});
                    }
                }
            }
            if (paid != ci.paidFen()) {
                add.accept(Anomaly.PAID_MISMATCH, new Object[] {Texts.get("report.anomaly.paid",
                        Money.ofFen(ci.paidFen()).toYuanString(), Money.ofFen(paid).toYuanString()),
                        evs.get(evs.size() - 1).onDay()});
            }
        });
        rows.sort(Comparator.comparing(SodRow::caseNo).thenComparing(SodRow::anomaly));
        return new SodReport(header(f), rows, cases.size());
    }

    private static String label(CaseAction a, ServiceItem item) {
        return a == null ? Texts.get("case.event.receive") : a.label(item.flow());
    }

    private static String state(String s) {
        return s == null ? Texts.get("report.state.none") : CaseState.valueOf(s).label();
    }
}
