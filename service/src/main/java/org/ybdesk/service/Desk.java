package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.AGENCY;
import static org.ybdesk.db.jooq.Tables.DESK_IDENTITY;
import static org.ybdesk.db.jooq.Tables.REFERENCE_DATA;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.ybdesk.core.calendar.DeadlineEngine;
import org.ybdesk.core.calendar.WorkingCalendar;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.db.Database;
import org.ybdesk.db.jooq.tables.records.AgencyRecord;

/**
 * One open desk: the database of a mode in a data folder, the catalog and working calendar in force, the clock, and
 * the application services over them. GUI and CLI both work through this.
 */
public final class Desk implements AutoCloseable {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String REF_CALENDAR = "CALENDAR";
    public static final String REF_CATALOG = "CATALOG";
    /** The admin-division code list the province sent (D95); the newest active one is in force. */
    public static final String REF_ADMIN_DIVISIONS = "ADMIN_DIVISIONS";

    private final Database db;
    private final Mode mode;
    private final Clock clock;
    private final Catalog catalog;
    /** Every catalog version this desk has known, by version: cases are read under the one they were accepted with. */
    private final Map<String, Catalog> catalogs;
    private final Audited audited;
    private volatile WorkingCalendar calendar;
    private volatile DeadlineEngine deadlines;

    private Desk(Database db, Mode mode, Clock clock) {
        this.db = db;
        this.mode = mode;
        this.clock = clock;
        claimIdentity(db, mode, clock);
        this.audited = new Audited(mode, db.numbers());
        seal(db, clock);
        // a folder set up before issue 12 takes its window number once (D117)
        setup().adoptWindowOfOldFolder(db.folder().getParent() == null ? null
                : db.folder().getParent().resolve("config.properties"));
        this.catalog = loadCatalog(db);
        this.catalogs = loadCatalogs(db, catalog, clock);
        setCalendar(loadCalendar(db));
        if (mode == Mode.PRODUCTION) {
            loadAdminDivisions(db);
        }
        // cases accepted by an earlier release while their due date lay past the published calendar (issue 10, D83)
        cases().fillMissingDueDates();
    }

    /** Opens the desk of {@code mode} under {@code dataDir} ({@code dataDir/prod} or {@code dataDir/sandbox}). */
    public static Desk open(Path dataDir, Mode mode, Clock clock) {
        Database db;
        try {
            org.ybdesk.db.OwnerOnly.folder(dataDir);
            db = Database.open(dataDir.resolve(mode.folder()));
        } catch (org.ybdesk.db.StorageException e) {
            throw storageProblem(e);
        }
        return new Desk(db, mode, clock.withZone(ZONE));
    }

    /** A storage problem as the person at the desk must read it: what happened and what to do. */
    public static ServiceException storageProblem(org.ybdesk.db.StorageException e) {
        String key = "storage." + e.kind().name();
        String keyDir = org.ybdesk.db.DatabaseKeys.keyDir().toString();
        return new ServiceException(Texts.get(key, e.path(), keyDir), e);
    }

    public static Desk open(Path dataDir, Mode mode) {
        return open(dataDir, mode, Clock.system(ZONE));
    }

    /**
     * A database file knows whether it is production or sandbox from its first opening; opening it as the other
     * mode is refused, so training data can never be used as production data (e.g. by copying the file).
     */
    private static void claimIdentity(Database db, Mode mode, Clock clock) {
        String found = db.write(tx -> {
            var r = tx.selectFrom(DESK_IDENTITY).where(DESK_IDENTITY.ID.eq(1)).fetchOne();
            if (r == null) {
                tx.insertInto(DESK_IDENTITY).set(DESK_IDENTITY.ID, 1).set(DESK_IDENTITY.MODE, mode.name())
                        .set(DESK_IDENTITY.CREATED_AT, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                        .execute();
                return mode.name();
            }
            return r.getMode();
        });
        if (!found.equals(mode.name())) {
            db.close();
            throw new ServiceException(Texts.get("desk.identity.mismatch", Mode.valueOf(found).label(), mode.label()));
        }
    }

    /**
     * The first opening after the content-hash migration seals every row the earlier release left without a content
     * hash (D71), so {@code audit verify} judges later changes against the rows as they were at the upgrade.
     */
    private void seal(Database db, Clock clock) {
        db.write(tx -> org.ybdesk.db.AuditCheck.sealIfNeeded(tx, audited.who(null),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)));
    }

