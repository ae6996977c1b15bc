package org.ybdesk.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.db.AuditLog;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SetupService;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The case-file core at production scale: a fresh desk, a million synthetic insured persons and 100,000 open case
 * files bulk-loaded, then the latency of what a clerk waits for (ID lookup, a committed step, the due list, person
 * search) and of the audit chain check. Prints a Markdown report. Not a test: run it with {@code ./bench.sh}.
 */
@CommandLine.Command(name = "ybdesk-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loads synthetic data into a fresh desk and measures the case-file core (Markdown on stdout).")
public final class Bench implements Callable<Integer> {
    /** The fixed "today" of the run: the shipped working calendar knows 2025 and 2026 only. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    /** Item 8 参保人员参保信息查询: instant, one material, fields answered by the applicant's identity. */
    static final int INSTANT_ITEM = 8;
    /** A slow operation stops sampling after this long (once it has 10 samples), so a regression cannot hang the run. */
    static final long BUDGET_NANOS = 60_000_000_000L;
    private static final String ADMIN_PASSWORD = "Bench2026admin";
    private static final String CLERK_PASSWORD = "Bench2026clerk";

    @Option(names = "--persons", defaultValue = "1000000", description = "insured persons to generate (${DEFAULT-VALUE})")
    long persons;
    @Option(names = "--units", defaultValue = "5000", description = "units to generate (${DEFAULT-VALUE})")
    int units;
    @Option(names = "--open-cases", defaultValue = "100000", description = "open case files to generate (${DEFAULT-VALUE})")
    int openCases;
    @Option(names = "--samples", defaultValue = "2000",
            description = "samples for the fast operations (${DEFAULT-VALUE}); slow ones take samples/20, at least 10, "
                    + "and stop after 60 s")
    int samples;
    @Option(names = "--data-dir", description = "data folder (must be empty or absent; kept). Default: a temporary "
            + "folder deleted at the end")
    Path dataDir;
    @Option(names = "--out", description = "also write the Markdown report to this file")
    Path out;
    @Option(names = "--seed", defaultValue = "20261125", description = "random seed (${DEFAULT-VALUE})")
    long seed;

    private final List<Row> rows = new ArrayList<>();
    private PrintStream console;

