package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.calendar.OutagePeriod;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.db.CaseRepository;
import org.ybdesk.db.Outages;
import org.ybdesk.service.CaseViews.DeadlineView;

/**
 * Outages of the information system (停机, issue 13): a supervisor records one, and the time limits of the cases
 * whose clock runs during it are extended by its working days (办结时限顺延, D129) in the same transaction — one
 * {@code DUE_CHANGE} timeline entry each, as a calendar arriving does (D83). The outage reaches every deadline as a
 * clock stop ({@link OutagePeriod#pause()}), the mechanism of the 补正 pause.
 */
public final class OutageService {
    /** 「2021-10-15 20:00」: the one way times of outages and back-filled work are typed. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Scope recorded when none is given. */
    public static final String DEFAULT_SCOPE = Texts.get("vocab.outage.defaultScope");
    /** An outage may be announced ahead: its start at most this many days after now (D128). */
    public static final int MAX_DAYS_AHEAD = 30;
    /** Longest outage accepted (D128): a year; anything longer is a typing mistake. */
    public static final int MAX_DAYS_LONG = 366;
    static final int REASON_MAX = 200;
    static final int SCOPE_MAX = 200;
    static final int NOTICE_MAX = 100;

    private final Desk desk;

    OutageService(Desk desk) {
        this.desk = desk;
    }

    /** A recorded outage as shown. */
    public record OutageView(long id, LocalDateTime startsAt, LocalDateTime endsAt, String scope, String reason,
                             String noticeRef, String recordedBy, OffsetDateTime recordedAt, List<LocalDate> days) {
        /** 「2021-10-15 20:00 至 2021-10-31 08:00」. */
        public String periodText() {
            return Texts.get("outage.period", startsAt.format(TIME), endsAt.format(TIME));
        }
    }

    /** What recording an outage did: the outage and the cases whose due date it moved. */
    public record Recorded(OutageView outage, List<String> extendedCases) {
    }

    /**
     * The start of the warning a 负责人 confirms to back-fill work outside every recorded outage (D131): the command
     * line's {@code --confirm-outside-outage} confirms warnings that start with it and no other.
     */
    public static String outsideOutageMark() {
        return Backfills.outsideMark();
    }

    /** Every outage recorded, earliest first. */
    public List<OutageView> list() {
        return Outages.all(desk.db().dsl()).stream().map(OutageService::view).toList();
    }

    private static OutageView view(Outages.Row r) {
        return new OutageView(r.id(), r.startsAt(), r.endsAt(), r.scope(), r.reason(), r.noticeRef(),
                r.recordedByName(), r.recordedAt(), r.period().days());
    }