    private static Catalog loadCatalog(Database db) {
        return db.dsl().select(REFERENCE_DATA.CONTENT).from(REFERENCE_DATA)
                .where(REFERENCE_DATA.KIND.eq(REF_CATALOG), REFERENCE_DATA.ACTIVE.isTrue())
                .orderBy(REFERENCE_DATA.IMPORTED_AT.desc()).limit(1).fetchOptional(REFERENCE_DATA.CONTENT)
                .map(text -> {
                    try {
                        return Catalog.parse(text);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("stored catalog unreadable", e);
                    }
                })
                .orElseGet(Catalog::loadDefault);
    }

    /**
     * Every catalog stored in the database (pulled from the province, in force or not), the catalog shipped with
     * this build and the one in force, by version. The shipped catalog is stored once per version (inactive) so
     * that a later release shipping another still finds the one older cases were accepted under (D108).
     */
    private Map<String, Catalog> loadCatalogs(Database db, Catalog inForce, Clock clock) {
        Map<String, Catalog> byVersion = new java.util.HashMap<>();
        db.dsl().select(REFERENCE_DATA.CONTENT).from(REFERENCE_DATA).where(REFERENCE_DATA.KIND.eq(REF_CATALOG))
                .orderBy(REFERENCE_DATA.IMPORTED_AT).fetch(REFERENCE_DATA.CONTENT).forEach(text -> {
                    try {
                        Catalog c = Catalog.parse(text);
                        byVersion.put(c.version(), c);
                    } catch (java.io.IOException | RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(Desk.class).warn("stored catalog unreadable, skipped", e);
                    }
                });
        Catalog shipped = Catalog.loadDefault();
        if (!byVersion.containsKey(shipped.version())) {
            String text = Catalog.defaultText();
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            db.write(tx -> {
                tx.insertInto(REFERENCE_DATA).set(REFERENCE_DATA.KIND, REF_CATALOG)
                        .set(REFERENCE_DATA.VERSION, SHIPPED_CATALOG_PREFIX + shipped.version())
                        .set(REFERENCE_DATA.CONTENT, text).set(REFERENCE_DATA.IMPORTED_AT, now)
                        .set(REFERENCE_DATA.ACTIVE, false).onDuplicateKeyIgnore().execute();
                audited.record(tx, null, now, "CATALOG_KEEP", "CATALOG", shipped.version(), null,
                        Map.of("version", shipped.version(), "source", "shipped"), null);
                return null;
            });
            byVersion.put(shipped.version(), shipped);
        }
        byVersion.put(inForce.version(), inForce);
        return Map.copyOf(byVersion);
    }

    /** How the catalog shipped with a build is stored among the reference data (it is not in force by itself). */
    static final String SHIPPED_CATALOG_PREFIX = "shipped:";

    /**
     * The item as the catalog version {@code catalogVersion} describes it: a case is shown, acted on and printed
     * under the version it was accepted with. A version this desk never knew (none such should exist) falls back to
     * the catalog in force.
     */
    public ServiceItem item(String catalogVersion, int itemNo) {
        Catalog c = catalogVersion == null ? catalog : catalogs.getOrDefault(catalogVersion, catalog);
        return c.find(itemNo).orElseGet(() -> catalog.item(itemNo));
    }

    /**
     * Puts the newest admin-division list the province sent in force (D95); without one, the list shipped with the
     * desk stays. A list that no longer reads (it was checked when pulled) is logged and the shipped list kept.
     */
    static void loadAdminDivisions(Database db) {
        db.dsl().select(REFERENCE_DATA.CONTENT).from(REFERENCE_DATA)
                .where(REFERENCE_DATA.KIND.eq(REF_ADMIN_DIVISIONS), REFERENCE_DATA.ACTIVE.isTrue())
                .orderBy(REFERENCE_DATA.IMPORTED_AT.desc()).limit(1).fetchOptional(REFERENCE_DATA.CONTENT)
                .ifPresent(text -> {
                    try {
                        org.ybdesk.core.validation.AdminDivisions.install(
                                org.ybdesk.core.validation.AdminDivisions.parse(text));
                    } catch (IllegalArgumentException e) {
                        org.slf4j.LoggerFactory.getLogger(Desk.class).warn(
                                "stored admin-division list unreadable, the bundled one stays: {}", e.getMessage());
                    }
                });
    }

