package org.ybdesk.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.ybdesk.db.Database;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The crash campaign ({@code ./bench.sh crash --kills N}): runs {@link CrashHarness} in a child JVM on a data folder,
 * kills it with SIGKILL at a random moment, reads every commit it confirmed from its stdout, reopens the folder
 * through the desk's own {@code Desk.open} and checks that every confirmed commit is there, that the folder opens at
 * all, and that no case number was ever issued twice on it. Three phases:
 * <ol>
 * <li><b>new</b>: one new data folder, reused across its kills (so it ages through its own crashes);</li>
 * <li><b>aged</b>: a folder first aged (commits, crashes, a long run closed normally, then {@code SHUTDOWN COMPACT})
 * so the file has free space to reuse, then killed repeatedly;</li>
 * <li><b>migration</b>: a folder with data at an older schema version (Flyway {@code target}), killed while the
 * harness opens and migrates it.</li>
 * </ol>
 * A measurement, not a test: it exits 0 whatever it finds and ends with one line
 * {@code confirmed=<n> lost=<m> unopenable=<k> reused_numbers=<r>}. Results and how to read them:
 * docs/RELIABILITY.md.
 */
@CommandLine.Command(name = "crash", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Kills the desk (kill -9) at random moments and checks every confirmed commit survived.")
public final class CrashCampaign implements Callable<Integer> {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    /** How releases up to schema V6 opened their file (no encryption): the migration phase's old folders. */
    static final String LEGACY_URL_PREFIX = "jdbc:h2:file:";
    static final String LEGACY_URL_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    static final String SUMMARY_FORMAT = "confirmed=%d lost=%d unopenable=%d reused_numbers=%d";
    private static final Pattern SUMMARY = Pattern.compile(
            "^confirmed=(\\d+) lost=(\\d+) unopenable=(\\d+) reused_numbers=(\\d+)$");

    @Option(names = "--kills", defaultValue = "60",
            description = "kills in all phases (${DEFAULT-VALUE}); the new folder gets what aged and migration leave")
    int kills;
    @Option(names = "--aged-kills", defaultValue = "-1", description = "kills on the aged folder (default 40% of --kills)")
    int agedKills;
    @Option(names = "--migration-kills", defaultValue = "-1",
            description = "kills during migrations (default 20% of --kills)")
    int migrationKills;
    @Option(names = "--seed", defaultValue = "20261206", description = "random seed (${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--work-dir", description = "folder for the data folders, the CSV and the harness log "
            + "(default: a new temporary folder, kept)")
    Path workDir;
    @Option(names = "--aging-kills", defaultValue = "4", description = "crashes while aging the aged folder (${DEFAULT-VALUE})")
    int agingKills;
    @Option(names = "--aging-commits", defaultValue = "2000",
            description = "commits of the long run that ages the aged folder before its compacting close (${DEFAULT-VALUE})")
    int agingCommits;
    @Option(names = "--aging-run-ms", defaultValue = "30000",
            description = "after the compacting close, commits for this long ended by a kill (${DEFAULT-VALUE})")
    long agingRunMs;
    @Option(names = "--migration-commits", defaultValue = "2000",
            description = "commits in the folder that is taken back to the old schema (${DEFAULT-VALUE})")
    int migrationCommits;
    @Option(names = "--old-schema", defaultValue = "3", description = "Flyway target of the migration phase (${DEFAULT-VALUE})")
    String oldSchema;
    @Option(names = "--max-commit-ms", defaultValue = "10000",
            description = "longest time the harness commits before a kill (${DEFAULT-VALUE}); the shortest is 50 ms")
    long maxCommitMs;
    @Option(names = "--keep-data", description = "keep the data folders (default: deleted, the CSV and log kept)")
    boolean keepData;

    private SplittableRandom rnd;
    private String classPath;
    private Path csv;
    private Path harnessLog;
    private BufferedWriter csvOut;
    private int killNo;
    private int runNo;
    private int dirNo;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    /** Estimated time from "about to open" to "ready" per phase, from the runs that got there. */
    private final Map<String, Long> openEstimate = new HashMap<>();
    private long preOpenEstimate = 1500;

    /** Counts per phase. */
    static final class Tally {
        int kills;
        long confirmed;
        long lost;
        int lostCases;
        int unopenable;
        int reused;
        int dbDuplicates;
        int sigkill;
        long millis;
        final Map<String, Integer> stages = new LinkedHashMap<>();

        void add(Tally t) {
            kills += t.kills;
            confirmed += t.confirmed;
            lost += t.lost;
            lostCases += t.lostCases;
            unopenable += t.unopenable;
            reused += t.reused;
            dbDuplicates += t.dbDuplicates;
            sigkill += t.sigkill;
            millis += t.millis;
            t.stages.forEach((k, v) -> stages.merge(k, v, Integer::sum));
        }
    }

    /** One data folder and what was ever confirmed on it. */
    static final class Folder {
        final Path dir;
        final CrashLedger ledger;

        Folder(Path dir, CrashLedger ledger) {
            this.dir = dir;
            this.ledger = ledger;
        }
    }

    enum Plan { PRE_OPEN, OPEN, COMMIT, LONG }

    /** What the harness printed before it died, and how it died. */
    record RunResult(List<CrashLedger.Line> lines, String stage, int exitCode, long killAfterMs, long runMs) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CrashCampaign()).execute(args));
    }

    /** The summary line. */
    static String summary(long confirmed, long lost, int unopenable, int reused) {
        return String.format(Locale.ROOT, SUMMARY_FORMAT, confirmed, lost, unopenable, reused);
    }

    /** Parses a summary line: {confirmed, lost, unopenable, reused_numbers}, or null if it is not one. */
    static long[] parseSummary(String line) {
        Matcher m = SUMMARY.matcher(line.trim());
        if (!m.matches()) {
            return null;
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))};
    }

    @Override
    public Integer call() throws Exception {
        int aged = agedKills >= 0 ? agedKills : kills * 2 / 5;
        int migration = migrationKills >= 0 ? migrationKills : kills / 5;
        int fresh = kills - aged - migration;
        if (kills < 0 || fresh < 0) {
            System.err.println("--aged-kills + --migration-kills must not exceed --kills");
            return 2;
        }
        rnd = new SplittableRandom(seed);
        // the harness runs on this process's class path: the bench jar (./bench.sh), or the test class path
        classPath = System.getProperty("java.class.path");
        if (workDir == null) {
            workDir = Files.createTempDirectory("ybdesk-crash");
        }
        Files.createDirectories(workDir);
        csv = workDir.resolve("crash-kills.csv");
        // database keys (for desks that encrypt their file) live with the campaign, not in the user's key folder
        System.setProperty("ybdesk.keyDir", workDir.resolve("keys").toAbsolutePath().toString());
        harnessLog = workDir.resolve("harness-stderr.log");
        long started = System.nanoTime();
        progress(String.format(Locale.ROOT, "H2 %s, Java %s; kills: new %d, aged %d, migration %d; seed %d; work dir %s",
                org.h2.engine.Constants.FULL_VERSION, System.getProperty("java.version"), fresh, aged, migration,
                seed, workDir.toAbsolutePath()));
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            csvOut = w;
            w.write("kill,phase,folder,plan,stage_reached,kill_after_ms,run_ms,exit_code,confirmed_creates,"
                    + "confirmed_accepts,lost_creates,lost_accepts,lost_case_nos,reused_new,unopenable,db_cases,"
                    + "db_duplicates,file_bytes,check_error\n");
            w.flush();
            if (fresh > 0) {
                phaseNew(fresh);
            }
            if (aged > 0) {
                phaseAged(aged);
            }
            if (migration > 0) {
                phaseMigration(migration);
            }
        }
        Tally total = new Tally();
        for (var e : tallies.entrySet()) {
            Tally t = e.getValue();
            total.add(t);
            System.out.println(phaseLine(e.getKey(), t));
        }
        System.out.printf(Locale.ROOT, "# H2 %s, Java %s, seed %d, %d kills in %.0f s; per-kill CSV: %s%n",
                org.h2.engine.Constants.FULL_VERSION, System.getProperty("java.version"), seed, total.kills,
                (System.nanoTime() - started) / 1e9, csv.toAbsolutePath());
        System.out.println(summary(total.confirmed, total.lost, total.unopenable, total.reused + total.dbDuplicates));
        if (!keepData) {
            try (Stream<Path> s = Files.list(workDir)) {
                for (Path p : s.filter(Files::isDirectory)
                        .filter(p -> !p.getFileName().toString().startsWith("unopenable-")).toList()) {
                    deleteTree(p);
                }
            }
        }
        return 0;
    }

    static String phaseLine(String phase, Tally t) {
        StringBuilder stages = new StringBuilder();
        t.stages.forEach((k, v) -> stages.append(stages.isEmpty() ? "" : ",").append(k).append(':').append(v));
        return String.format(Locale.ROOT, "phase=%s kills=%d sigkill=%d confirmed=%d lost=%d lost_cases=%d "
                        + "unopenable=%d reused_numbers=%d db_duplicates=%d killed_in=%s seconds=%.0f",
                phase, t.kills, t.sigkill, t.confirmed, t.lost, t.lostCases, t.unopenable, t.reused, t.dbDuplicates,
                stages, t.millis / 1000.0);
    }

    // ------------------------------------------------------------------------------------------------ phases

    private void phaseNew(int n) throws Exception {
        Folder f = new Folder(newDir("new"), new CrashLedger());
        for (int i = 0; i < n; i++) {
            if (!killAndCheck("new", f, mixedPlan())) {
                f = new Folder(newDir("new"), new CrashLedger());
            }
        }
    }

    private void phaseAged(int n) throws Exception {
        Folder template = new Folder(newDir("aged-template"), new CrashLedger());
        progress("aging " + template.dir.getFileName() + ": " + agingKills + " crashes, " + agingCommits
                + " commits closed normally, SHUTDOWN COMPACT, " + agingRunMs + " ms of commits ended by a crash");
        for (int i = 0; i < agingKills; i++) {
            if (!killAndCheck("aging", template, Plan.COMMIT)) {
                template = new Folder(newDir("aged-template"), new CrashLedger());
            }
        }
        runToEnd("aging", template, agingCommits);
        compact(template.dir);
        Check c = check(template, "aging");
        if (c.error != null) {
            throw new IllegalStateException("the aged folder does not open after its compacting close: " + c.error);
        }
        Tally t = tallies.computeIfAbsent("aging", k -> new Tally());
        t.lost += c.loss.commits();
        t.lostCases += c.loss.lostCreates();
        progress(String.format(Locale.ROOT, "aged folder: %d cases, %.1f MB, lost after the normal close and compaction: %d",
                c.rows, c.fileBytes / 1e6, c.loss.commits()));
        // a working day after the compacting close, ended by a crash: dead chunks the next opening may reuse
        if (agingRunMs > 0 && !killAndCheck("aging", template, Plan.LONG)) {
            throw new IllegalStateException("the aged folder does not open after its last aging crash");
        }
        Folder f = copyOf(template, "aged");
        for (int i = 0; i < n; i++) {
            if (!killAndCheck("aged", f, mixedPlan())) {
                f = copyOf(template, "aged");
            }
        }
    }

    private void phaseMigration(int n) throws Exception {
        Folder current = new Folder(newDir("migration-source"), new CrashLedger());
        progress("building a folder with " + migrationCommits + " commits and taking it back to schema V" + oldSchema);
        runToEnd("migration-setup", current, migrationCommits);
        Folder old = new Folder(newDir("migration-template"), current.ledger.copy());
        downgrade(current.dir, old.dir, oldSchema);
        if (!keepData) {
            deleteTree(current.dir);
        }
        for (int i = 0; i < n; i++) {
            // the first run measures how long opening and migrating take; the others kill within that window
            Plan plan = openEstimate.containsKey("migration") ? Plan.OPEN : Plan.COMMIT;
            Folder f = copyOf(old, "migration");
            if (killAndCheck("migration", f, plan) && !keepData) {
                deleteTree(f.dir);
            }
        }
    }

    private Plan mixedPlan() {
        double u = rnd.nextDouble();
        return u < 0.05 ? Plan.PRE_OPEN : u < 0.15 ? Plan.OPEN : Plan.COMMIT;
    }

    // ------------------------------------------------------------------------------------------------ one kill

    /** Runs the harness on the folder, kills it per the plan, checks the folder. False if it would not open. */
    private boolean killAndCheck(String phase, Folder f, Plan plan) throws Exception {
        int no = ++killNo;
        Tally t = tallies.computeIfAbsent(phase, k -> new Tally());
        RunResult run = runHarness(f, phase, plan, 0);
        int creates = 0;
        int accepts = 0;
        int reusedNew = 0;
        for (CrashLedger.Line l : run.lines()) {
            if (l.kind() == 'C') {
                creates++;
            } else if (l.kind() == 'A') {
                accepts++;
            }
            if (f.ledger.apply(l)) {
                reusedNew++;
            }
        }
        Check c = check(f, phase);
        t.kills++;
        t.sigkill += run.exitCode() == 137 ? 1 : 0;
        t.confirmed += creates + accepts;
        t.lost += c.loss == null ? 0 : c.loss.commits();
        t.lostCases += c.loss == null ? 0 : c.loss.lostCreates();
        t.unopenable += c.error == null ? 0 : 1;
        t.reused += reusedNew;
        t.dbDuplicates += c.duplicates;
        t.millis += run.runMs() + c.millis;
        t.stages.merge(run.stage(), 1, Integer::sum);
        String lostNos = c.loss == null ? "" : String.join(" ", c.loss.lostCaseNos());
        csvOut.write(String.join(",", String.valueOf(no), phase, f.dir.getFileName().toString(), plan.name(),
                run.stage(), String.valueOf(run.killAfterMs()), String.valueOf(run.runMs()),
                String.valueOf(run.exitCode()), String.valueOf(creates), String.valueOf(accepts),
                String.valueOf(c.loss == null ? 0 : c.loss.lostCreates()),
                String.valueOf(c.loss == null ? 0 : c.loss.lostAccepts()), lostNos, String.valueOf(reusedNew),
                c.error == null ? "0" : "1", String.valueOf(c.rows), String.valueOf(c.duplicates),
                String.valueOf(c.fileBytes), c.error == null ? "" : csvText(c.error)) + "\n");
        csvOut.flush();
        progress(String.format(Locale.ROOT, "#%d %s %s: killed in %s after %d ms (exit %d); +%d confirmed, lost %d, "
                        + "reused %d%s", no, phase, f.dir.getFileName(), run.stage(), run.killAfterMs(),
                run.exitCode(), creates + accepts, c.loss == null ? 0 : c.loss.commits(), reusedNew,
                c.error == null ? "" : ", UNOPENABLE: " + c.error));
        if (c.error != null) {
            Path kept = workDir.resolve("unopenable-" + no);
            Files.move(f.dir, kept);
            progress("kept the unopenable folder as " + kept);
            return false;
        }
        return true;
    }

    /** Runs the harness until it has confirmed {@code commits} commits and closed the desk normally. */
    private void runToEnd(String phase, Folder f, int commits) throws Exception {
        RunResult run = runHarness(f, phase, null, commits);
        for (CrashLedger.Line l : run.lines()) {
            f.ledger.apply(l);
        }
        if (run.exitCode() != 0) {
            throw new IllegalStateException("harness run to " + commits + " commits failed (exit " + run.exitCode()
                    + "), see " + harnessLog);
        }
        progress(phase + ": " + commits + " commits closed normally in " + run.runMs() + " ms");
    }

    private RunResult runHarness(Folder f, String phase, Plan plan, int commits) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dybdesk.keyDir=" + System.getProperty("ybdesk.keyDir"), "-cp", classPath, CrashHarness.class.getName(),
                "--data-dir", f.dir.toString(), "--day", DAY.toString(), "--seed", String.valueOf(rnd.nextLong())));
        if (commits > 0) {
            cmd.addAll(List.of("--commits", String.valueOf(commits)));
        }
        Files.writeString(harnessLog, "---- " + phase + " " + f.dir.getFileName() + " " + LocalTime.now() + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        // stdout goes to a file, not a pipe: what the harness wrote before the kill is in the file whatever the
        // timing (a pipe's reader can race with the JDK closing it when the process dies)
        Path stdout = workDir.resolve("stdout").resolve(String.format(Locale.ROOT, "run-%04d-%s.txt", ++runNo, phase));
        Files.createDirectories(stdout.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(harnessLog.toFile()))
                .redirectOutput(stdout.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        long[] at = new long[4]; // nanoTime of S, M, R and of the first confirmed commit
        Object signal = new Object();
        Thread reader = new Thread(() -> {
            // follows the file for the moments the kill is timed from
            StringBuilder pending = new StringBuilder();
            try (var in = Files.newInputStream(stdout)) {
                byte[] buf = new byte[8192];
                while (true) {
                    boolean alive = p.isAlive();
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        pending.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                        for (int nl; (nl = pending.indexOf("\n")) >= 0; ) {
                            CrashLedger.Line l = CrashLedger.parse(pending.substring(0, nl));
                            pending.delete(0, nl + 1);
                            int idx = l == null ? -1 : "SMRC".indexOf(l.kind());
                            if (idx >= 0) {
                                synchronized (signal) {
                                    at[idx] = at[idx] == 0 ? System.nanoTime() : at[idx];
                                    signal.notifyAll();
                                }
                            }
                        }
                    }
                    if (!alive) {
                        return;
                    }
                    Thread.sleep(5);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "harness-stdout");
        reader.start();
        if (plan == null) {
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            p.waitFor();
            reader.join();
            return new RunResult(confirmedLines(stdout), "end", p.exitValue(), -1, (System.nanoTime() - t0) / 1_000_000);
        }
        long killAt;
        switch (plan) {
            case LONG -> killAt = waitFor(signal, at, 3, p) + agingRunMs * 1_000_000;
            case PRE_OPEN -> killAt = t0 + (long) (rnd.nextDouble() * preOpenEstimate * 1_000_000);
            case OPEN -> {
                long m = waitFor(signal, at, 1, p);
                long window = openEstimate.getOrDefault(phase, 2000L);
                killAt = m + (long) (rnd.nextDouble() * window * 1.05 * 1_000_000);
            }
            default -> {
                long r = waitFor(signal, at, 3, p);
                // from 50 ms to maxCommitMs after the first commit was confirmed (the first one is slow: classes
                // load, the JIT warms up); half log-uniform (many short runs), half uniform (enough long ones)
                double ms = rnd.nextBoolean() ? 50 * Math.pow(Math.max(1.0, maxCommitMs / 50.0), rnd.nextDouble())
                        : 50 + rnd.nextDouble() * Math.max(0, maxCommitMs - 50);
                killAt = r + (long) (ms * 1_000_000);
            }
        }
        long wait = killAt - System.nanoTime();
        if (wait > 0) {
            p.waitFor(wait, TimeUnit.NANOSECONDS);
        }
        long killedAt = System.nanoTime();
        p.destroyForcibly(); // SIGKILL on Linux (java.lang.ProcessImpl: destroy(true) -> kill(pid, SIGKILL))
        p.waitFor();
        reader.join();
        synchronized (signal) {
            if (at[0] > 0 && at[1] > 0) {
                preOpenEstimate = Math.max(200, (at[1] - t0) / 1_000_000);
            }
            if (at[1] > 0 && at[2] > 0) {
                long open = (at[2] - at[1]) / 1_000_000;
                openEstimate.merge(phase, open, (a, b) -> (a * 3 + b) / 4);
            }
        }
        String stage = at[3] > 0 && at[3] <= killedAt ? "commit" : at[2] > 0 && at[2] <= killedAt ? "ready"
                : at[1] > 0 && at[1] <= killedAt ? "open" : "pre-open";
        return new RunResult(confirmedLines(stdout), stage, p.exitValue(), (killedAt - t0) / 1_000_000,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Every whole line the harness wrote before it died. */
    static List<CrashLedger.Line> confirmedLines(Path stdout) throws IOException {
        List<CrashLedger.Line> lines = new ArrayList<>();
        for (String s : Files.readAllLines(stdout, StandardCharsets.ISO_8859_1)) {
            CrashLedger.Line l = CrashLedger.parse(s);
            if (l != null) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** Waits until the harness printed line {@code idx} (S, M, R, first C) or died; returns the time it was seen. */
    private static long waitFor(Object signal, long[] at, int idx, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        synchronized (signal) {
            while (at[idx] == 0 && p.isAlive() && System.nanoTime() < deadline) {
                signal.wait(50);
            }
            return at[idx] == 0 ? System.nanoTime() : at[idx];
        }
    }

    // ------------------------------------------------------------------------------------------------ the check

    private static final class Check {
        CrashLedger.Loss loss;
        String error;
        int rows;
        int duplicates;
        long fileBytes;
        long millis;
    }

    /** Reopens the folder the way the desk does and compares it with the ledger. */
    private Check check(Folder f, String phase) {
        Check c = new Check();
        long t0 = System.nanoTime();
        Path dbFile = f.dir.resolve(Mode.PRODUCTION.folder()).resolve("ybdesk.mv.db");
        Clock clock = Clock.fixed(ZonedDateTime.of(DAY.atTime(10, 0), Desk.ZONE).toInstant(), Desk.ZONE);
        Desk desk = null;
        try {
            desk = Desk.open(f.dir, Mode.PRODUCTION, clock);
            try (Connection con = desk.db().dataSource().getConnection(); Statement st = con.createStatement()) {
                Map<String, CrashLedger.Row> rows = new HashMap<>();
                try (ResultSet rs = st.executeQuery("select case_no, applicant_id_number, state from case_file")) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), new CrashLedger.Row(rs.getString(2), rs.getString(3)));
                        c.rows++;
                    }
                }
                try (ResultSet rs = st.executeQuery(
                        "select count(*) from (select case_no from case_file group by case_no having count(*) > 1)")) {
                    rs.next();
                    c.duplicates = rs.getInt(1);
                }
                c.loss = f.ledger.check(rows);
            }
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            c.error = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage())
                    + (root == e ? "" : " / " + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()));
            release(f.dir.resolve(Mode.PRODUCTION.folder()));
        }
        if (desk != null) {
            // leave the file as the reopening left it: a normal close would compact it and take away the free
            // space the next run would reuse, which the folder's real life (crash, restart, work on) keeps
            try (Connection con = desk.db().dataSource().getConnection(); Statement st = con.createStatement()) {
                st.execute("SHUTDOWN IMMEDIATELY");
            } catch (Throwable ignored) {
                // closed
            }
            try {
                desk.close();
            } catch (Throwable ignored) {
                // already shut down
            }
        }
        try {
            c.fileBytes = Files.exists(dbFile) ? Files.size(dbFile) : 0;
        } catch (IOException e) {
            c.fileBytes = -1;
        }
        c.millis = (System.nanoTime() - t0) / 1_000_000;
        return c;
    }

    /**
     * Closes the database of a folder that failed to open if this process still holds it open (Desk.open gave up
     * after H2 opened the file, e.g. when a migration failed): IFEXISTS only attaches, SHUTDOWN IMMEDIATELY closes.
     */
    private static void release(Path prod) {
        try (Connection c = DriverManager.getConnection(LEGACY_URL_PREFIX + prod.toAbsolutePath().resolve("ybdesk")
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException ignored) {
            // not open here, encrypted (the desk's own open closes what it opened), or not openable at all
        }
    }

    // ------------------------------------------------------------------------------------------------ folders

    /** A compacting close of the folder's (closed) database: the desk's own {@code Database.compactClosed}. */
    private void compact(Path dataDir) throws SQLException, IOException {
        Path prod = dataDir.resolve(Mode.PRODUCTION.folder());
        long before = Files.size(prod.resolve("ybdesk.mv.db"));
        long t0 = System.nanoTime();
        Database.compactClosed(prod);
        progress(String.format(Locale.ROOT, "SHUTDOWN COMPACT: %.1f MB -> %.1f MB in %d ms", before / 1e6,
                Files.size(prod.resolve("ybdesk.mv.db")) / 1e6, (System.nanoTime() - t0) / 1_000_000));
    }

    /**
     * Builds in {@code to} the database of {@code from} at an older schema: Flyway migrates an empty database to
     * {@code target}, then every row of every table that schema has is copied over (the columns both have), with
     * foreign keys off during the copy and identity columns restarted after their highest value.
     */
    static void downgrade(Path from, Path to, String target) throws SQLException {
        // the old folder is written the way the release at that schema wrote it: a plain H2 file
        Path src = from.resolve(Mode.PRODUCTION.folder());
        Path dst = to.resolve(Mode.PRODUCTION.folder());
        try {
            Files.createDirectories(dst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String oldUrl = LEGACY_URL_PREFIX + dst.toAbsolutePath().resolve("ybdesk") + LEGACY_URL_OPTIONS;
        Flyway.configure().dataSource(oldUrl, "sa", "").locations("classpath:db/migration").target(target).load()
                .migrate();
        try (Database source = Database.open(src);
             Connection in = source.dataSource().getConnection();
             Connection out = DriverManager.getConnection(oldUrl, "sa", "")) {
            out.setAutoCommit(false);
            try (Statement s = out.createStatement()) {
                s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            }
            for (String table : tables(out)) {
                if (table.equalsIgnoreCase("flyway_schema_history")) {
                    continue;
                }
                Set<String> cols = columns(out, table);
                cols.retainAll(columns(in, table));
                if (cols.isEmpty()) {
                    continue;
                }
                String list = String.join(", ", cols.stream().map(c -> '"' + c + '"').toList());
                try (Statement s = out.createStatement()) {
                    s.execute("DELETE FROM \"" + table + "\"");
                }
                String marks = String.join(", ", cols.stream().map(c -> "?").toList());
                try (Statement s = in.createStatement();
                     ResultSet rs = s.executeQuery("SELECT " + list + " FROM \"" + table + "\"");
                     PreparedStatement ins = out.prepareStatement(
                             "INSERT INTO \"" + table + "\" (" + list + ") OVERRIDING SYSTEM VALUE VALUES (" + marks + ")")) {
                    int n = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= cols.size(); i++) {
                            ins.setObject(i, rs.getObject(i));
                        }
                        ins.addBatch();
                        if (++n % 1000 == 0) {
                            ins.executeBatch();
                        }
                    }
                    ins.executeBatch();
                }
                for (String idc : identityColumns(out, table)) {
                    long max;
                    try (Statement s = out.createStatement();
                         ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(\"" + idc + "\"), 0) FROM \"" + table + "\"")) {
                        rs.next();
                        max = rs.getLong(1);
                    }
                    try (Statement s = out.createStatement()) {
                        s.execute("ALTER TABLE \"" + table + "\" ALTER COLUMN \"" + idc + "\" RESTART WITH " + (max + 1));
                    }
                }
            }
            out.commit();
            try (Statement s = out.createStatement()) {
                s.execute("SET REFERENTIAL_INTEGRITY TRUE");
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> t = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                t.add(rs.getString(1));
            }
        }
        return t;
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> cols = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND IS_GENERATED = 'NEVER' "
                + "ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols;
    }

    private static List<String> identityColumns(Connection c, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND IS_IDENTITY = 'YES'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols;
    }

    /**
     * A new folder under a name never used before in this run: a folder that failed to open may still be open in this
     * process's H2, which would answer for a new folder at the same path.
     */
    private Path newDir(String prefix) throws IOException {
        for (int i = ++dirNo; ; i++) {
            Path d = workDir.resolve(String.format(Locale.ROOT, "%s-%03d", prefix, i));
            if (!Files.exists(d)) {
                Files.createDirectories(d);
                return d;
            }
        }
    }

    private Folder copyOf(Folder template, String prefix) throws IOException {
        Path d = newDir(prefix);
        try (Stream<Path> s = Files.walk(template.dir)) {
            for (Path p : s.toList()) {
                Path q = d.resolve(template.dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new Folder(d, template.ledger.copy());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String csvText(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void progress(String text) {
        System.err.printf(Locale.ROOT, "[crash %s] %s%n", LocalTime.now().withNano(0), text);
    }
}