    /**
     * A time as typed (「2021-10-15 20:00」): the time, or the problem naming the field. Strict: 2021-02-30 or 24:00
     * are refused, not moved.
     */
    public static LocalDateTime parseTime(String label, String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Texts.get("outage.time.required", label));
            return null;
        }
        if (!InputHygiene.isCleanLine(text)) {
            problems.add(Texts.get("outage.time.format", label, InputHygiene.visible(text)));
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), TIME);
        } catch (DateTimeParseException e) {
            problems.add(Texts.get("outage.time.format", label, InputHygiene.visible(text)));
            return null;
        }
    }

    /** {@link #add(LocalDateTime, LocalDateTime, String, String, String, Actor)} from the times as typed. */
    public Recorded add(String from, String to, String scope, String reason, String noticeRef, Actor actor) {
        List<String> problems = new ArrayList<>();
        LocalDateTime f = parseTime(Texts.get("label.outage.from"), from, problems);
        LocalDateTime t = parseTime(Texts.get("label.outage.to"), to, problems);
        return add(f, t, scope, reason, noticeRef, actor, problems);
    }

    /**
     * Records an outage (负责人 or 管理员): all problems at once; an outage overlapping a recorded one is refused
     * naming it. In the same transaction every case whose clock runs gets its due date recomputed with the outage
     * and, where it moved, a timeline entry 「因系统停机（reason）顺延 N 个工作日」 and an audit record.
     */
    public Recorded add(LocalDateTime from, LocalDateTime to, String scope, String reason, String noticeRef,
                        Actor actor) {
        return add(from, to, scope, reason, noticeRef, actor, new ArrayList<>());
    }

    private Recorded add(LocalDateTime from, LocalDateTime to, String scope, String reason, String noticeRef,
                         Actor actor, List<String> problems) {
        if (actor == null || !(actor.has(Role.HEAD) || actor.has(Role.ADMIN))) {
            throw new ServiceException(Texts.get("outage.role"));
        }
        if (from == null && problems.isEmpty()) {
            problems.add(Texts.get("outage.time.required", Texts.get("label.outage.from")));
        }
        if (to == null && problems.isEmpty()) {
            problems.add(Texts.get("outage.time.required", Texts.get("label.outage.to")));
        }
        LocalDateTime now = desk.now().atZoneSameInstant(Desk.ZONE).toLocalDateTime();
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                problems.add(Texts.get("outage.order", from.format(TIME), to.format(TIME)));
            } else if (to.isAfter(from.plusDays(MAX_DAYS_LONG))) {
                problems.add(Texts.get("outage.tooLong", String.valueOf(MAX_DAYS_LONG)));
            }
        }
        if (from != null && from.isAfter(now.plusDays(MAX_DAYS_AHEAD))) {
            problems.add(Texts.get("outage.tooFarAhead", from.format(TIME), String.valueOf(MAX_DAYS_AHEAD)));
        }
        problems.addAll(InputHygiene.requiredLine(Texts.get("label.outage.reason"), reason, REASON_MAX));
        problems.addAll(InputHygiene.line(Texts.get("label.outage.scope"), scope, SCOPE_MAX));
        problems.addAll(InputHygiene.line(Texts.get("label.outage.notice"), noticeRef, NOTICE_MAX));
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        String why = InputHygiene.tidy(reason);
        String sc = scope == null || InputHygiene.tidy(scope).isEmpty() ? DEFAULT_SCOPE : InputHygiene.tidy(scope);
        String notice = InputHygiene.tidyOrNull(noticeRef);
        OutagePeriod period = new OutagePeriod(from, to);
        return desk.db().write(tx -> {
            for (Outages.Row other : Outages.all(tx)) {
                if (other.period().overlaps(period)) {
                    throw new ServiceException(Texts.get("outage.overlap", other.startsAt().format(TIME),
                            other.endsAt().format(TIME), other.reason()));
                }
            }
            OffsetDateTime at = desk.now();
            Outages.Row row = new Outages.Row(0, from, to, sc, why, notice, actor.id(), actor.name(),
                    actor.personId(), at);
            long id = Outages.insert(tx, row);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("startsAt", from.format(TIME));
            after.put("endsAt", to.format(TIME));
            after.put("scope", sc);
            after.put("reason", why);
            after.put("noticeRef", notice);
            after.put("recordedBy", actor.name());
            // an admin change of the desk: audited, no outbox message (the province has no message for it)
            desk.audited().record(tx, actor, at, "OUTAGE_RECORD", "OUTAGE", String.valueOf(id), null, after, null);
            List<String> moved = extend(tx, period, why, actor, at);
            return new Recorded(view(new Outages.Row(id, from, to, sc, why, notice, actor.id(), actor.name(),
                    actor.personId(), at)), moved);
        });
    }

    /**
     * Every case whose clock runs (accepted, not ended), loaded with the outage just stored among its clock stops:
     * where its due date moved, stored with one {@code DUE_CHANGE} entry and its audit record. No outbox message:
     * due dates are the desk's own computation (D83).
     */
    private List<String> extend(DSLContext tx, OutagePeriod period, String reason, Actor actor, OffsetDateTime now) {
        CaseRepository repo = desk.cases().repository();
        LocalDate today = desk.today();
        List<String> ended = Arrays.stream(CaseState.values()).filter(CaseState::terminal).map(Enum::name).toList();
        LocalDate lastDay = period.lastDay().orElse(null);
        if (lastDay == null) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        for (CaseFile c : repo.lockAll(tx, CASE_FILE.ACCEPTED_ON.isNotNull().and(CASE_FILE.ACCEPTED_ON.lt(lastDay))
                .and(CASE_FILE.STATE.notIn(ended)))) {
            LocalDate oldDue = c.dates().dueOn();
            DeadlineView neu = CaseQueries.deadline(c, today, desk.deadlines());
            LocalDate newDue = neu == null ? null : neu.dueDate();
            if (newDue == null || newDue.equals(oldDue)) {
                continue;
            }
            int n;
            try {
                n = oldDue == null ? 0 : newDue.isAfter(oldDue) ? desk.calendar().workingDaysBetween(oldDue, newDue)
                        : -desk.calendar().workingDaysBetween(newDue, oldDue);
            } catch (DateOutsideCalendarException e) {
                n = 0;
            }
            CaseFile saved = repo.save(tx, c, c.withDueOn(newDue), now);
            String note = Texts.get("case.due.changed", Texts.get("outage.extended", reason, String.valueOf(n)),
                    CaseQueries.dueText(oldDue, false), CaseQueries.dueText(newDue, neu.provisional()));
            repo.addEvent(tx, c.id(), new CaseRepository.Event(CaseService.DUE_CHANGE, c.state(), c.state(),
                    actor.id(), actor.name(), actor.personId(), now, today, List.of(),
                    note.length() > 1000 ? note.substring(0, 1000) : note, null));
            desk.audited().record(tx, actor, now, "CASE_" + CaseService.DUE_CHANGE, "CASE", c.caseNo(),
                    CaseRepository.auditView(c, c.rowVersion()), CaseRepository.auditView(saved, saved.rowVersion()),
                    null);
            changed.add(c.caseNo());
        }
        return changed;
    }

    /**
     * The recorded outage containing {@code t}, if any (a back-filled case's occurrence time must lie in one,
     * D131).
     */
    java.util.Optional<OutageView> containing(DSLContext dsl, LocalDateTime t) {
        return Outages.all(dsl).stream().filter(r -> r.period().contains(t)).findFirst().map(OutageService::view);
    }

    /** 「2021-10-15 20:00 至 2021-10-31 08:00（系统切换）」, one per outage, for a refusal's hint; 「（无）」 when none. */
    String listHint(DSLContext dsl) {
        List<String> all = Outages.all(dsl).stream().map(r -> Texts.get("outage.hint.one", r.startsAt().format(TIME),
                r.endsAt().format(TIME), r.reason())).toList();
        return all.isEmpty() ? Texts.get("outage.hint.none") : String.join("；", all);
    }
}
