package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.AGENCY;
import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.REFERENCE_DATA;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.ybdesk.core.calendar.CalendarYear;
import org.ybdesk.core.calendar.WorkingCalendar;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.CaseNumbering;
import org.ybdesk.db.jooq.tables.records.AgencyRecord;

/** First-start setup of the agency, and import of reference data (working calendar). */
public final class SetupService {
    private final Desk desk;

    SetupService(Desk desk) {
        this.desk = desk;
    }

    /**
     * The agency's identity and this desk's window number (窗口号, 1–99, part of every case number it issues, D117);
     * {@code signature} defaults to the name, as the message templates' 【经办机构落款】. {@code windowNo} is required
     * until the desk has one; afterwards it may be left out (null) and cannot be changed.
     */
    public record AgencySetup(String code, String adminDivisionCode, String name, String signature, String hotline,
                              Integer windowNo) {
        /**
         * A setup of window 1: the one desk of its agency, as every desk was before issue 12 (D69). For fixtures and
         * tools; the setup screen and {@code ybdesk init} ask for the window.
         */
        public AgencySetup(String code, String adminDivisionCode, String name, String signature, String hotline) {
            this(code, adminDivisionCode, name, signature, hotline, 1);
        }
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

    /** The placeholder of {@link #setProgressUrl}: the only value ever put into the address. */
    public static final String CASE_NO_PLACEHOLDER = "{caseNo}";

    /**
     * Issue 14 (D165): the provincial progress-query address printed as the QR code of receipts and notices, e.g.
     * {@code https://ybj.example.gov.cn/jd?bh={caseNo}}; blank clears it (the code then holds the case number alone).
     * An administrator sets it; audited. All problems at once, in Chinese.
     */
    public void setProgressUrl(String url, Actor actor) {
        String u = url == null ? "" : url.strip();
        List<String> problems = new ArrayList<>();
        if (actor == null || !actor.has(Role.ADMIN)) {
            problems.add(Texts.get("progressUrl.needsAdmin"));
        }
        problems.addAll(progressUrlProblems(u));
        if (desk.db().dsl().selectFrom(AGENCY).limit(1).fetchOne() == null) {
            problems.add(Texts.get("progressUrl.noAgency"));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        desk.db().write(tx -> {
            AgencyRecord before = tx.selectFrom(AGENCY).limit(1).fetchOne();
            tx.update(AGENCY).set(AGENCY.PROGRESS_URL, u.isEmpty() ? null : u)
                    .where(AGENCY.CODE.eq(before.getCode())).execute();
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("progressUrl", before.getProgressUrl());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("progressUrl", u.isEmpty() ? null : u);
            desk.audited().record(tx, actor, desk.now(), "AGENCY_UPDATE", "AGENCY", before.getCode(), b, a, null);
            return null;
        });
    }

    /** The agency's progress-query address, empty when none is set. */
    public Optional<String> progressUrl() {
        return Optional.ofNullable(desk.db().dsl().select(AGENCY.PROGRESS_URL).from(AGENCY).limit(1)
                .fetchOne(AGENCY.PROGRESS_URL));
    }

    /** What is wrong with a progress-query address (empty: nothing; blank is allowed and clears it). */
    public static List<String> progressUrlProblems(String url) {
        List<String> out = new ArrayList<>();
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return out;
        }
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            out.add(Texts.get("progressUrl.scheme"));
        }
        int first = u.indexOf(CASE_NO_PLACEHOLDER);
        if (first < 0) {
            out.add(Texts.get("progressUrl.placeholder"));
        } else if (u.indexOf(CASE_NO_PLACEHOLDER, first + 1) >= 0) {
            out.add(Texts.get("progressUrl.placeholderTwice"));
        }
        String rest = u.replace(CASE_NO_PLACEHOLDER, "");
        if (rest.contains("{") || rest.contains("}")) {
            out.add(Texts.get("progressUrl.otherPlaceholder"));
        }
        if (u.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch > 0x7E)) {
            out.add(Texts.get("progressUrl.characters"));
        }
        if (u.length() > 300) {
            out.add(Texts.get("progressUrl.length", String.valueOf(u.length())));
        }
        return out;
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
        problems.addAll(windowProblems(s.windowNo()));
        return problems;
    }

    /**
     * Every problem of a window number for this desk: required while the desk has none, 1–99, and fixed once set
     * (the numbers already issued carry it).
     */
    public List<String> windowProblems(Integer windowNo) {
        Optional<Integer> now = windowNo();
        if (windowNo == null) {
            return now.isPresent() ? List.of() : List.of(Texts.get("window.missing"));
        }
        if (!CaseNumbers.validWindow(windowNo)) {
            return List.of(Texts.get("window.range", String.valueOf(windowNo)));
        }
        if (now.isPresent() && !now.get().equals(windowNo)) {
            return List.of(Texts.get("window.fixed", String.valueOf(now.get()), String.valueOf(windowNo)));
        }
        return List.of();
    }

    /** This desk's window number (窗口号, 1–99), empty before the setup. */
    public Optional<Integer> windowNo() {
        return CaseNumbering.windowNo(desk.db().dsl());
    }

    /** Sets the window in {@code tx} when the desk has none yet, audited once (WINDOW_SET). */
    private void setWindow(DSLContext tx, int windowNo, Actor actor, String source) {
        if (CaseNumbering.windowNo(tx).isPresent()) {
            return;
        }
        CaseNumbering.setWindowNo(tx, windowNo);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("windowNo", windowNo);
        after.put("source", source);
        desk.audited().record(tx, actor, desk.now(), "WINDOW_SET", "DESK", "window", null, after, null);
    }

    /**
     * A folder set up before issue 12 has an agency but no window: it takes the window number the sync settings
     * name ({@code sync.window-no}, before issue 11 {@code sync.desk-no}, in {@code config.properties} of the data
     * folder) when it is 1–99, else 1 (one desk per agency was the rule, D69), and records where it came from. The
     * case numbers it issued keep their format (window 0). Called by {@link Desk} on opening; does nothing for a
     * new folder (no agency yet) or a folder that has its window.
     */
    void adoptWindowOfOldFolder(java.nio.file.Path configFile) {
        if (windowNo().isPresent() || !desk.db().dsl().fetchExists(AGENCY)) {
            return;
        }
        int window = 1;
        String source = "default";
        String configured = configuredWindow(configFile);
        if (configured != null) {
            try {
                int n = Integer.parseInt(configured.trim());
                if (CaseNumbers.validWindow(n)) {
                    window = n;
                    source = "config.properties";
                } else {
                    source = "default (config.properties: " + configured.trim() + " not 1-99)";
                }
            } catch (NumberFormatException e) {
                source = "default (config.properties: not a number)";
            }
        }
        int chosen = window;
        String from = source;
        desk.db().write(tx -> {
            setWindow(tx, chosen, null, "upgrade: " + from);
            return null;
        });
    }

    private static String configuredWindow(java.nio.file.Path configFile) {
        if (configFile == null || !java.nio.file.Files.isRegularFile(configFile)) {
            return null;
        }
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(configFile, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
        // the keys of sync.SyncConfig (WINDOW_NO, OLD_WINDOW_NO): sync sits above this module
        String v = p.getProperty("sync.window-no");
        return v != null ? v : p.getProperty("sync.desk-no");
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
            Optional<Integer> window = CaseNumbering.windowNo(tx);
            if (s.windowNo() != null && window.isPresent() && !window.get().equals(s.windowNo())) {
                throw new ServiceException(Texts.get("window.fixed", String.valueOf(window.get()),
                        String.valueOf(s.windowNo())));
            }
            if (s.windowNo() != null) {
                setWindow(tx, s.windowNo(), actor, "setup");
            }
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
     * the desk's counters (and its numbers ledger) for those days are raised above them, so a reinstalled or
     * restored desk never issues a number its predecessor issued (D118). Audited (NUMBERS_CONTINUED, with each day's
     * counter before and after) when it changes anything; days the desk already counts past change nothing. Called
     * by sync when the province answers {@code GET /api/v1/desk}; a desk without agency or window ignores it.
     */
    public void continueNumbersAbove(Map<java.time.LocalDate, Integer> lastCaseSeq) {
        if (lastCaseSeq == null || lastCaseSeq.isEmpty()) {
            return;
        }
        desk.db().write(tx -> {
            Optional<Integer> window = CaseNumbering.windowNo(tx);
            AgencyRecord agency = tx.selectFrom(AGENCY).limit(1).fetchOne();
            if (window.isEmpty() || agency == null) {
                return null;
            }
            Map<String, Object> raised = new java.util.TreeMap<>();
            for (var e : new java.util.TreeMap<>(lastCaseSeq).entrySet()) {
                if (e.getKey() == null || e.getValue() == null || e.getValue() < 1) {
                    continue;
                }
                CaseNumbering.raise(tx, desk.db().numbers(), agency.getCode(), e.getKey(), window.get(), e.getValue())
                        .ifPresent(before -> raised.put(e.getKey().toString(), before + "->" + CaseNumbering
                                .counter(tx, agency.getCode(), e.getKey(), window.get())));
            }
            if (!raised.isEmpty()) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("windowNo", window.get());
                after.put("days", raised);
                desk.audited().record(tx, null, desk.now(), "NUMBERS_CONTINUED", "DESK", "window", null, after, null);
            }
            return null;
        });
    }
}
