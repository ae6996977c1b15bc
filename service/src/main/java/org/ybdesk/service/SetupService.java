package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.AGENCY;
import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.REFERENCE_DATA;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ybdesk.core.calendar.CalendarYear;
import org.ybdesk.core.calendar.WorkingCalendar;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.jooq.tables.records.AgencyRecord;

/** First-start setup of the agency, and import of reference data (working calendar). */
public final class SetupService {
    private final Desk desk;

    SetupService(Desk desk) {
        this.desk = desk;
    }

    /** The agency's identity; {@code signature} defaults to the name, as the message templates' 【经办机构落款】. */
    public record AgencySetup(String code, String adminDivisionCode, String name, String signature, String hotline) {
    }

    /**
     * Creates or updates the agency. All problems at once. Once the desk is set up (an agency and at least one
     * user), only an administrator may change it: its name and signature sign every message to applicants.
     */
    public Agency initAgency(AgencySetup s, Actor actor) {
        List<String> problems = new ArrayList<>();
        if (setUp() && (actor == null || !actor.has(Role.ADMIN))) {
            problems.add(Texts.get("agency.update.needsAdmin"));
        }
        problems.addAll(agencyProblems(s));
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        return Agency.of(store(s, actor));
    }

    /** Whether the desk is set up: an agency is stored and at least one user exists. */
    public boolean setUp() {
        return desk.db().dsl().fetchExists(AGENCY) && desk.db().dsl().fetchExists(APP_USER);
    }

    /** Every problem of an agency setup, without writing anything (the setup screen checks all fields at once). */
    public List<String> agencyProblems(AgencySetup s) {
        List<String> problems = new ArrayList<>();
        String code = s.code() == null ? "" : s.code().trim();
        if (!code.matches("[0-9A-Za-z]{4,20}")) {
            problems.add(Texts.get("agency.code.invalid", code));
        }
        for (String p : Validators.adminDivision(s.adminDivisionCode())) {
            problems.add(Texts.get("field.problem", Texts.get("label.adminDivision"), p));
        }
        if (s.name() == null || s.name().isBlank()) {
            problems.add(Texts.get("agency.name.missing"));
        } else {
            problems.addAll(org.ybdesk.core.validation.InputHygiene.line(Texts.get("label.agencyName"), s.name(),
                    org.ybdesk.core.validation.FieldLimits.AGENCY_NAME));
        }
        problems.addAll(org.ybdesk.core.validation.InputHygiene.line(Texts.get("label.signature"), s.signature(),
                org.ybdesk.core.validation.FieldLimits.AGENCY_SIGNATURE));
        if (s.hotline() != null && !s.hotline().isBlank()) {
            for (String p : Validators.landlineOrMobile(s.hotline())) {
                problems.add(Texts.get("field.problem", Texts.get("label.hotline"), p));
            }
        }
        return problems;
    }

    private AgencyRecord store(AgencySetup s, Actor actor) {
        String code = s.code().trim();
        String signature = s.signature() == null || s.signature().isBlank() ? s.name().trim() : s.signature().trim();
        return desk.db().write(tx -> {
            AgencyRecord before = tx.selectFrom(AGENCY).limit(1).fetchOne();
            if (before != null && tx.fetchExists(APP_USER) && (actor == null || !actor.has(Role.ADMIN))) {
                throw new ServiceException(Texts.get("agency.update.needsAdmin"));
            }
            if (before != null && !before.getCode().equals(code)) {
                throw new ServiceException(Texts.get("agency.code.fixed", before.getCode()));
            }
            AgencyRecord r = before == null ? tx.newRecord(AGENCY) : before.copy();
            r.setCode(code);
            r.setAdminDivisionCode(s.adminDivisionCode().trim());
            r.setName(s.name().trim());
            r.setSignature(signature);
            r.setHotline(s.hotline() == null || s.hotline().isBlank() ? null : s.hotline().trim());
            if (before == null) {
                r.setCreatedAt(desk.now());
                r.insert();
            } else {
                tx.update(AGENCY).set(r).where(AGENCY.CODE.eq(code)).execute();
            }
            desk.audited().record(tx, actor, desk.now(), before == null ? "AGENCY_INIT" : "AGENCY_UPDATE", "AGENCY", code,
                    before == null ? null : agencyMap(before), agencyMap(r), null);
            return r;
        });
    }

    private static Map<String, Object> agencyMap(AgencyRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.getCode());
        m.put("adminDivisionCode", r.getAdminDivisionCode());
        m.put("name", r.getName());
        m.put("signature", r.getSignature());
        m.put("hotline", r.getHotline());
        return m;
    }

    /**
     * Imports a working calendar (YAML as shipped in core): each year in the file replaces the same year entirely.
     * Returns the years imported.
     */
    public List<Integer> importCalendar(String yaml, Actor actor) {
        return importCalendarFile(yaml, actor).years();
    }

    /** What a calendar import did: the years imported and the cases whose due date moved (each with its entry). */
    public record CalendarImport(List<Integer> years, List<String> changedCases) {
    }

    /**
     * Imports a working calendar and, in the same transaction, recomputes the due date of every open case on it: a
     * provisional or otherwise affected date that moves is updated and recorded on the case's timeline with the
     * reason 「2027年工作日历已导入（国办发明电〔…〕）」 (D83). Importing the same file again changes nothing.
     */
    public CalendarImport importCalendarFile(String yaml, Actor actor) {
        WorkingCalendar imported;
        try {
            imported = WorkingCalendar.parse(yaml);
        } catch (RuntimeException e) {
            throw new ServiceException(Texts.get("calendar.import.invalid", e.getMessage()));
        }
        List<Integer> years = imported.data().stream().map(CalendarYear::year).sorted().toList();
        WorkingCalendar before = desk.calendar();
        WorkingCalendar merged = before.merge(imported);
        List<String> changed = desk.db().write(tx -> {
            String version = "years-" + years + "@" + desk.now().toInstant();
            var r = tx.newRecord(REFERENCE_DATA);
            r.setKind(Desk.REF_CALENDAR);
            r.setVersion(version.length() > 40 ? version.substring(0, 40) : version);
            r.setContent(yaml);
            r.setImportedAt(desk.now());
            r.setActive(true);
            r.insert();
            desk.audited().record(tx, actor, desk.now(), "CALENDAR_IMPORT", "REFERENCE_DATA", r.getVersion(), null,
                    Map.of("years", years), null);
            return desk.cases().recomputeDueDates(tx, before, merged, arrivalReason("calendar.arrived", imported),
                    actor, desk.now());
        });
        desk.setCalendar(merged);
        return new CalendarImport(years, changed);
    }

    /** 「2027年工作日历已导入（国办发明电〔2026〕7号）」 for the years of {@code cal}. */
    static String arrivalReason(String key, WorkingCalendar cal) {
        List<CalendarYear> data = cal.data();
        return Texts.get(key, String.join("、", data.stream().map(y -> String.valueOf(y.year())).toList()),
                String.join("、", data.stream().map(CalendarYear::notice).distinct().toList()));
    }

    /**
     * The province's highest case-number sequence received from this window per day ({@code DeskInfo.lastCaseSeq}):
     * the desk's counters for those days are raised above them, so a reinstalled or restored desk never issues a
     * number its predecessor issued. CONTRACT (issue 12): the "num" helper implements it, the "sync" helper calls it
     * when the province answers {@code GET /api/v1/desk}.
     */
    public void continueNumbersAbove(java.util.Map<java.time.LocalDate, Integer> lastCaseSeq) {
        throw new UnsupportedOperationException("issue 12: SetupService.continueNumbersAbove");
    }
}
