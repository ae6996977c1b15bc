package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.DESK_IDENTITY;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.exception.DataAccessException;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Lifecycle;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.RegistryService.UnitInput;

/**
 * The trainers' sandbox (培训环境) data: a synthetic training agency, training logins, a registry of units and
 * persons, and about 150 case files of all 28 items in every state, taken in and worked through the real services
 * (so every step has its timeline event, applicant message and audit record, and obeys the lifecycle's roles and
 * separation of duties).
 *
 * <p>Seeding runs on its own movable clock: it starts {@value #WINDOW_DAYS} calendar days before the given clock's
 * today (never before 2025-01-01, the first year of the shipped working calendar) and walks forward working day by
 * working day, taking each step at a time of day during office hours (today's steps before the given clock's now).
 * So the cases have realistic dates and, as of today, open cases in every deadline status: 正常, 临近, 逾期 and
 * 暂停计时 (补正 after acceptance). The data is reproducible: the random source has a fixed seed, so the same
 * today gives the same case numbers, names and states.
 *
 * <p>Vocabulary (names, streets, unit names, diseases, reasons, notes) lives in {@code sandbox.properties} beside this
 * class. The sandbox writes no outbox messages ({@link Audited} skips them outside production) and the database file
 * claims the sandbox identity, so it can never be opened as production.
 *
 * <p>The sandbox is built in a work folder ({@code dataDir/.sandbox-seeding}) and moved to {@code dataDir/sandbox}
 * only when complete: a failed seeding leaves no half-seeded sandbox behind. {@code dataDir/prod} is never touched.
 */
public final class SandboxSeeder {
    /**
     * A training login as the trainer hands it out (and the sandbox login screen shows it), with the synthetic
     * resident ID number of its (fictional) staff member: valid check digit, a different person per account.
     */
    public record TrainingAccount(String username, String displayName, String password, Set<Role> roles,
                                  String personId) {
        public TrainingAccount {
            roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }
    }

    /** The random source's seed: the same today gives the same sandbox. */
    static final long RANDOM_SEED = 20_260_101L;
    /** How many calendar days before today the sandbox's history starts. */
    static final int WINDOW_DAYS = 45;
    static final int ENTERPRISES = 32;
    static final int HOSPITALS = 4;
    static final int PHARMACIES = 4;
    static final int PERSONS = 400;
    /** The first day of the working calendar shipped with the desk (it covers 2025 and 2026). */
    static final LocalDate CALENDAR_FIRST_DAY = LocalDate.of(2025, 1, 1);
    /** Where the sandbox is built before it replaces {@code dataDir/sandbox}. */
    static final String WORK_FOLDER = ".sandbox-seeding";
    private static final String DB_FILE = "ybdesk.mv.db";

    private static final Vocabulary WORDS = Vocabulary.load();

    /**
     * The training logins: a trainer (培训 + 管理员), two window clerks, a reviewer, a re-checker, a head and finance,
     * each a different person so that separation of duties holds on high-risk items.
     */
    public static final List<TrainingAccount> ACCOUNTS = List.of(
            account("trainer", "px260001", "19780312001", Role.TRAINER, Role.ADMIN),
            account("clerk1", "px260002", "19920615002", Role.CLERK),
            account("clerk2", "px260003", "19950920013", Role.CLERK),
            account("reviewer", "px260004", "19870201024", Role.REVIEWER),
            account("rechecker", "px260005", "19840707035", Role.RECHECKER),
            account("head", "px260006", "19750418046", Role.HEAD),
            account("finance", "px260007", "19891111057", Role.FINANCE));

    private SandboxSeeder() {
    }

    /** {@code birthAndSeq}: birth date yyyyMMdd and the 3-digit sequence of a synthetic 230102 resident ID. */
    private static TrainingAccount account(String username, String password, String birthAndSeq, Role first,
                                           Role... more) {
        String first17 = "230102" + birthAndSeq;
        return new TrainingAccount(username, WORDS.text("account." + username), password, EnumSet.of(first, more),
                first17 + Validators.residentIdCheckChar(first17));
    }

    // ======================================================================================================== API

    /**
     * Seeds the sandbox of {@code dataDir} ({@code dataDir/sandbox}) as of {@code clock}'s today. Refused when the
     * folder holds a database that is not a sandbox database (e.g. a copied production file) or a sandbox that is
     * already seeded (use {@link #reset}); an empty, unseeded sandbox database (as opening the sandbox creates it) is
     * replaced. The caller must not have the sandbox desk open (close it first, reopen it afterwards).
     *
     * @throws ServiceException with the reason in Chinese when refused or when the folder cannot be written
     */
    public static void seed(Path dataDir, Clock clock) {
        Path target = sandboxFolder(dataDir);
        checkExisting(dataDir, target, clock, false);
        build(dataDir, target, clock);
    }

    /**
     * Throws the sandbox away and seeds it again as of {@code clock}'s today: only {@code dataDir/sandbox} is deleted,
     * and only when it holds a sandbox database (never {@code dataDir/prod}, never a folder whose name is not
     * {@code sandbox}). The new sandbox is built first and replaces the old one when complete. The caller must close
     * any open sandbox {@link Desk} first (and open a new one afterwards).
     *
     * @throws ServiceException with the reason in Chinese when refused or when the folder cannot be replaced
     */
    public static void reset(Path dataDir, Clock clock) {
        Path target = sandboxFolder(dataDir);
        checkExisting(dataDir, target, clock, true);
        build(dataDir, target, clock);
    }

    /** Whether {@code desk} is a sandbox desk that has been seeded (it has its agency). */
    public static boolean isSeeded(Desk desk) {
        return desk.mode() == Mode.SANDBOX && desk.agency().isPresent();
    }

    // ======================================================================================================== folders

