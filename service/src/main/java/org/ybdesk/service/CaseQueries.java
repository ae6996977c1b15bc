package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.CASE_ATTACHMENT;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_MESSAGE;
import static org.ybdesk.db.jooq.Tables.CASE_NOTE;
import static org.ybdesk.db.jooq.Tables.CASE_PAUSE;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.calendar.DeadlineEngine;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.core.calendar.WorkingCalendar;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.message.MessageRenderer;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.CaseRepository;
import org.ybdesk.db.Json;
import org.ybdesk.db.jooq.tables.records.CaseFileRecord;
import org.ybdesk.service.CaseViews.AttachmentView;
import org.ybdesk.service.CaseViews.CaseSummary;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.DeadlineView;
import org.ybdesk.service.CaseViews.EventView;
import org.ybdesk.service.CaseViews.MaterialLine;
import org.ybdesk.service.CaseViews.MessageView;
import org.ybdesk.service.CaseViews.NoteView;

/**
 * Reading case files: the whole case for the case screen (under the catalog version it was accepted with), lists,
 * the due list, the promise of the 受理回执 and the 25/26 notice limit. Nothing here writes.
 */
final class CaseQueries {
    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };
    /** States whose clock does not run (not accepted yet, paused, or ended). */
    static final Set<CaseState> NOT_COUNTING = EnumSet.of(CaseState.RECEIVED, CaseState.SUPPLEMENTING,
            CaseState.CLOSED, CaseState.REFUSED, CaseState.REJECTED);

    private final Desk desk;
    private final CaseRepository repo;

    CaseQueries(Desk desk, CaseRepository repo) {
        this.desk = desk;
        this.repo = repo;
    }

    /** The deadline of a case as of {@code today} on {@code engine}, or null while its clock does not run. */
    static DeadlineView deadline(CaseFile c, LocalDate today, DeadlineEngine engine) {
        try {
            return c.deadline(engine, today).map(d -> new DeadlineView(d.dueDate(), d.status(), d.status().label(),
                    d.workingDaysLeft(), d.paused(), null, d.provisional(), d.provisionalReason())).orElse(null);
        } catch (DateOutsideCalendarException e) {
            return new DeadlineView(null, null, null, null, false, e.getMessage());
        }
    }

    /** A list row with the deadline from its stored due date (open cases whose clock runs), else none. */
    CaseSummary summaryOf(CaseFileRecord r, LocalDate today) {
        CaseState s = CaseState.valueOf(r.getState());
        return summary(r, r.getDueOn() == null || s.terminal() || s == CaseState.SUPPLEMENTING ? null
                : quickDeadline(r, today));
    }

    CaseSummary summary(CaseFileRecord r, DeadlineView d) {
        CaseState s = CaseState.valueOf(r.getState());
        ServiceItem item = desk.item(r.getCatalogVersion(), r.getItemNo());
        return new CaseSummary(r.getCaseNo(), r.getItemNo(), item.name(), s, s.label(), r.getApplicantName(),
                CaseViews.mask(r.getApplicantIdNumber()), r.getReceivedOn(), r.getAcceptedOn(), d, holding(r));
    }

    /** The holding of a row as shown (issue 12); agency names from the organisation's list, read once per query. */
    CaseViews.HoldingView holding(CaseFileRecord r) {
        CaseRepository.Holding h = CaseRepository.holding(r);
        String holder = h.heldHere() ? Texts.get("holding.here") : deskLabel(h.holderAgency(), h.holderName(),
                h.holderWindow());
        String from = h.acceptorAgency() == null ? null : deskLabel(h.acceptorAgency(), null, h.acceptorWindow());
        return new CaseViews.HoldingView(h.heldHere(), holder, h.handOff(),
                h.handOff() == null ? null : Texts.get("holding.handOff." + h.handOff()), h.copyKind(),
                Texts.get("holding.copy." + h.copyKind()), from);
    }

    private java.util.Map<String, String> agencyNames;

    private String deskLabel(String agencyCode, String agencyName, Integer window) {
        if (agencyNames == null) {
            agencyNames = new java.util.HashMap<>();
            Organisation.agencies(desk.db().dsl()).forEach(a -> agencyNames.put(a.code(), a.name()));
        }
        String name = agencyName != null ? agencyName : agencyCode == null ? Texts.get("holding.forwarded")
                : agencyNames.getOrDefault(agencyCode, agencyCode);
        return window == null ? name : Texts.get("holding.desk", name, String.valueOf(window));
    }

    /** Deadline from the stored due date (kept current by every step), without reading pauses again. */
    DeadlineView quickDeadline(CaseFileRecord r, LocalDate today) {
        LocalDate due = r.getDueOn();
        WorkingCalendar cal = desk.calendar();
        try {
            int left = today.isAfter(due) ? -cal.workingDaysBetween(due, today) : cal.workingDaysBetween(today, due);
            DeadlineStatus status = today.isAfter(due) ? DeadlineStatus.OVERDUE
                    : left <= DeadlineEngine.NEAR_WORKING_DAYS ? DeadlineStatus.NEAR : DeadlineStatus.NORMAL;
            SortedSet<Integer> provisional = r.getAcceptedOn() == null || !due.isAfter(r.getAcceptedOn())
                    ? Collections.emptySortedSet() : cal.provisionalYears(r.getAcceptedOn().plusDays(1), due);
            return new DeadlineView(due, status, status.label(), left, false, null, !provisional.isEmpty(),
                    provisional.isEmpty() ? null : WorkingCalendar.provisionalReason(provisional));
        } catch (DateOutsideCalendarException e) {
            return new DeadlineView(due, null, null, null, false, e.getMessage());
        }
    }

    /**
     * Open cases whose clock runs, due within 3 working days or overdue (or all of them), soonest first. Cases whose
     * due date cannot be computed (the calendar does not reach it) are listed too, with the reason; when the next
     * 3 working days run past the calendar, every open case is listed rather than guessing.
     */
    List<CaseSummary> dueList(boolean all, int limit) {
        LocalDate today = desk.today();
        DSLContext dsl = desk.db().dsl();
        // the cases this desk works on (issue 12): held here or waiting in its agency's pool, not copies held elsewhere
        Condition workable = desk.workbench().workable();
        Condition running = CASE_FILE.STATE.notIn(NOT_COUNTING.stream().map(Enum::name).toList())
                .and(CASE_FILE.ACCEPTED_ON.isNotNull()).and(workable);
        LocalDate horizon = null;
        if (!all) {
            try {
                horizon = desk.calendar().addWorkingDays(today, DeadlineEngine.NEAR_WORKING_DAYS);
            } catch (DateOutsideCalendarException e) {
                horizon = null; // list every running clock rather than guess
            }
        }
        // First the running cases whose deadline cannot be computed — one (state, due_on) index lookup per running
        // state, because closed cases also have no due date and must not be scanned — then by due date with a
        // bounded range on the due_on index.
        List<CaseSummary> out = new ArrayList<>();
        for (CaseState st : CaseState.values()) {
            if (NOT_COUNTING.contains(st) || out.size() >= limit) {
                continue;
            }
            out.addAll(dsl.selectFrom(CASE_FILE)
                    .where(CASE_FILE.STATE.eq(st.name()), CASE_FILE.DUE_ON.isNull(), CASE_FILE.ACCEPTED_ON.isNotNull(),
                            workable)
                    .orderBy(CASE_FILE.ID).limit(limit - out.size()).fetch()
                    .map(r -> summary(r, deadline(repo.load(dsl, r), today, desk.deadlines()))));
        }
        LocalDate earliest = LocalDate.of(2000, 1, 1);
        Condition dated = (horizon == null ? CASE_FILE.DUE_ON.ge(earliest) : CASE_FILE.DUE_ON.between(earliest, horizon))
                .and(running);
        out.addAll(dsl.selectFrom(CASE_FILE).where(dated).orderBy(CASE_FILE.DUE_ON, CASE_FILE.ID)
                .limit(Math.max(0, limit - out.size())).fetch().map(r -> summary(r, quickDeadline(r, today))));
        return out;
    }

    List<CaseSummary> list(CaseService.CaseQuery q) {
        Condition c = DSL.noCondition();
        if (q.itemNo() != null) {
            c = c.and(CASE_FILE.ITEM_NO.eq(q.itemNo()));
        }
        if (q.state() != null) {
            c = c.and(CASE_FILE.STATE.eq(q.state().name()));
        }
        if (q.applicantId() != null && !q.applicantId().isBlank()) {
            c = c.and(CASE_FILE.APPLICANT_ID_NUMBER.eq(Validators.normalizeId(q.applicantId())));
        }
        if (q.receivedFrom() != null) {
            c = c.and(CASE_FILE.RECEIVED_ON.ge(q.receivedFrom()));
        }
        if (q.receivedTo() != null) {
            c = c.and(CASE_FILE.RECEIVED_ON.le(q.receivedTo()));
        }
        LocalDate today = desk.today();
        DSLContext dsl = desk.db().dsl();
        // latest first by 收件 (the paper's real time for back-filled work) or by entry (the row's order)
        List<org.jooq.SortField<?>> order = q.sort() == CaseService.ListSort.ENTERED ? List.of(CASE_FILE.ID.desc())
                : List.of(CASE_FILE.RECEIVED_ON.desc(),
                        DSL.coalesce(CASE_FILE.RECEIVED_AT, CASE_FILE.CREATED_AT).desc(), CASE_FILE.ID.desc());
        return dsl.selectFrom(CASE_FILE).where(c).orderBy(order)
                .limit(q.limit() <= 0 ? 100 : q.limit()).fetch()
                .map(r -> summary(r, r.getDueOn() == null || CaseState.valueOf(r.getState()).terminal() ? null
                        : deadline(repo.load(dsl, r), today, desk.deadlines())));
    }

    /** The 收件 time of a case: the paper's real time when back-filled (issue 13), else when it was entered. */
    static java.time.LocalDateTime receivedAt(CaseFileRecord r) {
        return local(r.getReceivedAt() != null ? r.getReceivedAt() : r.getCreatedAt());
    }

    private static java.time.LocalDateTime local(java.time.OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Desk.ZONE).toLocalDateTime();
    }

    /** The case as stored, or a refusal naming the number. */
    CaseFile load(DSLContext dsl, String caseNo) {
        return repo.find(dsl, caseNo.trim()).orElseThrow(() ->
                new ServiceException(Texts.get("case.unknown", InputHygiene.visible(caseNo))));
    }

    /** The whole case: fields, materials, timeline, messages and — for {@code actor} — the actions possible now. */
    CaseView show(String caseNo, Actor actor) {
        DSLContext dsl = desk.db().dsl();
        CaseFile c = load(dsl, caseNo);
        ServiceItem item = c.item();
        var needs = c.materialNeeds();
        List<MaterialLine> materials = item.materials().stream()
                .map(s -> new MaterialLine(s.no(), s.name(), s.condition(),
                        c.materials().getOrDefault(s.no(), MaterialStatus.MISSING), needs.get(s)))
                .toList();
        List<EventView> events = dsl.selectFrom(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(c.id()))
                .orderBy(CASE_EVENT.ID).fetch().map(e -> new EventView(e.getAction(),
                        CaseRepository.RECEIVE.equals(e.getAction()) ? Texts.get("case.event.receive")
                                : CaseRepository.DUE_CHANGE.equals(e.getAction()) ? Texts.get("case.event.dueChange")
                                : CaseAction.valueOf(e.getAction()).label(item.flow()),
                        e.getFromState() == null ? null : CaseState.valueOf(e.getFromState()),
                        CaseState.valueOf(e.getToState()), e.getActorName(), e.getOccurredAt(),
                        e.getReasons() == null ? List.of() : Json.read(e.getReasons(), REASONS), e.getNote(),
                        e.getAmountFen() == null ? null : Money.ofFen(e.getAmountFen()), e.getRemoteDesk()));
        List<MessageView> messages = dsl.selectFrom(CASE_MESSAGE).where(CASE_MESSAGE.CASE_ID.eq(c.id()))
                .orderBy(CASE_MESSAGE.ID).fetch()
                .map(x -> new MessageView(x.getKind(), x.getMessageText(), x.getCreatedAt()));
        CaseFileRecord held = dsl.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(c.id())).fetchSingle();
        // a case this desk does not hold (or whose hand-off is pending) is read-only here: no actions offered
        var actions = actor == null || !holding(held).actionable()
                ? List.<org.ybdesk.core.lifecycle.Availability>of() : c.available(actor);
        LocalDate today = desk.today();
        CaseViews.FlowFacts flow = new CaseViews.FlowFacts(c.amounts().review(), c.amounts().confirmed(),
                c.payable().orElse(null), desk.cases().largeAmountThreshold(), notice(dsl, c, today),
                org.ybdesk.core.lifecycle.Lifecycle.earliestReEvaluation(c.snapshot()).orElse(null));
        CaseFileRecord row = dsl.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(c.id())).fetchSingle();
        CaseSummary s = summary(row, deadline(c, today, desk.deadlines()));
        return new CaseView(s, c.agencyCode(), c.channel(), c.applicant().kind().name(), c.applicant().idNumber(),
                c.applicant().phone(), c.fields(), materials, c.amounts().declared(), c.amounts().reconciled(),
                c.amounts().paid(), events, messages, actions, c.nextRole(),
                dsl.select(CASE_ATTACHMENT.ID, CASE_ATTACHMENT.FILE_NAME, CASE_ATTACHMENT.MEDIA_TYPE,
                                CASE_ATTACHMENT.SIZE_BYTES, CASE_ATTACHMENT.SHA256, APP_USER.DISPLAY_NAME,
                                CASE_ATTACHMENT.ADDED_AT)
                        .from(CASE_ATTACHMENT).join(APP_USER).on(APP_USER.ID.eq(CASE_ATTACHMENT.ADDED_BY))
                        .where(CASE_ATTACHMENT.CASE_ID.eq(c.id())).orderBy(CASE_ATTACHMENT.ID)
                        .fetch(r -> new AttachmentView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                                r.value6(), r.value7())),
                dsl.selectFrom(CASE_NOTE).where(CASE_NOTE.CASE_ID.eq(c.id())).orderBy(CASE_NOTE.ID)
                        .fetch(n -> new NoteView(n.getNoteText(), n.getAuthorName(), n.getAddedAt())), flow,
                c.catalogVersion(), item, s.holding(), agentView(dsl, c.id()), payeeView(dsl, c.id()),
                receivedAt(row), local(row.getCreatedAt()), row.getBackfillPaperRef() == null ? null
                        : new CaseViews.BackfillView(row.getBackfillPaperRef(), row.getBackfillBy()));
    }

    /** The case's agent (代办人, issue 13), or null. */
    static CaseViews.AgentView agentView(DSLContext dsl, long caseId) {
        return org.ybdesk.db.CaseParties.agent(dsl, caseId).map(a -> {
            org.ybdesk.core.registry.IdType t = org.ybdesk.core.registry.IdType.valueOf(a.idType());
            return new CaseViews.AgentView(a.idType(), t.label(), a.idNumber(), CaseViews.mask(a.idNumber()),
                    a.name(), a.phone(), a.relation(), a.authorisation());
        }).orElse(null);
    }

    /** The case's payee (拨付对象, issue 13), or null. */
    static CaseViews.PayeeView payeeView(DSLContext dsl, long caseId) {
        return org.ybdesk.db.CaseParties.payee(dsl, caseId).map(p -> new CaseViews.PayeeView(p.kind(),
                PayeeKind.valueOf(p.kind()).label(), p.name(), p.idNumber(), p.account(), p.bank())).orElse(null);
    }

    /**
     * Items 25/26 while 待受理 and not yet told what is missing: the limit for telling it at once (「自收到材料之日起5个
     * 工作日内一次性告知」), counted by the working calendar from the received date (D88). Null for other items and
     * once the case was accepted, refused or asked for 补正.
     */
    CaseViews.NoticeView notice(DSLContext dsl, CaseFile c, LocalDate today) {
        Integer days = c.item().timeLimit().completenessNoticeWorkingDays();
        if (days == null || c.state() != CaseState.RECEIVED
                || c.history().stream().anyMatch(h -> h.action() == CaseAction.REQUEST_SUPPLEMENT)) {
            return null;
        }
        return notice(c.dates().receivedOn(), days, today);
    }

    /** {@link #notice(DSLContext, CaseFile, LocalDate)} for a list row (no timeline read: it is still 待受理). */
    CaseViews.NoticeView notice(CaseFileRecord r, LocalDate today) {
        Integer days = desk.item(r.getCatalogVersion(), r.getItemNo()).timeLimit().completenessNoticeWorkingDays();
        if (days == null || !CaseState.RECEIVED.name().equals(r.getState()) || desk.db().dsl().fetchExists(CASE_EVENT,
                CASE_EVENT.CASE_ID.eq(r.getId()).and(CASE_EVENT.ACTION.eq(CaseAction.REQUEST_SUPPLEMENT.name())))) {
            return null;
        }
        return notice(r.getReceivedOn(), days, today);
    }

    private CaseViews.NoticeView notice(LocalDate receivedOn, int days, LocalDate today) {
        try {
            LocalDate due = desk.calendar().addWorkingDays(receivedOn, days);
            boolean over = today.isAfter(due);
            int left = over ? -desk.calendar().workingDaysBetween(due, today)
                    : desk.calendar().workingDaysBetween(today, due);
            DeadlineStatus status = over ? DeadlineStatus.OVERDUE
                    : left <= DeadlineEngine.NEAR_WORKING_DAYS ? DeadlineStatus.NEAR : DeadlineStatus.NORMAL;
            return new CaseViews.NoticeView(due, status, status.label(), left, null);
        } catch (DateOutsideCalendarException e) {
            return new CaseViews.NoticeView(null, null, null, null, e.getMessage());
        }
    }

    /**
     * The promise of the 受理回执 (D82): the due date stored at acceptance, beside the due date now and why it moved
     * (a 补正 pause, the transfer's second phase, a working calendar that arrived later).
     */
    CaseViews.DuePromise promise(String caseNo) {
        DSLContext dsl = desk.db().dsl();
        CaseFile c = load(dsl, caseNo);
        DeadlineView now = deadline(c, desk.today(), desk.deadlines());
        LocalDate current = now == null ? null : now.dueDate();
        LocalDate accepted = c.dates().acceptedOn();
        SortedSet<Integer> years = now == null || !now.provisional() || accepted == null
                ? Collections.emptySortedSet() : desk.calendar().provisionalYears(accepted.plusDays(1), current);
        LocalDate promised = c.promise().dueOn();
        boolean promisedProvisional = c.promise().provisional();
        if (promised == null && accepted != null) {
            // issue 14 (D163): a case accepted without a stored promise (before V10, a seeded or a copied case) —
            // the date the receipt promised is the one the deadline rule gave on the day of acceptance
            CaseViews.DeadlineView atAcceptance = asOf(c, accepted, false);
            if (atAcceptance != null && atAcceptance.dueDate() != null) {
                promised = atAcceptance.dueDate();
                promisedProvisional = atAcceptance.provisional();
            }
        }
        String why = null;
        if (promised != null && current != null && !promised.equals(current)) {
            List<String> reasons = new ArrayList<>();
            if (dsl.fetchExists(CASE_PAUSE, CASE_PAUSE.CASE_ID.eq(c.id()), CASE_PAUSE.PAUSED_ON.ge(accepted))) {
                reasons.add(Texts.get("case.due.moved.pause"));
            }
            if (c.dates().transferredOutOn() != null) {
                reasons.add(Texts.get("case.due.moved.transfer"));
            }
            dsl.select(CASE_EVENT.NOTE).from(CASE_EVENT)
                    .where(CASE_EVENT.CASE_ID.eq(c.id()), CASE_EVENT.ACTION.eq(CaseRepository.DUE_CHANGE))
                    .orderBy(CASE_EVENT.ID.desc()).limit(1).fetchOptional(CASE_EVENT.NOTE)
                    .ifPresent(reasons::add);
            why = reasons.isEmpty() ? Texts.get("case.due.moved.other") : String.join("；", reasons);
        }
        return new CaseViews.DuePromise(promised, promisedProvisional, current,
                now != null && now.provisional(), years, why);
    }

    /**
     * The deadline as it stood on {@code day} (issue 14, D163): the case's limit from acceptance with only the
     * pauses begun by then — a pause begun that day or still running then is open — and the 转出 phase only if it
     * happened by then; {@code withPauses} false ignores every pause (the promise of the acceptance day). Null when
     * the case was not accepted by then or the calendar cannot place a day.
     */
    CaseViews.DeadlineView asOf(CaseFile c, LocalDate day, boolean withPauses) {
        LocalDate accepted = c.dates().acceptedOn();
        if (accepted == null || day == null || day.isBefore(accepted)) {
            return null;
        }
        List<org.ybdesk.core.calendar.Pause> pauses = new ArrayList<>();
        if (withPauses) {
            for (var p : c.pauses()) {
                if (!p.from().isAfter(day)) {
                    pauses.add(p.to() == null || !p.to().isBefore(day) ? org.ybdesk.core.calendar.Pause.open(p.from())
                            : p);
                }
            }
        }
        LocalDate out = c.dates().transferredOutOn();
        try {
            var in = CaseFile.deadlineInput(c.item(), accepted, out != null && !out.isAfter(day) ? out : null,
                    pauses);
            var d = desk.deadlines().compute(in, day);
            return new DeadlineView(d.dueDate(), d.status(), d.status().label(), d.workingDaysLeft(), d.paused(), null,
                    d.provisional(), d.provisionalReason());
        } catch (DateOutsideCalendarException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The last 补正 request as its notice states it (issue 14, D163): the step's own day and the working days left
     * as of that day (the clock then paused); null when the case has none.
     */
    CaseViews.SupplementFacts supplement(String caseNo) {
        DSLContext dsl = desk.db().dsl();
        CaseFile c = load(dsl, caseNo);
        LocalDate on = dsl.select(CASE_EVENT.ON_DAY).from(CASE_EVENT)
                .where(CASE_EVENT.CASE_ID.eq(c.id()), CASE_EVENT.ACTION.eq(CaseAction.REQUEST_SUPPLEMENT.name()))
                .orderBy(CASE_EVENT.ID.desc()).limit(1).fetchOptional(CASE_EVENT.ON_DAY).orElse(null);
        if (on == null) {
            return null;
        }
        DeadlineView d = asOf(c, on, true);
        return new CaseViews.SupplementFacts(on, d == null ? null : d.workingDaysLeft());
    }

    /** 2027年1月5日, or 2027年1月5日（暂定）. */
    static String dueText(LocalDate d, boolean provisional) {
        if (d == null) {
            return Texts.get("case.due.none");
        }
        String text = MessageRenderer.chineseDate(d);
        return provisional ? Texts.get("case.due.provisional", text) : text;
    }
}
