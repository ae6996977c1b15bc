package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.calendar.DeadlineEngine;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.CaseViews.CaseSummary;

/** The home screen's numbers and lists: what waits for whom, what is due, what happened today. */
public final class WorkbenchService {
    private static final List<String> TERMINAL = List.of(CaseState.CLOSED.name(), CaseState.REFUSED.name(),
            CaseState.REJECTED.name());
    private final Desk desk;

    WorkbenchService(Desk desk) {
        this.desk = desk;
    }

    /**
     * The workbench cards. {@code nearUnknown} counts open cases whose deadline the calendar cannot place;
     * {@code toNotify} the designation applications (25/26) received and not yet accepted nor told what is missing,
     * whose 5-working-day notice limit runs (D88).
     */
    public record Counts(int toAccept, int toReview, int toRecheck, int toApprove, int toPay, int near, int overdue,
                         int closedToday, int receivedToday, int nearUnknown, int toNotify) {
    }

    /**
     * The cases this desk works on (issue 12): those it holds, and those waiting in its agency's pool (not held by
     * any desk: 待领取). Cases held by another desk are not in the work lists (search shows them, read-only).
     */
    Condition workable() {
        Condition held = CASE_FILE.HELD_HERE.isNull().or(CASE_FILE.HELD_HERE.isTrue());
        return desk.agency().map(a -> held.or(CASE_FILE.HELD_HERE.isFalse()
                .and(CASE_FILE.HOLDER_AGENCY.eq(a.getCode())).and(CASE_FILE.HOLDER_WINDOW.isNull()))).orElse(held);
    }

    public Counts counts() {
        var dsl = desk.db().dsl();
        LocalDate today = desk.today();
        Condition workable = workable();
        Map<String, Integer> byRole = dsl.select(CASE_FILE.NEXT_ROLE, DSL.count()).from(CASE_FILE)
                .where(CASE_FILE.STATE.notIn(TERMINAL), CASE_FILE.STATE.ne(CaseState.RECEIVED.name()),
                        CASE_FILE.STATE.ne(CaseState.SUPPLEMENTING.name()), CASE_FILE.NEXT_ROLE.isNotNull(), workable)
                .groupBy(CASE_FILE.NEXT_ROLE).fetchMap(CASE_FILE.NEXT_ROLE, DSL.count());
        int toAccept = dsl.fetchCount(CASE_FILE, CASE_FILE.STATE.eq(CaseState.RECEIVED.name()).and(workable));
        Condition running = CASE_FILE.STATE.notIn(TERMINAL).and(CASE_FILE.ACCEPTED_ON.isNotNull())
                .and(CASE_FILE.STATE.ne(CaseState.SUPPLEMENTING.name())).and(workable);
        int overdue = dsl.fetchCount(CASE_FILE, running.and(CASE_FILE.DUE_ON.lt(today)));
        int near;
        try {
            LocalDate horizon = desk.calendar().addWorkingDays(today, DeadlineEngine.NEAR_WORKING_DAYS);
            near = dsl.fetchCount(CASE_FILE, running.and(CASE_FILE.DUE_ON.between(today, horizon)));
        } catch (DateOutsideCalendarException e) {
            near = dsl.fetchCount(CASE_FILE, running.and(CASE_FILE.DUE_ON.ge(today)));
        }
        int unknown = dsl.fetchCount(CASE_FILE, running.and(CASE_FILE.DUE_ON.isNull()));
        Map<String, Integer> todayByAction = dsl.select(CASE_EVENT.ACTION, DSL.count()).from(CASE_EVENT)
                .where(CASE_EVENT.ON_DAY.eq(today)).groupBy(CASE_EVENT.ACTION)
                .fetchMap(CASE_EVENT.ACTION, DSL.count());
        int closedToday = dsl.fetchCount(CASE_FILE, CASE_FILE.STATE.eq(CaseState.CLOSED.name())
                .and(CASE_FILE.CLOSED_ON.eq(today)));
        return new Counts(toAccept, byRole.getOrDefault(Role.REVIEWER.name(), 0),
                byRole.getOrDefault(Role.RECHECKER.name(), 0), byRole.getOrDefault(Role.HEAD.name(), 0),
                byRole.getOrDefault(Role.FINANCE.name(), 0), near, overdue, closedToday,
                todayByAction.getOrDefault(CaseService.RECEIVE, 0), unknown,
                dsl.fetchCount(CASE_FILE, awaitingNotice()));
    }

    /** Items with a notice limit (25/26), received, never asked for 补正, not yet accepted. */
    private Condition awaitingNotice() {
        List<Integer> items = desk.catalog().items().stream()
                .filter(i -> i.timeLimit().completenessNoticeWorkingDays() != null)
                .map(org.ybdesk.core.catalog.ServiceItem::no).toList();
        return CASE_FILE.ITEM_NO.in(items).and(CASE_FILE.STATE.eq(CaseState.RECEIVED.name()))
                .andNotExists(DSL.selectOne().from(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(CASE_FILE.ID),
                        CASE_EVENT.ACTION.eq(org.ybdesk.core.lifecycle.CaseAction.REQUEST_SUPPLEMENT.name())));
    }

    /**
     * 材料告知期限: designation applications (25/26) received and not yet accepted or told what is missing, with the
     * limit for telling it at once (5 working days from receipt), oldest receipt first (D88).
     */
    public List<CaseViews.NoticeDue> noticeDue(int limit) {
        LocalDate today = desk.today();
        CaseService cases = desk.cases();
        var dsl = desk.db().dsl();
        return dsl.selectFrom(CASE_FILE).where(awaitingNotice())
                .orderBy(CASE_FILE.RECEIVED_ON.asc(), // by 收件 time: a back-filled paper by its own (issue 13)
                        org.jooq.impl.DSL.coalesce(CASE_FILE.RECEIVED_AT, CASE_FILE.CREATED_AT).asc(),
                        CASE_FILE.ID.asc()).limit(limit).fetch()
                .map(r -> new CaseViews.NoticeDue(cases.queries().summary(r, null),
                        cases.queries().notice(r, today)));
    }

    /** Open cases whose next step belongs to one of the actor's roles, soonest due first. */
    public List<CaseSummary> waitingFor(Actor actor, int limit) {
        List<String> roles = actor.roles().stream().map(Role::name).collect(Collectors.toList());
        return list(CASE_FILE.NEXT_ROLE.in(roles).and(CASE_FILE.STATE.notIn(TERMINAL)).and(workable()), limit);
    }

    /** Open cases the actor took in. */
    public List<CaseSummary> myOpen(Actor actor, int limit) {
        return list(CASE_FILE.CREATED_BY.eq(actor.id()).and(CASE_FILE.STATE.notIn(TERMINAL)), limit);
    }

    /** Cases closed (办结) today. */
    public List<CaseSummary> closedToday(int limit) {
        return list(CASE_FILE.STATE.eq(CaseState.CLOSED.name()).and(CASE_FILE.CLOSED_ON.eq(desk.today())), limit);
    }

    /** The cases in a state (e.g. all waiting for acceptance). */
    public List<CaseSummary> inState(CaseState state, int limit) {
        return list(CASE_FILE.STATE.eq(state.name()).and(workable()), limit);
    }

    private List<CaseSummary> list(Condition c, int limit) {
        LocalDate today = desk.today();
        CaseService cases = desk.cases();
        return desk.db().dsl().selectFrom(CASE_FILE).where(c)
                .orderBy(CASE_FILE.DUE_ON.asc().nullsLast(), CASE_FILE.ID.desc()).limit(limit).fetch()
                .map(r -> cases.queries().summaryOf(r, today));
    }

}