    /** {@code dataDir/sandbox}, refused when it could be anything else (its name, or the production folder). */
    static Path sandboxFolder(Path dataDir) {
        Path target = dataDir.resolve(Mode.SANDBOX.folder()).toAbsolutePath().normalize();
        Path prod = dataDir.resolve(Mode.PRODUCTION.folder()).toAbsolutePath().normalize();
        boolean named = target.getFileName() != null && target.getFileName().toString().equals("sandbox")
                && !Mode.SANDBOX.folder().equals(Mode.PRODUCTION.folder());
        if (!named || target.equals(prod) || sameFile(target, prod)) {
            throw new ServiceException(Texts.get("sandbox.notSandboxFolder", target.toString()));
        }
        return target;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return true;
        }
    }

    /** Refuses a target holding a non-sandbox database, or (unless {@code seededAllowed}) a seeded sandbox. */
    private static void checkExisting(Path dataDir, Path target, Clock clock, boolean seededAllowed) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(target) || !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ServiceException(Texts.get("sandbox.notSandboxFolder", target.toString()));
        }
        if (!Files.exists(target.resolve(DB_FILE))) {
            return;
        }
        String mode = identityOf(target);
        if (!Mode.SANDBOX.name().equals(mode)) {
            String found = mode == null ? Texts.get("sandbox.identity.none")
                    : Texts.get("desk.identity.mismatch", Mode.valueOf(mode).label(), Mode.SANDBOX.label());
            throw new ServiceException(Texts.get("sandbox.notSandboxDatabase", target.toString(), found));
        }
        boolean seeded;
        try (Desk existing = Desk.open(dataDir, Mode.SANDBOX, clock)) {
            seeded = isSeeded(existing);
        }
        if (seeded && !seededAllowed) {
            throw new ServiceException(Texts.get("sandbox.alreadySeeded"));
        }
    }

    /**
     * The mode the database in {@code folder} was claimed for (see {@link Desk}), looked at read-only so that a
     * database that is not the sandbox's is not written at all; null when it claims none.
     */
    private static String identityOf(Path folder) {
        try {
            return org.ybdesk.db.Database.peek(folder, dsl -> {
                try {
                    return dsl.select(DESK_IDENTITY.MODE).from(DESK_IDENTITY).where(DESK_IDENTITY.ID.eq(1))
                            .fetchOne(DESK_IDENTITY.MODE);
                } catch (DataAccessException noIdentityTable) {
                    return null;
                }
            });
        } catch (org.ybdesk.db.StorageException e) {
            throw Desk.storageProblem(e);
        }
    }

    private static void build(Path dataDir, Path target, Clock clock) {
        Path work = dataDir.resolve(WORK_FOLDER).toAbsolutePath().normalize();
        try {
            deleteTree(work);
            Instant now = clock.instant();
            MovingClock moving = new MovingClock(now);
            try (Desk desk = Desk.open(work, Mode.SANDBOX, moving)) {
                new Seeding(desk, moving, now).run();
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(target);
            }
            Files.move(work.resolve(Mode.SANDBOX.folder()), target);
        } catch (IOException e) {
            throw new ServiceException(Texts.get("sandbox.io", target.toString(), String.valueOf(e.getMessage())));
        } finally {
            try {
                deleteTree(work);
            } catch (IOException ignored) {
                // a leftover work folder is removed by the next seeding
            }
        }
    }

    /** Deletes a sandbox folder or the work folder with everything in it; any other folder is refused. */
    private static void deleteTree(Path folder) throws IOException {
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        if (!name.equals("sandbox") && !name.equals(WORK_FOLDER)) {
            throw new ServiceException(Texts.get("sandbox.notSandboxFolder", folder.toString()));
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(folder)) {
            throw new ServiceException(Texts.get("sandbox.notSandboxFolder", folder.toString()));
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // ======================================================================================================== clock

    /** The seeding's own clock, set to each step's moment; zone views share it (the desk uses one). */
    static final class MovingClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovingClock(Instant start) {
            this(new AtomicReference<>(start), Desk.ZONE);
        }

        private MovingClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new MovingClock(now, z);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    // ======================================================================================================== vocabulary

    /** sandbox.properties, read as UTF-8. */
    static final class Vocabulary {
        private final Properties p;
        private final Map<String, List<String>> lists = new HashMap<>();

        private Vocabulary(Properties p) {
            this.p = p;
        }

        static Vocabulary load() {
            try (InputStream in = SandboxSeeder.class.getResourceAsStream("sandbox.properties")) {
                if (in == null) {
                    throw new IllegalStateException("org/ybdesk/service/sandbox.properties is missing");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return new Vocabulary(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean has(String key) {
            return p.containsKey(key);
        }

        String text(String key) {
            String v = p.getProperty(key);
            if (v == null) {
                throw new IllegalStateException("sandbox vocabulary lacks " + key);
            }
            return v.trim();
        }

        /** Values separated by |. */
        synchronized List<String> list(String key) {
            return lists.computeIfAbsent(key, k -> Arrays.stream(text(k).split("\\|")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList());
        }

        /** Words separated by white space. */
        synchronized List<String> words(String key) {
            return lists.computeIfAbsent("words:" + key, k -> List.of(text(key).split("\\s+")));
        }

        /** The characters of a string (code points). */
        synchronized List<String> chars(String key) {
            return lists.computeIfAbsent("chars:" + key, k -> text(key).codePoints()
                    .filter(cp -> !Character.isWhitespace(cp)).mapToObj(Character::toString).toList());
        }
    }

    // ======================================================================================================== seeding

    /** A synthetic person of the registry (registered or, for registrations, not yet). */
    record SPerson(String id, String name, boolean male, LocalDate birth, InsuranceType type, InsuredStatus status,
                   SUnit unit, String phone, String address) {
    }

    enum UnitKind { ENTERPRISE, HOSPITAL, PHARMACY }

    /** A synthetic unit, medical institution or pharmacy. */
    record SUnit(UnitKind kind, String code, String name, String type, String division, String address,
                 String legalName, String legalId, String legalPhone, String bankName, String bankAccount,
                 String contactName, String contactPhone) {
    }

    /** Who applies: a person or a unit. */
    record Who(SPerson person, SUnit unit) {
        Applicant applicant() {
            return person != null ? new Applicant(IdType.RESIDENT_ID, person.id(), person.name(), person.phone())
                    : new Applicant(null, unit.code(), unit.name(), unit.contactPhone());
        }
    }

    enum StepKind { RECEIVE, ACT, MATERIALS, NOTE }

    record Step(int day, StepKind kind, CaseAction action, Role role, List<String> reasons, Money amount,
                Map<Integer, MaterialStatus> materials, String text) {
    }

    record Event(int day, int second, int caseOrder, int stepIndex) {
    }

    private static final class Seeding {
        private static final Pattern TOKEN = Pattern.compile("\\{(\\w+)\\}");
        /** Office hours in seconds of the day: steps are taken between 08:30 and 16:30. */
        private static final int OPEN = 8 * 3600 + 1800;
        private static final int CLOSE = 17 * 3600;
        private static final int LAST_START = 16 * 3600 + 1800;

        private final Desk desk;
        private final MovingClock clock;
        private final Instant realNow;
        private final LocalDate today;
        private final Random rnd = new Random(RANDOM_SEED);
        private final List<LocalDate> days = new ArrayList<>();
        private final int last;
        private final Set<String> usedIds = new HashSet<>();
        private final Set<String> usedCodes = new HashSet<>();
        private final Set<String> usedUnitNames = new HashSet<>();
        private final Map<String, Integer> uses = new HashMap<>();
        private final List<SUnit> units = new ArrayList<>();
        private final List<SPerson> persons = new ArrayList<>();
        private final List<PlannedCase> cases = new ArrayList<>();
        private final Map<Role, Actor> byRole = new LinkedHashMap<>();
        private final List<Actor> clerks = new ArrayList<>();
        private Actor trainer;

        Seeding(Desk desk, MovingClock clock, Instant realNow) {
            this.desk = desk;
            this.clock = clock;
            this.realNow = realNow;
            this.today = LocalDate.ofInstant(realNow, Desk.ZONE);
            LocalDate start = today.minusDays(WINDOW_DAYS);
            if (start.isBefore(CALENDAR_FIRST_DAY) && !today.isBefore(CALENDAR_FIRST_DAY)) {
                start = CALENDAR_FIRST_DAY;
            }
            for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
                if (working(d)) {
                    days.add(d);
                }
            }
            if (days.isEmpty()) {
                days.add(today);
            }
            last = days.size() - 1;
        }

        private boolean working(LocalDate d) {
            if (desk.calendar().covers(d)) {
                return desk.calendar().isWorkingDay(d);
            }
            return d.getDayOfWeek().getValue() <= 5;
        }

        void run() {
            LocalDate setupDay = days.get(0).minusDays(1);
            clock.set(setupDay.atStartOfDay(Desk.ZONE).plusSeconds(OPEN).toInstant());
            desk.setup().initAgency(new SetupService.AgencySetup(WORDS.text("agency.code"),
                    WORDS.text("agency.division"), WORDS.text("agency.name"), WORDS.text("agency.signature"),
                    WORDS.text("agency.hotline")), null);
            addAccounts();
            registerUnits();
            registerPersons();
            plan();
            execute();
        }

        private void tick() {
            clock.set(clock.instant().plusSeconds(3));
        }

        // ------------------------------------------------------------------------------------------- people

        private void addAccounts() {
            for (TrainingAccount a : ACCOUNTS) {
                tick();
                var view = desk.users().add(a.username(), a.displayName(), a.password(), a.roles(), a.personId(),
                        trainer);
                Actor actor = desk.users().actor(view.id());
                if (trainer == null) {
                    trainer = actor;
                }
                for (Role r : a.roles()) {
                    if (r == Role.CLERK) {
                        clerks.add(actor);
                    } else {
                        byRole.putIfAbsent(r, actor);
                    }
                }
            }
        }

        private void registerUnits() {
            for (int i = 0; i < ENTERPRISES + HOSPITALS + PHARMACIES; i++) {
                UnitKind kind = i < ENTERPRISES ? UnitKind.ENTERPRISE
                        : i < ENTERPRISES + HOSPITALS ? UnitKind.HOSPITAL : UnitKind.PHARMACY;
                SUnit u = makeUnit(kind);
                tick();
                desk.registry().registerUnit(new UnitInput(u.code(), u.name(), u.type(), u.address(), u.legalName(),
                        IdType.RESIDENT_ID, u.legalId(), u.legalPhone(), u.bankName(), u.bankAccount(),
                        u.contactName(), u.contactPhone(), u.division()), trainer);
                units.add(u);
            }
        }

        private void registerPersons() {
            for (int i = 0; i < PERSONS; i++) {
                boolean employee = rnd.nextInt(100) < 58;
                SPerson p = makePerson(employee, rnd.nextInt(100) < 3 ? InsuredStatus.SUSPENDED : InsuredStatus.INSURED);
                tick();
                desk.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, p.id(), p.name(), null, null,
                        p.type(), p.status(), p.unit() == null ? null : p.unit().code(), p.phone(), p.address(),
                        rnd.nextInt(100) < 20 ? fill(WORDS.text("homeAddress"), Map.of()) : null), trainer);
                persons.add(p);
            }
        }

        private SUnit makeUnit(UnitKind kind) {
            List<String> districts = WORDS.list("districts");
            int d = rnd.nextInt(districts.size());
            String division = WORDS.list("districtCodes").get(d);
            Map<String, String> ctx = Map.of("district", districts.get(d));
            String[] type = switch (kind) {
                case ENTERPRISE -> pick(WORDS.list("unitTypes")).split(";");
                case HOSPITAL -> unitType("12");
                case PHARMACY -> unitType("91");
            };
            String template = switch (kind) {
                case ENTERPRISE -> "unitNames";
                case HOSPITAL -> "hospitalNames";
                case PHARMACY -> "pharmacyNames";
            };
            String name;
            int tries = 0;
            do {
                name = fill(pick(WORDS.list(template)), ctx);
                if (++tries > 40) {
                    name = name + tries;
                }
            } while (!usedUnitNames.add(name));
            return new SUnit(kind, creditCode(type[1].trim(), division), name, type[0].trim(), division,
                    fill(WORDS.text("address"), ctx), personName(rnd.nextBoolean()),
                    residentId(randomDate(LocalDate.of(1960, 1, 1), LocalDate.of(1988, 12, 31)), rnd.nextBoolean()),
                    mobile(), fill(pick(WORDS.list("banks")), ctx), corporateAccount(), personName(rnd.nextBoolean()),
                    mobile());
        }

        private String[] unitType(String prefix) {
            return WORDS.list("unitTypes").stream().map(s -> s.split(";")).filter(s -> s[1].trim().equals(prefix))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no unit type " + prefix));
        }

        private SPerson makePerson(boolean employee, InsuredStatus status) {
            boolean male = rnd.nextBoolean();
            LocalDate birth = employee ? randomDate(LocalDate.of(1966, 1, 1), LocalDate.of(2003, 12, 31))
                    : randomDate(LocalDate.of(1940, 1, 1), LocalDate.of(2006, 12, 31));
            SUnit unit = employee ? units.get(rnd.nextInt(units.size())) : null;
            return new SPerson(residentId(birth, male), personName(male), male, birth,
                    employee ? InsuranceType.EMPLOYEE : InsuranceType.RESIDENT, status, unit, mobile(),
                    fill(WORDS.text("homeAddress"), Map.of()));
        }

        // ------------------------------------------------------------------------------------------- synthetic values

        private <T> T pick(List<T> list) {
            return list.get(rnd.nextInt(list.size()));
        }

        private int range(int min, int max) {
            return max <= min ? min : min + rnd.nextInt(max - min + 1);
        }

        private LocalDate randomDate(LocalDate from, LocalDate to) {
            return from.plusDays(rnd.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        }

        private String personName(boolean male) {
            List<String> surnames = WORDS.words("surnames");
            double u = rnd.nextDouble();
            StringBuilder sb = new StringBuilder(surnames.get((int) (surnames.size() * u * u)));
            List<String> given = WORDS.chars(male ? "givenMale" : "givenFemale");
            int len = rnd.nextInt(100) < Integer.parseInt(WORDS.text("givenSinglePercent")) ? 1 : 2;
            for (int i = 0; i < len; i++) {
                sb.append(pick(given));
            }
            return sb.toString();
        }

        /** A 居民身份证 number with a valid check character, unique in the sandbox. */
        private String residentId(LocalDate birth, boolean male) {
            String id;
            do {
                String first17 = pick(WORDS.list("districtCodes")) + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format(Locale.ROOT, "%03d", rnd.nextInt(500) * 2 + (male ? 1 : 0));
                id = first17 + Validators.residentIdCheckChar(first17);
            } while (!usedIds.add(id));
            return id;
        }

        /** A 统一社会信用代码 with a valid check character, unique in the sandbox. */
        private String creditCode(String prefix, String division) {
            String code;
            do {
                String first17 = prefix + division + String.format(Locale.ROOT, "%09d", rnd.nextInt(1_000_000_000));
                code = first17 + Validators.creditCodeCheckChar(first17);
            } while (!usedCodes.add(code));
            return code;
        }

        private String mobile() {
            return String.format(Locale.ROOT, "1%d%09d", 3 + rnd.nextInt(7), rnd.nextInt(1_000_000_000));
        }

        /** A 19-digit UnionPay debit card number with a valid Luhn digit. */
        private String personalCard() {
            String payload = pick(List.of("6217", "6222", "6228", "6212", "6216"))
                    + String.format(Locale.ROOT, "%07d%07d", rnd.nextInt(10_000_000), rnd.nextInt(10_000_000));
            return payload + Validators.luhnCheckDigit(payload);
        }

        private String corporateAccount() {
            return String.format(Locale.ROOT, "35%07d%08d", rnd.nextInt(10_000_000), rnd.nextInt(100_000_000));
        }

        private String digits(int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            return sb.toString();
        }

        /** Money between the yuan bounds of {@code amount.<key>} (e.g. 180-2600), to the fen. */
        private Money amount(String key) {
            String[] r = WORDS.text("amount." + key).split("-");
            long min = Long.parseLong(r[0].trim()) * 100;
            long max = Long.parseLong(r[1].trim()) * 100;
            return Money.ofFen(min + (long) (rnd.nextDouble() * (max - min)));
        }

        private String fill(String template, Map<String, String> ctx) {
            Matcher m = TOKEN.matcher(template);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String t = m.group(1);
                String v = ctx.containsKey(t) ? ctx.get(t) : token(t);
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        private String token(String t) {
            return switch (t) {
                case "district" -> pick(WORDS.list("districts"));
                case "street" -> pick(WORDS.list("streets"));
                case "outStreet" -> pick(WORDS.list("outStreets"));
                case "trade" -> pick(WORDS.list("trades"));
                case "industry" -> pick(WORDS.list("industries"));
                case "n" -> String.valueOf(range(1, 9));
                case "nn" -> String.valueOf(range(1, 99));
                case "nnn" -> String.valueOf(range(1, 999));
                case "no6" -> digits(6);
                case "no8" -> digits(8);
                case "area" -> String.valueOf(range(8, 200) * 100);
                case "amount" -> amount("19").toYuanString();
                case "hospital" -> pick(units.stream().filter(u -> u.kind() == UnitKind.HOSPITAL).toList()).name();
                default -> throw new IllegalStateException("unknown token {" + t + "} in sandbox vocabulary");
            };
        }

        // ------------------------------------------------------------------------------------------- applicants

        private Who applicantFor(ServiceItem item) {
            int no = item.no();
            return switch (no) {
                case 1 -> new Who(null, makeUnit(UnitKind.ENTERPRISE));
                case 2 -> new Who(makePerson(true, InsuredStatus.INSURED), null);
                case 3 -> new Who(makePerson(false, InsuredStatus.INSURED), null);
                // a change needs the person registered with the insurance the item changes; one change per person,
                // so the 变更前信息 planned from the registry is still what the registry holds when it is accepted
                case 5, 6 -> {
                    InsuranceType type = no == 5 ? InsuranceType.EMPLOYEE : InsuranceType.RESIDENT;
                    SPerson p = pickPerson(x -> x.type() == type && age(x) >= 18 && !changed.contains(x.id()));
                    changed.add(p.id());
                    yield new Who(p, null);
                }
                case 25 -> new Who(null, makeUnit(UnitKind.HOSPITAL));
                case 26 -> new Who(null, makeUnit(UnitKind.PHARMACY));
                case 27 -> new Who(null, pickUnit(UnitKind.HOSPITAL));
                case 28 -> new Who(null, pickUnit(UnitKind.PHARMACY));
                default -> item.applicantKind() == ApplicantKind.PERSON ? new Who(pickPerson(personFilter(no)), null)
                        : new Who(null, pickUnit(UnitKind.ENTERPRISE));
            };
        }

        /** Persons who already have a planned change (items 5/6). */
        private final Set<String> changed = new java.util.HashSet<>();

        private Predicate<SPerson> personFilter(int no) {
            return switch (no) {
                case 9 -> p -> p.type() == InsuranceType.EMPLOYEE && p.unit() != null;
                case 16 -> p -> age(p) >= 45;
                case 19, 21 -> p -> !p.male() && age(p) >= 22 && age(p) <= 42;
                case 20, 22 -> p -> !p.male() && age(p) >= 22 && age(p) <= 42 && p.type() == InsuranceType.EMPLOYEE;
                case 23 -> p -> p.type() == InsuranceType.RESIDENT && age(p) >= 18;
                default -> p -> age(p) >= 18;
            };
        }

        private int age(SPerson p) {
            return Period.between(p.birth(), today).getYears();
        }

        /** A registered insured person matching the filter, preferring people with fewer cases. */
        private SPerson pickPerson(Predicate<SPerson> filter) {
            List<SPerson> pool = persons.stream().filter(p -> p.status() == InsuredStatus.INSURED).filter(filter)
                    .toList();
            SPerson best = null;
            for (int i = 0; i < 4; i++) {
                SPerson p = pick(pool);
                if (best == null || uses.getOrDefault(p.id(), 0) < uses.getOrDefault(best.id(), 0)) {
                    best = p;
                }
            }
            uses.merge(best.id(), 1, Integer::sum);
            return best;
        }

        private SUnit pickUnit(UnitKind kind) {
            return pick(units.stream().filter(u -> u.kind() == kind).toList());
        }

        // ------------------------------------------------------------------------------------------- intake values

        private Map<String, String> fields(ServiceItem item, Who who, LocalDate day, Map<String, String> ctx) {
            Set<String> prefilled = item.applicantKind() == ApplicantKind.PERSON
                    ? Set.of("name", "insuredName", "idType", "idNumber", "phone")
                    : Set.of("creditCode", "creditCodeOrUnitCode", "unitName", "institutionName", "pharmacyName");
            Map<String, String> f = new LinkedHashMap<>();
            // the sandbox's transfers keep the one-agency flow: no 办理方向 (issue 13, D147)
            item.leafFields().filter(spec -> !prefilled.contains(spec.key())
                            && !org.ybdesk.core.lifecycle.TransferSide.FIELD.equals(spec.key()))
                    .forEach(spec -> f.put(spec.key(), value(item, spec, who, day, ctx, f)));
            return f;
        }

        private String value(ServiceItem item, FieldSpec spec, Who who, LocalDate day, Map<String, String> ctx,
                             Map<String, String> sofar) {
            String key = spec.key();
            SPerson p = who.person();
            SUnit u = who.unit();
            return switch (spec.type()) {
                case NAME -> (key.startsWith("payee") || key.equals("bankAccountName")) && p != null ? p.name()
                        : key.equals("unitContactName") && u != null ? u.contactName()
                        : key.equals("legalRepresentativeName") && u != null ? u.legalName()
                        : personName(rnd.nextBoolean());
                case ID_NUMBER -> key.startsWith("payee") && p != null ? p.id()
                        : key.equals("legalRepresentativeIdNumber") && u != null ? u.legalId()
                        : residentId(randomDate(LocalDate.of(1960, 1, 1), LocalDate.of(1992, 12, 31)), rnd.nextBoolean());
                case CREDIT_CODE -> u != null ? u.code() : unitOf(p).code();
                case PHONE -> key.startsWith("payee") && p != null ? p.phone()
                        : key.equals("legalRepresentativePhone") && u != null ? u.legalPhone()
                        : key.startsWith("unitContact") && u != null ? u.contactPhone()
                        : mobile();
                case BANK_ACCOUNT -> item.applicantKind() == ApplicantKind.PERSON ? personalCard() : u.bankAccount();
                case DATE -> date(key, day, p).toString();
                case PERIOD -> day.minusMonths(6).withDayOfMonth(1) + "/" + day.withDayOfMonth(1).minusDays(1);
                case MONEY -> key.equals("declaredWage") ? amount("wage").toYuanString() : amount("19").toYuanString();
                case INTEGER -> integer(key, p, sofar);
                case CHOICE -> key.equals("changeItem") ? text(item, key, who, ctx) : choice(item, spec, who);
                case BOOLEAN -> "true";
                case ADMIN_DIVISION -> switch (key) {
                    case "treatmentPlace", "transferOutDivisionCode" -> ctx.get("placeCode");
                    case "practiceDivision", "businessDivision" -> u != null ? u.division() : WORDS.text("agency.division");
                    default -> WORDS.text("agency.division");
                };
                case POSTAL_CODE -> key.startsWith("transferIn") ? WORDS.text("agency.postalCode") : ctx.get("placePostal");
                case ADDRESS -> address(key, who, ctx);
                case TEXT -> text(item, key, who, ctx);
            };
        }

        private SUnit unitOf(SPerson p) {
            return p != null && p.unit() != null ? p.unit() : pickUnit(UnitKind.ENTERPRISE);
        }

        private LocalDate date(String key, LocalDate day, SPerson p) {
            if (key.equals("birthDate") && p != null) {
                return p.birth();
            }
            if (key.equals("filingStartDate")) {
                return day.plusDays(rnd.nextInt(8));
            }
            if (key.equals("benefitStartDate")) {
                return day.withDayOfMonth(1).plusMonths(1);
            }
            if (key.equals("establishedDate")) {
                return day.minusYears(range(2, 15)).minusDays(rnd.nextInt(300));
            }
            if (key.contains("ValidTo")) {
                return day.plusYears(range(1, 5)).plusDays(rnd.nextInt(300));
            }
            if (key.contains("IssueDate") || key.contains("ValidFrom")) {
                return day.minusDays(range(60, 600));
            }
            return day;
        }

        private String integer(String key, SPerson p, Map<String, String> sofar) {
            int v = switch (key) {
                case "age" -> p == null ? 50 : age(p);
                case "approvedBeds" -> range(2, 30) * 10;
                case "openBeds" -> range(Integer.parseInt(sofar.getOrDefault("approvedBeds", "20")) / 2,
                        Integer.parseInt(sofar.getOrDefault("approvedBeds", "20")));
                case "drugVarietyCount" -> range(600, 3000);
                case "catalogDrugCount" -> range(Integer.parseInt(sofar.getOrDefault("drugVarietyCount", "600")) / 2,
                        Integer.parseInt(sofar.getOrDefault("drugVarietyCount", "600")) * 4 / 5);
                case "licensedPharmacistCount" -> range(1, 3);
                case "practicingPharmacistCount" -> range(1, 5);
                case "pharmacistTotal" -> Integer.parseInt(sofar.getOrDefault("licensedPharmacistCount", "1"))
                        + Integer.parseInt(sofar.getOrDefault("practicingPharmacistCount", "1"));
                default -> range(1, 20);
            };
            return String.valueOf(v);
        }

        private String choice(ServiceItem item, FieldSpec spec, Who who) {
            String key = spec.key();
            List<String> options = spec.options();
            if (key.equals("idType") || key.endsWith("IdType")) {
                return IdType.RESIDENT_ID.label();
            }
            if (item.no() == 1 && key.equals("registrationType")) {
                return Texts.get("lexicon.newRegistration");
            }
            if (key.equals("insuranceType") && who.person() != null) {
                for (String o : options) {
                    try {
                        if (InsuranceType.parse(o) == who.person().type()) {
                            return o;
                        }
                    } catch (IllegalArgumentException notAType) {
                        // e.g. 生育保险: not a 险种 of the registry
                    }
                }
            }
            if ((key.equals("unitNature") || key.equals("unitType")) && who.unit() != null
                    && options.contains(who.unit().type())) {
                return who.unit().type();
            }
            for (String k : List.of("choice." + item.no() + "." + key, "choice." + key)) {
                if (WORDS.has(k)) {
                    List<String> preferred = WORDS.list(k).stream().filter(options::contains).toList();
                    if (!preferred.isEmpty()) {
                        return pick(preferred);
                    }
                }
            }
            return options.isEmpty() ? WORDS.text("field.default") : pick(options);
        }

        private String address(String key, Who who, Map<String, String> ctx) {
            SPerson p = who.person();
            SUnit u = who.unit();
            return switch (key) {
                case "transferOutAgencyAddress" -> ctx.get("placeAgency");
                case "transferInAgencyAddress" -> WORDS.text("agency.address");
                case "destinationAddress", "transferAddress" -> fill(WORDS.text("destinationAddress"), ctx);
                case "householdAddress", "insuredPlaceAddress" -> p != null ? p.address() : fill(WORDS.text("address"), ctx);
                case "mailingAddress", "registeredAddress" -> u != null ? u.address() : fill(WORDS.text("address"), ctx);
                default -> fill(WORDS.text("address"), ctx);
            };
        }

        private String text(ServiceItem item, String key, Who who, Map<String, String> ctx) {
            SPerson p = who.person();
            SUnit u = who.unit();
            switch (key) {
                case "creditCodeOrUnitCode":
                    return u != null ? u.code() : unitOf(p).code();
                case "unitName":
                case "employerName":
                    return p != null && p.unit() != null ? p.unit().name() : WORDS.text("none");
                case "bankName":
                    return u != null ? u.bankName() : fill(pick(WORDS.list("banks")), ctx);
                case "treatmentPlace":
                    return ctx.get("place");
                case "changeItem":
                    return WORDS.list("field.changeItem").get(Integer.parseInt(ctx.get("changeKind")));
                case "valueBefore":
                    return ctx.get("changeKind").equals("0") ? (p == null ? mobile() : p.phone())
                            : (p == null ? fill(WORDS.text("homeAddress"), ctx) : p.address());
                case "valueAfter":
                    return ctx.get("changeKind").equals("0") ? mobile() : fill(WORDS.text("homeAddress"), ctx);
                default:
                    for (String k : List.of("field." + item.no() + "." + key, "field." + key)) {
                        if (WORDS.has(k)) {
                            return fill(pick(WORDS.list(k)), ctx);
                        }
                    }
                    return WORDS.text("field.default");
            }
        }

        // ------------------------------------------------------------------------------------------- the plan

        /** One case file as planned: who applies with what, and its steps, each on a working day of the window. */
        final class PlannedCase {
            final int order;
            final ServiceItem item;
            final Who who;
            final Actor clerk;
            final Map<String, String> fields;
            final Map<Integer, MaterialStatus> materials = new LinkedHashMap<>();
            final String channel;
            Money declared;
            Money reconciled;
            /** The amount paid (PAY) or moved (MOVE_BALANCE); drawn from the item's range when null. */
            Money payAmount;
            final List<Step> steps = new ArrayList<>();
            CaseState state = CaseState.RECEIVED;
            CaseState resume;
            int lastDay;
            String caseNo;

            PlannedCase(int itemNo, Who who, int day, Integer missingMaterial) {
                this.order = cases.size();
                this.item = desk.catalog().item(itemNo);
                this.who = who == null ? applicantFor(item) : who;
                this.clerk = clerks.get(rnd.nextInt(clerks.size()));
                this.lastDay = clamp(day);
                LocalDate date = days.get(lastDay);
                List<String> place = List.of(pick(WORDS.list("places")).split(";"));
                Map<String, String> ctx = new HashMap<>();
                ctx.put("place", place.get(0).trim());
                ctx.put("placeCode", place.get(1).trim());
                ctx.put("placePostal", place.get(2).trim());
                ctx.put("placeAgency", place.get(3).trim());
                ctx.put("changeKind", String.valueOf(rnd.nextInt(WORDS.list("field.changeItem").size())));
                LocalDate period = date.withDayOfMonth(1).minusMonths(1);
                ctx.put("year", String.valueOf(period.getYear()));
                ctx.put("month", String.valueOf(period.getMonthValue()));
                ctx.put("date", date.minusDays(range(3, 40)).toString());
                SUnit employer = this.who.person() != null ? this.who.person().unit() : this.who.unit();
                ctx.put("unit", employer == null ? WORDS.text("none") : employer.name());
                ctx.put("unitCode", employer == null ? WORDS.text("none") : employer.code());
                this.fields = SandboxSeeder.Seeding.this.fields(item, this.who, date, ctx);
                for (MaterialSpec m : item.materials()) {
                    int r = rnd.nextInt(100);
                    // required by the item or by the values entered (人员类别, 支取原因…): received; else now and then
                    MaterialStatus s = !m.requiredFor(fields) ? (r < 20 ? MaterialStatus.PAPER : MaterialStatus.MISSING)
                            : r < 70 ? MaterialStatus.PAPER : r < 85 ? MaterialStatus.ELECTRONIC
                            : MaterialStatus.SHARED_DATA;
                    materials.put(m.no(), s);
                }
                if (missingMaterial != null) {
                    materials.put(missingMaterial, MaterialStatus.MISSING);
                }
                String ch = pick(WORDS.list("channels"));
                this.channel = item.channels().contains(ch) ? ch : null;
                if (item.flow() == FlowVariant.SETTLEMENT) {
                    declared = amount(String.valueOf(item.no()));
                    reconciled = declared;
                }
                steps.add(new Step(lastDay, StepKind.RECEIVE, null, Role.CLERK, List.of(), null, null, null));
                cases.add(this);
            }

            PlannedCase act(int day, CaseAction a) {
                return act(day, a, List.of());
            }

            PlannedCase act(int day, CaseAction a, List<String> reasons) {
                Role role = Lifecycle.possible(item, state).get(a);
                if (role == null) {
                    throw new IllegalStateException("sandbox plan: " + a + " is not possible in " + state
                            + " for item " + item.no());
                }
                Money amount = null;
                if (a == CaseAction.MOVE_BALANCE || (Lifecycle.decidesAmountAtReview(item)
                        && (a == CaseAction.REVIEW || a == CaseAction.RECHECK))) {
                    // decided at 审核, confirmed at 复核 (the same figure); 支付 then pays it without an amount typed
                    if (payAmount == null) {
                        payAmount = reconciled != null ? reconciled : amount(String.valueOf(item.no()));
                    }
                    amount = payAmount;
                }
                lastDay = Math.max(lastDay, clamp(day));
                steps.add(new Step(lastDay, StepKind.ACT, a, role, reasons, amount, null, null));
                state = switch (a) {
                    case REQUEST_SUPPLEMENT -> {
                        resume = state;
                        yield CaseState.SUPPLEMENTING;
                    }
                    case RESUME -> {
                        CaseState back = resume == null ? CaseState.RECEIVED : resume;
                        resume = null;
                        yield back;
                    }
                    default -> next(state, a);
                };
                return this;
            }

            PlannedCase materialsArrived(int day, int materialNo) {
                lastDay = Math.max(lastDay, clamp(day));
                steps.add(new Step(lastDay, StepKind.MATERIALS, null, Role.CLERK, List.of(), null,
                        Map.of(materialNo, MaterialStatus.PAPER), null));
                return this;
            }

            PlannedCase note(int day, String text) {
                lastDay = Math.max(lastDay, clamp(day));
                steps.add(new Step(lastDay, StepKind.NOTE, null, Role.CLERK, List.of(), null, null, text));
                return this;
            }

            /** Takes the positive steps from the current state to {@code target}, spread up to {@code toDay}. */
            PlannedCase advance(int toDay, CaseState target) {
                List<CaseAction> path = new ArrayList<>();
                CaseState s = state;
                while (s != target) {
                    if (s.terminal() || path.size() > 12) {
                        throw new IllegalStateException("sandbox plan: item " + item.no() + " cannot reach " + target);
                    }
                    CaseAction a = Lifecycle.possible(item, s).keySet().stream()
                            .filter(x -> !x.needsReasons() && x != CaseAction.RESUME).findFirst()
                            .orElseThrow(() -> new IllegalStateException("sandbox plan: no way on from " + state));
                    path.add(a);
                    s = next(s, a);
                }
                boolean sameDay = item.flow() == FlowVariant.INSTANT || item.timeLimit().workingDays() == 0;
                int to = Math.max(lastDay, clamp(toDay));
                int from = sameDay ? lastDay : Math.min(lastDay + 1, to);
                int[] when = spread(from, to, path.size());
                for (int i = 0; i < path.size(); i++) {
                    act(when[i], path.get(i));
                }
                return this;
            }

            PlannedCase supplement(int day) {
                return act(day, CaseAction.REQUEST_SUPPLEMENT, List.of(reason("reasons.supplement", item, null)));
            }

            PlannedCase reject(int day) {
                CaseState at = state;
                return act(day, CaseAction.REJECT, List.of(reason("reasons.reject", item, at)));
            }
        }

        private int clamp(int day) {
            return Math.max(0, Math.min(last, day));
        }

        private int[] spread(int from, int to, int k) {
            int[] d = new int[k];
            for (int i = 0; i < k; i++) {
                d[i] = range(from, to);
            }
            Arrays.sort(d);
            if (k > 0) {
                d[k - 1] = to;
            }
            return d;
        }

        private static CaseState next(CaseState s, CaseAction a) {
            return switch (a) {
                case ACCEPT -> CaseState.ACCEPTED;
                case REFUSE -> CaseState.REFUSED;
                case REVIEW -> CaseState.REVIEWED;
                case RECHECK -> CaseState.RECHECKED;
                case APPROVE -> CaseState.APPROVED;
                case PAY -> CaseState.PAID;
                case REJECT -> CaseState.REJECTED;
                case EVALUATE_FAIL -> s == CaseState.ACCEPTED ? CaseState.RECTIFYING : CaseState.REJECTED;
                case TRANSFER_OUT -> CaseState.TRANSFERRED_OUT;
                case TRANSFER_IN -> CaseState.TRANSFERRED_IN;
                case EVALUATE -> CaseState.PUBLICIZING;
                case PUBLICIZE -> CaseState.NEGOTIATING;
                case MOVE_BALANCE, SIGN, CLOSE -> CaseState.CLOSED;
                case REQUEST_SUPPLEMENT -> CaseState.SUPPLEMENTING;
                case RESUME -> throw new IllegalStateException("RESUME is planned with its case");
            };
        }

        /** A reason from {@code base.<group>.<state>}, {@code base.<group>} or {@code base}. */
        private String reason(String base, ServiceItem item, CaseState state) {
            String group = base + "." + item.group().name();
            for (String k : state == null ? List.of(group, base) : List.of(group + "." + state.name(), group, base)) {
                if (WORDS.has(k)) {
                    return pick(WORDS.list(k));
                }
            }
            throw new IllegalStateException("sandbox vocabulary lacks " + base);
        }

        private String missingReason(ServiceItem item, int materialNo) {
            String name = item.materials().stream().filter(m -> m.no() == materialNo).findFirst()
                    .map(MaterialSpec::name).orElseThrow();
            return fill(WORDS.text("reasons.supplement.missing"), Map.of("0", name));
        }

        /** The first material the item always requires, or null when all depend on conditions. */
        private Integer requiredMaterial(int itemNo) {
            List<MaterialSpec> required = desk.catalog().item(itemNo).materials().stream()
                    .filter(m -> m.condition() == null).toList();
            return required.isEmpty() ? null : required.get(rnd.nextInt(required.size())).no();
        }

        /** The working-day limit that runs after acceptance (the transfer-out limit for transfers). */
        private int limit(int itemNo) {
            ServiceItem item = desk.catalog().item(itemNo);
            if (item.flow() == FlowVariant.TRANSFER && item.timeLimit().transferOutWorkingDays() != null) {
                return item.timeLimit().transferOutWorkingDays();
            }
            return item.timeLimit().workingDays();
        }

        /** The day of acceptance that gives an open case {@code status} today (without pauses). */
        private int acceptFor(int itemNo, DeadlineStatus status) {
            int wd = limit(itemNo);
            int elapsed = switch (status) {
                case NORMAL -> range(Math.max(1, wd / 3), Math.max(1, wd - 5));
                case NEAR -> Math.max(0, wd - range(1, 3));
                case OVERDUE -> wd + range(2, 6);
                case PAUSED -> range(1, Math.max(1, wd / 2));
            };
            elapsed = Math.min(elapsed, last);
            if (status == DeadlineStatus.NORMAL) {
                // near the end of the calendar's last year: accept earlier so the due date stays inside it, but
                // never so early that the case is overdue
                while (elapsed < Math.min(last, wd - 1) && !dueInCalendar(last - elapsed, wd)) {
                    elapsed++;
                }
            }
            return last - elapsed;
        }

        private boolean dueInCalendar(int day, int wd) {
            try {
                desk.calendar().addWorkingDays(days.get(day), wd + 3);
                return true;
            } catch (DateOutsideCalendarException e) {
                return false;
            }
        }

        private PlannedCase start(int itemNo, int day) {
            return new PlannedCase(itemNo, null, day, null);
        }

        // ------------------------------------------------------------------------------------------- scenarios

        /** Finished at the window the same day (即办件), optionally after a 补正 at intake. */
        private void closedAtWindow(int itemNo, int day, boolean supplementFirst) {
            Integer missing = supplementFirst ? requiredMaterial(itemNo) : null;
            PlannedCase c = new PlannedCase(itemNo, null, day, missing);
            if (missing != null) {
                c.act(c.lastDay, CaseAction.REQUEST_SUPPLEMENT, List.of(missingReason(c.item, missing)));
                int back = c.lastDay + range(1, 4);
                c.materialsArrived(back, missing).act(back, CaseAction.RESUME);
            }
            c.act(c.lastDay, CaseAction.ACCEPT).advance(c.lastDay, CaseState.CLOSED);
        }

        /** Accepted and worked through all stages to 办结 within {@code duration} working days. */
        private PlannedCase closedWithin(int itemNo, int duration) {
            int a = range(0, Math.max(0, last - duration));
            return start(itemNo, a).act(a, CaseAction.ACCEPT).advance(a + duration, CaseState.CLOSED);
        }

        private void closedOnTime(int itemNo) {
            int wd = limit(itemNo);
            closedWithin(itemNo, wd == 0 ? 0 : range(2, Math.max(2, Math.min(wd - 2, 15))));
        }

        /** Accepted, paused for 补正 after acceptance, resumed, then finished. */
        private void closedAfterPause(int itemNo) {
            int a = range(0, Math.max(0, last - 16));
            PlannedCase c = start(itemNo, a).act(a, CaseAction.ACCEPT).supplement(a + range(1, 3));
            int back = c.lastDay + range(2, 5);
            c.act(back, CaseAction.RESUME).note(back, pick(WORDS.list("notes")))
                    .advance(back + range(2, 8), CaseState.CLOSED);
        }

        /** Open as of today in {@code target}, accepted so that its deadline status is {@code status}. */
        private PlannedCase open(int itemNo, CaseState target, DeadlineStatus status) {
            int a = acceptFor(itemNo, status);
            PlannedCase c = start(itemNo, a).act(a, CaseAction.ACCEPT);
            if (target != CaseState.ACCEPTED) {
                c.advance(range(Math.min(a + 1, last), last), target);
            }
            return c;
        }

        /** Accepted, then 补正 requested and still awaited today: the clock stands still (暂停计时). */
        private void paused(int itemNo, int acceptedDaysAgo, int pausedDaysAfter) {
            int wd = limit(itemNo);
            int ago = Math.min(acceptedDaysAgo, last);
            int after = Math.min(pausedDaysAfter, ago);
            // while paused the due date is projected from today: keep it inside the working calendar
            while (ago < last && after + 1 < wd && !dueInCalendar(last, wd - after)) {
                ago++;
                after++;
            }
            int a = last - ago;
            start(itemNo, a).act(a, CaseAction.ACCEPT).supplement(a + after);
        }

        /** Waiting for materials asked for at intake (补正中, the clock not started). */
        private void waitingForMaterials(int itemNo, int receivedDaysAgo) {
            Integer missing = requiredMaterial(itemNo);
            PlannedCase c = new PlannedCase(itemNo, null, last - receivedDaysAgo, missing);
            c.act(c.lastDay, CaseAction.REQUEST_SUPPLEMENT, List.of(missingReason(c.item, missing)));
        }

        private void refusedAtIntake(int itemNo) {
            int r = range(0, last);
            start(itemNo, r).act(r, CaseAction.REFUSE, List.of(pick(WORDS.list("reasons.refuse"))));
        }

        private void refusedAfterSupplement(int itemNo) {
            int r = range(0, Math.max(0, last - 10));
            Integer missing = requiredMaterial(itemNo);
            PlannedCase c = new PlannedCase(itemNo, null, r, missing);
            c.act(r, CaseAction.REQUEST_SUPPLEMENT, List.of(missingReason(c.item, missing)))
                    .act(r + range(5, 9), CaseAction.REFUSE, List.of(pick(WORDS.list("reasons.refuse.afterSupplement"))));
        }

        /** Turned down (未通过) by the person at the stage after {@code at}. */
        private void rejectedAfter(int itemNo, CaseState at) {
            int a = range(0, Math.max(0, last - 12));
            PlannedCase c = start(itemNo, a).act(a, CaseAction.ACCEPT);
            if (at != CaseState.ACCEPTED) {
                c.advance(a + range(2, 6), at);
            }
            c.reject(c.lastDay + range(1, 3));
        }

        /** A transfer in (职工 account balance moved) followed by the person's one-time withdrawal (出国定居 etc.). */
        private void transferThenWithdrawal() {
            SPerson p = pickPerson(personFilter(9));
            Money balance = amount("10");
            int a = range(0, Math.max(0, last - 20));
            PlannedCase t = new PlannedCase(10, new Who(p, null), a, null);
            t.payAmount = balance;
            t.act(a, CaseAction.ACCEPT).advance(a + range(5, 9), CaseState.CLOSED);
            int w = clamp(range(t.lastDay + 2, last));
            PlannedCase wd = new PlannedCase(9, new Who(p, null), w, null);
            wd.payAmount = balance;
            // the withdrawal can only be paid once the balance has arrived (a later day than the transfer's end)
            wd.act(wd.lastDay, CaseAction.ACCEPT).advance(wd.lastDay,
                    w > t.lastDay ? CaseState.CLOSED : CaseState.REVIEWED);
        }

        private void plan() {
            int d = last;
            // ---- finished: every instant item three times across the window, some today, some after a 补正
            for (int no : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15}) {
                for (int k = 0; k < 3; k++) {
                    closedAtWindow(no, range(0, d), false);
                }
            }
            closedAtWindow(8, d, false);
            closedAtWindow(11, d, false);
            closedAtWindow(3, d, false);
            closedAtWindow(3, d - 6, true);
            closedAtWindow(11, d - 12, true);
            closedAtWindow(13, d - 3, true);
            // ---- finished: items with review stages, on time, one late, two after a pause for 补正
            for (int no : new int[] {16, 16, 17, 17, 17, 18, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23, 23, 24, 24,
                27, 27, 28, 28}) {
                closedOnTime(no);
            }
            closedWithin(18, limit(18) + 3);
            // 补正 after acceptance exists only for designation applications (D15)
            closedAfterPause(25);
            closedAfterPause(26);
            // ---- finished: transfers (two followed by the person's withdrawal), designation agreements
            transferThenWithdrawal();
            transferThenWithdrawal();
            closedOnTime(10);
            for (int no : new int[] {25, 26}) {
                int a = range(0, Math.max(0, d - 24));
                start(no, a).act(a, CaseAction.ACCEPT).act(a + range(6, 10), CaseAction.EVALUATE)
                        .advance(a + range(12, 16), CaseState.NEGOTIATING).advance(a + range(18, 23), CaseState.CLOSED);
            }

            // ---- waiting at the window (待受理): today's applications, an unbalanced settlement, a missing material
            for (int no : new int[] {17, 3, 25, 12, 20}) {
                start(no, d);
            }
            // a pharmacy's application received some days ago: the 5-working-day limit to tell what is missing runs
            start(26, Math.max(0, d - 4));
            PlannedCase unbalanced = start(27, d - 1);
            unbalanced.reconciled = unbalanced.declared.minus(Money.ofFen(range(50_000, 900_000)));
            new PlannedCase(18, null, d, requiredMaterial(18));
            // ---- 补正中 before acceptance (clock not started)
            waitingForMaterials(18, 3);
            waitingForMaterials(11, 2);
            waitingForMaterials(24, 5);
            waitingForMaterials(26, 4);
            // ---- 补正中 after acceptance (暂停计时)
            paused(25, 12, 5);
            paused(26, 9, 3);
            // ---- open in the review stages, in every deadline status
            open(16, CaseState.ACCEPTED, DeadlineStatus.NORMAL);
            open(17, CaseState.ACCEPTED, DeadlineStatus.NEAR);
            open(21, CaseState.ACCEPTED, DeadlineStatus.NORMAL);
            open(23, CaseState.ACCEPTED, DeadlineStatus.NORMAL);
            open(24, CaseState.ACCEPTED, DeadlineStatus.NORMAL);
            open(25, CaseState.ACCEPTED, DeadlineStatus.NORMAL);
            open(26, CaseState.ACCEPTED, DeadlineStatus.NORMAL);
            open(28, CaseState.ACCEPTED, DeadlineStatus.NORMAL);
            open(10, CaseState.ACCEPTED, DeadlineStatus.NORMAL);
            open(19, CaseState.ACCEPTED, DeadlineStatus.OVERDUE);
            open(17, CaseState.REVIEWED, DeadlineStatus.NEAR);
            open(18, CaseState.REVIEWED, DeadlineStatus.NORMAL);
            open(19, CaseState.REVIEWED, DeadlineStatus.OVERDUE);
            open(9, CaseState.REVIEWED, DeadlineStatus.OVERDUE);
            open(22, CaseState.REVIEWED, DeadlineStatus.NORMAL);
            open(24, CaseState.REVIEWED, DeadlineStatus.NEAR);
            open(27, CaseState.REVIEWED, DeadlineStatus.NORMAL);
            open(18, CaseState.RECHECKED, DeadlineStatus.OVERDUE);
            open(20, CaseState.RECHECKED, DeadlineStatus.NEAR);
            open(21, CaseState.RECHECKED, DeadlineStatus.NORMAL);
            open(28, CaseState.RECHECKED, DeadlineStatus.NORMAL);
            open(17, CaseState.RECHECKED, DeadlineStatus.NORMAL);
            open(16, CaseState.REVIEWED, DeadlineStatus.NEAR);
            open(19, CaseState.PAID, DeadlineStatus.NORMAL);
            open(22, CaseState.RECHECKED, DeadlineStatus.OVERDUE);
            open(23, CaseState.REVIEWED, DeadlineStatus.NEAR);
            open(24, CaseState.PAID, DeadlineStatus.NORMAL);
            open(27, CaseState.APPROVED, DeadlineStatus.NORMAL);
            open(17, CaseState.PAID, DeadlineStatus.NEAR);
            open(20, CaseState.PAID, DeadlineStatus.NORMAL);
            open(28, CaseState.PAID, DeadlineStatus.NORMAL);
            open(23, CaseState.PAID, DeadlineStatus.OVERDUE);
            // ---- transfers on their way: transferred out recently and long ago, transferred in
            start(10, d - 6).act(d - 6, CaseAction.ACCEPT).act(d - 1, CaseAction.TRANSFER_OUT);
            start(10, d - 18).act(d - 18, CaseAction.ACCEPT).act(d - 11, CaseAction.TRANSFER_OUT);
            start(10, d - 12).act(d - 12, CaseAction.ACCEPT).act(d - 8, CaseAction.TRANSFER_OUT).act(d - 5, CaseAction.TRANSFER_IN);
            start(10, d - 8).act(d - 8, CaseAction.ACCEPT).act(d - 5, CaseAction.TRANSFER_OUT).act(d, CaseAction.TRANSFER_IN);
            // ---- designation applications: rectifying, publicized, negotiating
            for (int no : new int[] {25, 26}) {
                int a = d - range(16, 22);
                start(no, a).act(a, CaseAction.ACCEPT).act(a + range(8, 12), CaseAction.EVALUATE_FAIL,
                        List.of(pick(WORDS.list("reasons.evaluateFail"))));
            }
            start(25, d - 18).act(d - 18, CaseAction.ACCEPT).act(d - 2, CaseAction.EVALUATE);
            // re-evaluation only 3 months after the result was delivered: inside the sandbox's window it stays 整改中
            start(26, d - 26).act(d - 26, CaseAction.ACCEPT).act(d - 20, CaseAction.EVALUATE_FAIL,
                    List.of(pick(WORDS.list("reasons.evaluateFail"))));
            start(25, d - 25).act(d - 25, CaseAction.ACCEPT).act(d - 12, CaseAction.EVALUATE)
                    .act(d - 5, CaseAction.PUBLICIZE);
            start(26, d - 22).act(d - 22, CaseAction.ACCEPT).act(d - 10, CaseAction.EVALUATE)
                    .act(d - 3, CaseAction.PUBLICIZE);

            // ---- 不予受理
            for (int no : new int[] {16, 17, 21, 23, 24, 8}) {
                refusedAtIntake(no);
            }
            for (int no : new int[] {12, 18, 24}) {
                refusedAfterSupplement(no);
            }
            // ---- 未通过, at each kind of stage
            rejectedAfter(16, CaseState.ACCEPTED);
            rejectedAfter(17, CaseState.REVIEWED);
            rejectedAfter(18, CaseState.REVIEWED);
            rejectedAfter(24, CaseState.ACCEPTED);
            rejectedAfter(9, CaseState.ACCEPTED);
            rejectedAfter(27, CaseState.REVIEWED);
            rejectedAfter(20, CaseState.ACCEPTED);
            rejectedAfter(10, CaseState.TRANSFERRED_OUT);
            int a = d - 24;
            start(25, a).act(a, CaseAction.ACCEPT).act(a + 6, CaseAction.EVALUATE_FAIL,
                    List.of(pick(WORDS.list("reasons.evaluateFail")))).reject(d - 2);
            start(26, d - 20).act(d - 20, CaseAction.ACCEPT).act(d - 9, CaseAction.EVALUATE).reject(d - 6);
            start(25, d - 28).act(d - 28, CaseAction.ACCEPT).act(d - 16, CaseAction.EVALUATE)
                    .act(d - 10, CaseAction.PUBLICIZE).reject(d - 4);

            // ---- notes (备注) on some cases, on the day of their last step
            for (PlannedCase c : cases) {
                if (rnd.nextInt(100) < 15) {
                    c.note(c.lastDay, pick(WORDS.list("notes")));
                }
            }
        }

        // ------------------------------------------------------------------------------------------- execution

        private void execute() {
            List<Event> events = new ArrayList<>();
            LocalTime nowTime = LocalTime.ofInstant(realNow, Desk.ZONE);
            boolean todayIsLast = days.get(last).equals(today);
            int end = Math.max(0, nowTime.toSecondOfDay() - 60);
            int begin = Math.max(0, Math.min(OPEN, end - 3600));
            for (PlannedCase c : cases) {
                int day = -1;
                int second = 0;
                for (int i = 0; i < c.steps.size(); i++) {
                    Step s = c.steps.get(i);
                    if (s.day() != day) {
                        day = s.day();
                        second = OPEN + rnd.nextInt(LAST_START - OPEN);
                    } else {
                        second += 120 + rnd.nextInt(1500);
                    }
                    int at = Math.min(second, CLOSE);
                    if (todayIsLast && day == last) {
                        at = begin + (int) ((long) (at - OPEN) * (end - begin) / (CLOSE - OPEN));
                    }
                    events.add(new Event(day, at, c.order, i));
                }
            }
            events.sort(Comparator.comparingInt(Event::day).thenComparingInt(Event::second)
                    .thenComparingInt(Event::caseOrder).thenComparingInt(Event::stepIndex));
            for (Event e : events) {
                clock.set(days.get(e.day()).atStartOfDay(Desk.ZONE).plusSeconds(e.second()).toInstant());
                perform(cases.get(e.caseOrder()), e.stepIndex());
            }
        }

        private Actor actor(Role role, PlannedCase c) {
            if (role == Role.CLERK) {
                return c.clerk;
            }
            Actor a = byRole.get(role);
            if (a == null) {
                throw new IllegalStateException("no training account with role " + role);
            }
            return a;
        }

        private void perform(PlannedCase c, int index) {
            Step s = c.steps.get(index);
            Actor actor = actor(s.role(), c);
            CaseService cs = desk.cases();
            try {
                switch (s.kind()) {
                    case RECEIVE -> c.caseNo = cs.create(new NewCase(c.item.no(), c.who.applicant(), c.fields,
                            c.materials, c.channel, c.declared, c.reconciled), actor).summary().caseNo();
                    // amounts above the large-amount line are confirmed, as the clerk does in the window's dialog
                    case ACT -> cs.act(c.caseNo, new Command(s.action(), s.reasons(), s.amount(), true), null, actor);
                    case MATERIALS -> cs.updateMaterials(c.caseNo, s.materials(), actor);
                    case NOTE -> cs.addNote(c.caseNo, s.text(), actor);
                }
            } catch (ServiceException e) {
                throw new ServiceException(Texts.get("sandbox.seedFailed", String.valueOf(c.order + 1),
                        String.valueOf(c.item.no()), s.kind() == StepKind.ACT ? s.action().name() : s.kind().name(),
                        e.getMessage()));
            }
        }
    }
}