    private static WorkingCalendar loadCalendar(Database db) {
        WorkingCalendar cal = WorkingCalendar.loadDefault();
        for (String yaml : db.dsl().select(REFERENCE_DATA.CONTENT).from(REFERENCE_DATA)
                .where(REFERENCE_DATA.KIND.eq(REF_CALENDAR), REFERENCE_DATA.ACTIVE.isTrue())
                .orderBy(REFERENCE_DATA.IMPORTED_AT).fetch(REFERENCE_DATA.CONTENT)) {
            cal = cal.merge(WorkingCalendar.parse(yaml));
        }
        return cal;
    }

    void setCalendar(WorkingCalendar cal) {
        this.calendar = cal;
        this.deadlines = new DeadlineEngine(cal);
    }

    Audited audited() {
        return audited;
    }

    public Database db() {
        return db;
    }

    /**
     * Runs {@code listener} after every commit to this desk's database, on the committing thread (issue 15, D186: the
     * window's 待上传 and workbench counts follow each change). Returns what removes it.
     */
    public Runnable onCommit(Runnable listener) {
        return db.onCommit(listener);
    }

    public Mode mode() {
        return mode;
    }

    public Clock clock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, to the microsecond (what the database keeps). */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    public Catalog catalog() {
        return catalog;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public DeadlineEngine deadlines() {
        return deadlines;
    }

    public Optional<AgencyRecord> agency() {
        return db.dsl().selectFrom(AGENCY).limit(1).fetchOptional();
    }

    /** The agency, or a refusal telling to run the setup first. */
    public AgencyRecord requireAgency() {
        return agency().orElseThrow(() -> new ServiceException(Texts.get("agency.missing")));
    }

    /** The agency as callers above the services see it (empty before the setup). */
    public Optional<Agency> agencyInfo() {
        return agency().map(Agency::of);
    }

    /** {@link #agencyInfo()}, or a refusal telling to run the setup first. */
    public Agency requireAgencyInfo() {
        return Agency.of(requireAgency());
    }

    /** This desk's window number (窗口号, 1–99, in every case number it issues); empty before the setup. */
    public Optional<Integer> windowNo() {
        return setup().windowNo();
    }

    /** {@link #windowNo()}, or a refusal telling to set the window first. */
    public int requireWindowNo() {
        return windowNo().orElseThrow(() -> new ServiceException(Texts.get("window.notSet")));
    }

    /** The folder of this desk's database (the mode's sub-folder of the data folder). */
    public Path folder() {
        return db.folder();
    }

    /**
     * Checks the audit log: its hash chain from the first record to the last, every current case, person and unit
     * and every pending outbox message against the audit record that last vouched for it, and the chain against the
     * head the province last accepted (D71). At most 50 findings of each kind are listed.
     */
    public AuditReport verifyAudit() {
        return AuditReport.of(org.ybdesk.db.AuditCheck.verify(db.dsl(), 50));
    }

    /** The audit chain's head now (the ledger prints it; sync sends it to the province). */
    public Optional<org.ybdesk.db.AuditCheck.Head> auditHead() {
        return org.ybdesk.db.AuditCheck.head(db.dsl());
    }

    public SetupService setup() {
        return new SetupService(this);
    }

    public UserService users() {
        return new UserService(this);
    }

    public RegistryService registry() {
        return new RegistryService(this);
    }

    public CaseService cases() {
        return new CaseService(this);
    }

    /** Outages (停机) and the extension of time limits they cause (issue 13). */
    public OutageService outages() {
        return new OutageService(this);
    }

    public WorkbenchService workbench() {
        return new WorkbenchService(this);
    }

    public PrintService prints() {
        return new PrintService(this);
    }

    /** Look-ups at the counter: 就医地 and 定点医药机构 (issue 13). */
    public LookupService lookups() {
        return new LookupService(this);
    }

    public SearchService search() {
        return new SearchService(this);
    }

    public KeyService keys() {
        return new KeyService(this);
    }

    public BackupService backups() {
        return new BackupService(this);
    }

    public ReportService reports() {
        return new ReportService(this);
    }

    /** E-vouchers (医保电子凭证, issue 13): recognise, resolve through the province, recheck, list. */
    public VoucherService vouchers() {
        return new VoucherService(this);
    }

    /** Copies of cases held elsewhere, holders, claims and the county view (issue 12). */
    public Holdings holdings() {
        return new Holdings(this);
    }

    @Override
    public void close() {
        db.close();
    }
}