    /** One line of the latency table; {@code targetMs} applies to p95. */
    private record Row(String operation, Samples s, Double targetMs, String note) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (persons < 1 || persons > Synthetic.SPACE || units < 1 || openCases < 0 || samples < 1) {
            System.err.println("persons must be 1.." + Synthetic.SPACE + ", units >= 1, open-cases >= 0, samples >= 1");
            return 2;
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("ybdesk-bench") : dataDir;
        if (!temporary && Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    System.err.println("--data-dir must be empty or absent: " + dir);
                    return 2;
                }
            }
        }
        try {
            String report = run(dir);
            console.print(report);
            if (out != null) {
                Files.writeString(out, report, StandardCharsets.UTF_8);
            }
            return 0;
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private void progress(String text) {
        System.err.printf(Locale.ROOT, "[bench %s] %s%n", LocalTime.now().withNano(0), text);
    }

    private String run(Path dir) throws Exception {
        Clock clock = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), Desk.ZONE).toInstant(), Desk.ZONE);
        long started = System.nanoTime();
        Synthetic syn = new Synthetic(seed, units);
        List<DataLoader.Timing> timings = new ArrayList<>();
        DataLoader.CaseMix mix;
        Path dbFile;
        // ---------------------------------------------------------------- 1. setup and data
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION, clock)) {
            desk.setup().initAgency(new SetupService.AgencySetup("230102", "230102", "哈尔滨市道里区医疗保障服务中心",
                    null, "0451-84661234"), null);
            desk.users().add("admin", "系统管理员", ADMIN_PASSWORD, EnumSet.of(Role.ADMIN), Synthetic.staffId(1), null);
            Actor admin = desk.users().login("admin", ADMIN_PASSWORD);
            desk.users().add("clerk01", "王晓燕", CLERK_PASSWORD, EnumSet.of(Role.CLERK, Role.REVIEWER),
                    Synthetic.staffId(2), admin);
            Actor clerk = desk.users().login("clerk01", CLERK_PASSWORD);
            DataLoader loader = new DataLoader(desk, syn, seed);
            progress("loading " + units + " units");
            timings.add(loader.loadUnits(units));
            progress("loading " + persons + " persons");
            timings.add(loader.loadPersons(persons));
            progress("loading " + openCases + " open case files");
            timings.add(loader.loadCases(openCases, persons, units, clerk.id()));
            mix = loader.caseMix();
            dbFile = desk.db().folder().resolve("ybdesk.mv.db");
        }
        long sizeLoaded = Files.size(dbFile);
        progress("data loaded in " + seconds(System.nanoTime() - started) + " s; compacting");
        long compactStart = System.nanoTime();
        // through the database layer: the file is encrypted (a plain JDBC URL reads its header as corrupt)
        org.ybdesk.db.Database.compactClosed(dbFile.getParent());
        long compactNanos = System.nanoTime() - compactStart;
        long sizeCompacted = Files.size(dbFile);
        progress("compacted in " + seconds(compactNanos) + " s; measuring");

        // ---------------------------------------------------------------- 2. measurements on a reopened desk
        int slow = Math.max(10, samples / 20);
        int nearOrOverdue;
        int allRunning;
        long heap;
        long sizeOpen;
        String loadBefore = loadAverage();
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION, clock)) {
            Actor clerk = desk.users().login("clerk01", CLERK_PASSWORD);
            SplittableRandom rnd = new SplittableRandom(seed + 1);

            // a. ID lookup
            Supplier<String> randomId = () -> Synthetic.residentId(rnd.nextLong(persons));
            for (int i = 0; i < 1000; i++) {
                desk.registry().findPerson(randomId.get());
            }
            Samples lookup = new Samples();
            for (int i = 0; i < samples; i++) {
                String id = randomId.get();
                long c0 = Samples.cpuNow();
                long t0 = System.nanoTime();
                var found = desk.registry().findPerson(id);
                lookup.add(System.nanoTime() - t0, Samples.cpuNow() - c0);
                if (found.isEmpty()) {
                    throw new IllegalStateException("generated person not found: " + id);
                }
            }
            rows.add(new Row("**ID lookup `registry().findPerson(id)`**", lookup, 2.0,
                    "random existing 居民身份证 number"));
            progress("ID lookup done");

            // b. intake and committed steps
            Samples create = new Samples();
            Samples accept = new Samples();
            Samples close = new Samples();
            for (int i = 0; i < 100; i++) {
                instantCase(desk, clerk, rnd, null, null, null);
            }
            for (int i = 0; i < samples; i++) {
                instantCase(desk, clerk, rnd, create, accept, close);
            }
            rows.add(new Row("case intake `cases().create(...)` (item 8)", create, null,
                    "case + timeline + audit + outbox in one transaction, then show()"));
            rows.add(new Row("committed step `cases().act(ACCEPT)`", accept, null,
                    "state + timeline + audit + outbox in one transaction, then show()"));
            rows.add(new Row("committed step `cases().act(CLOSE)`", close, null,
                    "as above, plus the applicant's message"));
            rows.add(new Row("**committed step, all `act()` calls**", accept.merge(close), 10.0,
                    "ACCEPT and CLOSE together"));
            progress("create/act done");

            // c. due list
            CaseService cases = desk.cases();
            nearOrOverdue = cases.dueList(false, Integer.MAX_VALUE).size();
            allRunning = cases.dueList(true, Integer.MAX_VALUE).size();
            for (int i = 0; i < 3; i++) {
                cases.dueList(false, 1000);
                cases.dueList(true, 1000);
            }
            int[] returned = new int[3];
            Samples dueNear = time(slow, () -> returned[0] = desk.cases().dueList(false, 1000).size());
            rows.add(new Row("**due list `dueList(false, 1000)`** (near + overdue)", dueNear, 100.0,
                    returned[0] + " rows returned; " + nearOrOverdue + " near or overdue in all"));
            Samples dueAll = time(slow, () -> returned[1] = desk.cases().dueList(true, 1000).size());
            rows.add(new Row("due list `dueList(true, 1000)`", dueAll, null, returned[1] + " rows returned"));
            Samples dueEverything = time(5, () -> returned[2] = desk.cases().dueList(true, Integer.MAX_VALUE).size());
            rows.add(new Row("due list `dueList(true, all)`", dueEverything, null,
                    returned[2] + " rows returned (every running clock)"));
            progress("due lists done");

            // d. search and audit chain
            List<Long> hits = new ArrayList<>();
            Supplier<Long> randomPerson = () -> rnd.nextLong(persons);
            Samples byName = searchSamples(desk, slow, () -> syn.personName(randomPerson.get()).substring(0, 2), hits);
            rows.add(new Row("person search, name prefix (2 characters)", byName, null,
                    "`searchPersons(\"王秀\", 50)`-style; median hits " + median(hits)));
            hits.clear();
            Samples byInitials = searchSamples(desk, slow, () -> syn.initials(syn.personName(randomPerson.get())), hits);
            rows.add(new Row("person search, pinyin initials", byInitials, null,
                    "`searchPersons(\"wxy\", 50)`-style; median hits " + median(hits)));
            hits.clear();
            Samples byIdPrefix = searchSamples(desk, slow,
                    () -> Synthetic.residentId(randomPerson.get()).substring(0, 10), hits);
            rows.add(new Row("person search, ID prefix (10 digits)", byIdPrefix, null,
                    "region + birth year; median hits " + median(hits)));
            progress("searches done");

            AuditLog.Verification[] v = new AuditLog.Verification[1];
            AuditLog.verify(desk.db().dsl());
            Samples audit = time(3, () -> v[0] = AuditLog.verify(desk.db().dsl()));
            if (!v[0].ok()) {
                throw new IllegalStateException("audit chain broken at " + v[0].firstBadSeq());
            }
            rows.add(new Row("audit chain verification `AuditLog.verify`", audit, null, v[0].rows() + " audit rows"));

            // e. resources
            heap = heapAfterGc();
            sizeOpen = Files.size(dbFile);
        }
        long sizeEnd = Files.size(dbFile);
        String loadAfter = loadAverage();
        progress("done in " + seconds(System.nanoTime() - started) + " s");

        // ---------------------------------------------------------------- report
        StringBuilder md = new StringBuilder();
        md.append("## Case-file core benchmark\n\n");
        md.append("- run: ").append(LocalDateTime.now().withNano(0)).append(", Java ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("), ").append(Runtime.getRuntime().availableProcessors()).append(" processors, max heap ")
                .append(mb(Runtime.getRuntime().maxMemory())).append(" MB\n");
        md.append("- data: ").append(String.format(Locale.ROOT, "%,d", persons)).append(" persons, ")
                .append(String.format(Locale.ROOT, "%,d", units)).append(" units, ")
                .append(String.format(Locale.ROOT, "%,d", openCases)).append(" open case files; fixed today ")
                .append(TODAY).append("; seed ").append(seed).append("; samples ").append(samples)
                .append(" (slow operations ").append(slow).append(")\n");
        md.append("- measured on the desk reopened after the bulk load and `SHUTDOWN COMPACT` (a desk opened in the "
                + "morning), after warm-up\n");
        md.append("- system load average (1/5/15 min) when measuring started: ").append(loadBefore)
                .append("; when it ended: ").append(loadAfter);
        if (busy(loadBefore) || busy(loadAfter)) {
            md.append(" — above the number of processors: other programs competed for the CPU (compare the CPU "
                    + "columns)");
        }
        md.append("\n\n");
        md.append("### Data generation (bulk JDBC batches, ").append(DataLoader.CHUNK)
                .append(" rows per transaction)\n\n");
        md.append("| table | rows | seconds | rows/s |\n|---|---:|---:|---:|\n");
        for (DataLoader.Timing t : timings) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f |%n", t.what(), t.rows(), t.seconds(),
                    t.rowsPerSecond()));
        }
        md.append("\nOpen case files by state: ");
        md.append(String.join(", ", mix.byState().entrySet().stream()
                .sorted(Map.Entry.<CaseState, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(e -> e.getKey().name() + " " + e.getValue()).toList()));
        md.append(String.format(Locale.ROOT, ". Overdue %,d; due within %d working days %,d; due date beyond the "
                        + "known calendar (left empty) %,d. Running clocks listed by `dueList(true)`: %,d "
                        + "(after the benchmark's own instant cases were closed).%n%n",
                mix.overdue(), org.ybdesk.core.calendar.DeadlineEngine.NEAR_WORKING_DAYS, mix.dueWithinNear(),
                mix.withoutDueDate(), allRunning));
        md.append("### Latencies (ms, wall clock; targets apply to p95)\n\n");
        md.append("*CPU p50/p95*: the same calls' CPU time in the calling thread, which leaves out waiting for a "
                + "processor; where wall p95 is far above CPU p95, the tail came from other programs on the machine.\n\n");
        md.append("| operation | samples | p50 | p95 | p99 | max | CPU p50 | CPU p95 | target | met | note |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        for (Row r : rows) {
            String target = r.targetMs() == null ? "" : "< " + fmt(r.targetMs());
            String met = r.targetMs() == null ? "" : r.s().percentileMs(95) < r.targetMs() ? "yes" : "**no**";
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.operation(), r.s().count(), fmt(r.s().percentileMs(50)), fmt(r.s().percentileMs(95)),
                    fmt(r.s().percentileMs(99)), fmt(r.s().maxMs()), fmt(r.s().cpuPercentileMs(50)),
                    fmt(r.s().cpuPercentileMs(95)), target, met, r.note()));
        }
        md.append("\n### Resources\n\n| measure | value |\n|---|---:|\n");
        md.append("| heap used after GC (desk open, after the measurements) | ").append(mb(heap)).append(" MB |\n");
        md.append("| database file after the bulk load (closed normally) | ").append(mb(sizeLoaded)).append(" MB |\n");
        md.append("| database file after `SHUTDOWN COMPACT` (took ").append(seconds(compactNanos)).append(" s) | ")
                .append(mb(sizeCompacted)).append(" MB |\n");
        md.append("| database file at the end, open / closed | ").append(mb(sizeOpen)).append(" / ")
                .append(mb(sizeEnd)).append(" MB |\n");
        md.append("| total run time | ").append(seconds(System.nanoTime() - started)).append(" s |\n");
        return md.toString();
    }

    /** Takes in an instant application for a random person, accepts and closes it; records the times if asked. */
    private void instantCase(Desk desk, Actor clerk, SplittableRandom rnd, Samples create, Samples accept,
                             Samples close) {
        String id = Synthetic.residentId(rnd.nextLong(persons));
        var req = new CaseService.NewCase(INSTANT_ITEM, new CaseService.Applicant(IdType.RESIDENT_ID, id, null, null),
                Map.of(), Map.of(1, MaterialStatus.PAPER), null, null, null);
        try {
            long c0 = Samples.cpuNow();
            long t0 = System.nanoTime();
            String caseNo = desk.cases().create(req, clerk).summary().caseNo();
            long t1 = System.nanoTime();
            long c1 = Samples.cpuNow();
            desk.cases().act(caseNo, Command.of(CaseAction.ACCEPT), null, clerk);
            long t2 = System.nanoTime();
            long c2 = Samples.cpuNow();
            var done = desk.cases().act(caseNo, Command.of(CaseAction.CLOSE), null, clerk);
            long t3 = System.nanoTime();
            long c3 = Samples.cpuNow();
            if (done.summary().state() != CaseState.CLOSED) {
                throw new IllegalStateException("case " + caseNo + " not closed: " + done.summary().state());
            }
            if (create != null) {
                create.add(t1 - t0, c1 - c0);
                accept.add(t2 - t1, c2 - c1);
                close.add(t3 - t2, c3 - c2);
            }
        } catch (ServiceException e) {
            throw new IllegalStateException("case refused for " + id + ": " + e.getMessage(), e);
        }
    }

    private static Samples searchSamples(Desk desk, int n, Supplier<String> query, List<Long> hits) {
        for (int i = 0; i < 5; i++) {
            desk.registry().searchPersons(query.get(), 50);
        }
        Samples s = new Samples();
        long budgetEnd = System.nanoTime() + BUDGET_NANOS;
        for (int i = 0; i < n && (i < 10 || System.nanoTime() < budgetEnd); i++) {
            String q = query.get();
            long c0 = Samples.cpuNow();
            long t0 = System.nanoTime();
            int found = desk.registry().searchPersons(q, 50).size();
            s.add(System.nanoTime() - t0, Samples.cpuNow() - c0);
            hits.add((long) found);
        }
        return s;
    }

    private static Samples time(int n, Runnable r) {
        Samples s = new Samples();
        long budgetEnd = System.nanoTime() + BUDGET_NANOS;
        for (int i = 0; i < n && (i < 10 || System.nanoTime() < budgetEnd); i++) {
            long c0 = Samples.cpuNow();
            long t0 = System.nanoTime();
            r.run();
            s.add(System.nanoTime() - t0, Samples.cpuNow() - c0);
        }
        return s;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    /** The 1, 5 and 15 minute load averages (Linux), or what the JVM knows. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
        }
    }

    /** Whether a load average (first figure) exceeds the processors the JVM sees. */
    private static boolean busy(String load) {
        try {
            return Double.parseDouble(load.split(" ")[0]) > Runtime.getRuntime().availableProcessors();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
                : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f", bytes / (1024.0 * 1024.0));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** Deletes a folder and everything in it (a benchmark's data); nothing when it is not there. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
