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

    @Option(names = "--persons", defaultValue = "1000000", description = "insured persons to generate (${DEFAULT-VALUE})")
    long persons;
    @Option(names = "--units", defaultValue = "5000", description = "units to generate (${DEFAULT-VALUE})")
    int units;
    @Option(names = "--open-cases", defaultValue = "100000", description = "open case files to generate (${DEFAULT-VALUE})")
    int openCases;
    @Option(names = "--samples", defaultValue = "2000",
            description = "samples for the fast operations (${DEFAULT-VALUE}); slow ones take samples/20, at least 10")
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
        StringBuilder md = new StringBuilder();
        long started = System.nanoTime();
        final Desk desk = Desk.open(dir, Mode.PRODUCTION, clock);
        boolean closed = false;
        try {
            desk.setup().initAgency(new SetupService.AgencySetup("230102", "230102", "哈尔滨市道里区医疗保障服务中心",
                    null, "0451-84661234"), null);
            desk.users().add("admin", "系统管理员", "Bench2026admin", EnumSet.of(Role.ADMIN), null);
            Actor admin = desk.users().login("admin", "Bench2026admin");
            desk.users().add("clerk01", "王晓燕", "Bench2026clerk", EnumSet.of(Role.CLERK, Role.REVIEWER), admin);
            Actor clerk = desk.users().login("clerk01", "Bench2026clerk");

            // ---------------------------------------------------------------- data
            Synthetic syn = new Synthetic(seed, units);
            DataLoader loader = new DataLoader(desk, syn, seed);
            List<DataLoader.Timing> timings = new ArrayList<>();
            progress("loading " + units + " units");
            timings.add(loader.loadUnits(units));
            progress("loading " + persons + " persons");
            timings.add(loader.loadPersons(persons));
            progress("loading " + openCases + " open case files");
            timings.add(loader.loadCases(openCases, persons, units, clerk.id()));
            progress("data loaded in " + seconds(System.nanoTime() - started) + " s; measuring");

            SplittableRandom rnd = new SplittableRandom(seed + 1);
            int slow = Math.max(10, samples / 20);

            // ---------------------------------------------------------------- a. ID lookup
            Supplier<String> randomId = () -> Synthetic.residentId(rnd.nextLong(persons));
            for (int i = 0; i < 1000; i++) {
                desk.registry().findPerson(randomId.get());
            }
            Samples lookup = new Samples();
            for (int i = 0; i < samples; i++) {
                String id = randomId.get();
                long t0 = System.nanoTime();
                var found = desk.registry().findPerson(id);
                lookup.add(System.nanoTime() - t0);
                if (found.isEmpty()) {
                    throw new IllegalStateException("generated person not found: " + id);
                }
            }
            rows.add(new Row("ID lookup `registry().findPerson(id)`", lookup, 2.0, "random existing 居民身份证 number"));
            progress("ID lookup done");

            // ---------------------------------------------------------------- b. create + act
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
                    "insert + timeline + audit + outbox, then show()"));
            rows.add(new Row("committed step `cases().act(ACCEPT)`", accept, null,
                    "state + timeline + audit + outbox in one transaction, then show()"));
            rows.add(new Row("committed step `cases().act(CLOSE)`", close, null, "as above, plus the applicant's message"));
            rows.add(new Row("**committed step, all `act()` calls**", accept.merge(close), 10.0,
                    "ACCEPT and CLOSE together"));
            progress("create/act done");

            // ---------------------------------------------------------------- c. due list
            CaseService cases = desk.cases();
            int nearOrOverdue = cases.dueList(false, Integer.MAX_VALUE).size();
            int allRunning = cases.dueList(true, Integer.MAX_VALUE).size();
            for (int i = 0; i < 5; i++) {
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

            // ---------------------------------------------------------------- d. search + audit
            List<Long> picks = new ArrayList<>();
            Supplier<Long> randomPerson = () -> rnd.nextLong(persons);
            Samples byName = searchSamples(desk, slow, () -> {
                String name = syn.personName(randomPerson.get());
                return name.substring(0, 2);
            }, picks);
            rows.add(new Row("person search, name prefix (2 characters)", byName, null,
                    "`searchPersons(\"王秀\", 50)`-style; median hits " + median(picks)));
            picks.clear();
            Samples byInitials = searchSamples(desk, slow, () -> syn.initials(syn.personName(randomPerson.get())),
                    picks);
            rows.add(new Row("person search, pinyin initials", byInitials, null,
                    "`searchPersons(\"wxy\", 50)`-style; median hits " + median(picks)));
            picks.clear();
            Samples byIdPrefix = searchSamples(desk, slow, () -> Synthetic.residentId(randomPerson.get()).substring(0, 10),
                    picks);
            rows.add(new Row("person search, ID prefix (10 digits)", byIdPrefix, null,
                    "region + birth year; median hits " + median(picks)));
            progress("searches done");

            AuditLog.Verification[] v = new AuditLog.Verification[1];
            AuditLog.verify(desk.db().dsl());
            Samples audit = time(3, () -> v[0] = AuditLog.verify(desk.db().dsl()));
            if (!v[0].ok()) {
                throw new IllegalStateException("audit chain broken at " + v[0].firstBadSeq());
            }
            rows.add(new Row("audit chain verification `AuditLog.verify`", audit, null, v[0].rows() + " audit rows"));

            // ---------------------------------------------------------------- e. resources
            long heap = heapAfterGc();
            long maxHeap = Runtime.getRuntime().maxMemory();
            Path file = desk.db().folder().resolve("ybdesk.mv.db");
            long dbOpen = Files.size(file);
            desk.close();
            closed = true;
            long dbClosed = Files.size(file);
            progress("done in " + seconds(System.nanoTime() - started) + " s");

            // ---------------------------------------------------------------- report
            md.append("## Case-file core benchmark\n\n");
            md.append("- run: ").append(LocalDateTime.now().withNano(0)).append(", Java ")
                    .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                    .append("), ").append(Runtime.getRuntime().availableProcessors()).append(" processors, max heap ")
                    .append(mb(maxHeap)).append(" MB\n");
            md.append("- data: ").append(String.format(Locale.ROOT, "%,d", persons)).append(" persons, ")
                    .append(String.format(Locale.ROOT, "%,d", units)).append(" units, ")
                    .append(String.format(Locale.ROOT, "%,d", openCases)).append(" open case files; fixed today ")
                    .append(TODAY).append("; seed ").append(seed).append("; samples ").append(samples)
                    .append(" (slow operations ").append(slow).append(")\n\n");
            md.append("### Data generation (bulk JDBC batches, ").append(DataLoader.CHUNK)
                    .append(" rows per transaction)\n\n");
            md.append("| table | rows | seconds | rows/s |\n|---|---:|---:|---:|\n");
            for (DataLoader.Timing t : timings) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f |%n", t.what(), t.rows(), t.seconds(),
                        t.rowsPerSecond()));
            }
            DataLoader.CaseMix mix = loader.caseMix();
            md.append("\nOpen case files by state: ");
            md.append(String.join(", ", mix.byState().entrySet().stream()
                    .sorted(Map.Entry.<CaseState, Integer>comparingByValue(Comparator.reverseOrder()))
                    .map(e -> e.getKey().name() + " " + e.getValue()).toList()));
            md.append(String.format(Locale.ROOT, ". Overdue %,d; due within %d working days %,d; due date beyond the "
                            + "known calendar (left empty) %,d. Running clocks listed by `dueList(true)`: %,d.%n%n",
                    mix.overdue(), org.ybdesk.core.calendar.DeadlineEngine.NEAR_WORKING_DAYS, mix.dueWithinNear(),
                    mix.withoutDueDate(), allRunning));
            md.append("### Latencies (ms; targets apply to p95)\n\n");
            md.append("| operation | samples | p50 | p95 | p99 | max | target | met | note |\n");
            md.append("|---|---:|---:|---:|---:|---:|---|---|---|\n");
            for (Row r : rows) {
                String target = r.targetMs() == null ? "" : "< " + fmt(r.targetMs());
                String met = r.targetMs() == null ? "" : r.s().percentileMs(95) < r.targetMs() ? "yes" : "**no**";
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |%n", r.operation(),
                        r.s().count(), fmt(r.s().percentileMs(50)), fmt(r.s().percentileMs(95)),
                        fmt(r.s().percentileMs(99)), fmt(r.s().maxMs()), target, met, r.note()));
            }
            md.append("\n### Resources\n\n| measure | value |\n|---|---:|\n");
            md.append("| heap used after GC (data loaded, desk open) | ").append(mb(heap)).append(" MB |\n");
            md.append("| database file `ybdesk.mv.db`, open | ").append(mb(dbOpen)).append(" MB |\n");
            md.append("| database file after close (H2 compacts on SHUTDOWN) | ").append(mb(dbClosed)).append(" MB |\n");
            md.append("| total run time | ").append(seconds(System.nanoTime() - started)).append(" s |\n");
            return md.toString();
        } finally {
            if (!closed) {
                desk.close();
            }
        }
    }

    /** Takes in an instant application for a random person, accepts and closes it; records the times if asked. */
    private void instantCase(Desk desk, Actor clerk, SplittableRandom rnd, Samples create, Samples accept,
                             Samples close) {
        String id = Synthetic.residentId(rnd.nextLong(persons));
        var req = new CaseService.NewCase(INSTANT_ITEM, new CaseService.Applicant(IdType.RESIDENT_ID, id, null, null),
                Map.of(), Map.of(1, MaterialStatus.PAPER), null, null, null);
        try {
            long t0 = System.nanoTime();
            String caseNo = desk.cases().create(req, clerk).summary().caseNo();
            long t1 = System.nanoTime();
            desk.cases().act(caseNo, Command.of(CaseAction.ACCEPT), null, clerk);
            long t2 = System.nanoTime();
            var done = desk.cases().act(caseNo, Command.of(CaseAction.CLOSE), null, clerk);
            long t3 = System.nanoTime();
            if (done.summary().state() != CaseState.CLOSED) {
                throw new IllegalStateException("case " + caseNo + " not closed: " + done.summary().state());
            }
            if (create != null) {
                create.add(t1 - t0);
                accept.add(t2 - t1);
                close.add(t3 - t2);
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
        for (int i = 0; i < n; i++) {
            String q = query.get();
            long t0 = System.nanoTime();
            int found = desk.registry().searchPersons(q, 50).size();
            s.add(System.nanoTime() - t0);
            hits.add((long) found);
        }
        return s;
    }

    private static Samples time(int n, Runnable r) {
        Samples s = new Samples();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            r.run();
            s.add(System.nanoTime() - t0);
        }
        return s;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
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

    private static void deleteTree(Path dir) {
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
