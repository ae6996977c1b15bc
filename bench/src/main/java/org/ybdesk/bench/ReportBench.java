package org.ybdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import net.sf.jasperreports.engine.JasperPrint;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.reports.batch.BatchReports;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.SetupService;

/**
 * The supervisors' monthly report (月度统计) over a year of 100,000 case files: query (with each case's deadline by
 * the working calendar), fill (charts included) and PDF export, and the heap they need. Prints Markdown.
 * Then the same report as whole commands ({@code ybdesk report monthly}, a new JVM each, {@code --cli-runs N}, 0 to
 * skip; the launcher jar {@code launcher/target/ybdesk.jar} or {@code --jar FILE}).
 * {@code ./bench.sh report [--cases 100000] [--samples 5] [--cli-runs 3] [--launcher ./ybdesk] [--keep DIR]}
 */
public final class ReportBench {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int cases = intArg(args, "--cases", 100_000);
        int samples = intArg(args, "--samples", 5);
        int cliRuns = intArg(args, "--cli-runs", 3);
        String launcher = CliBench.strArg(args, "--launcher", null);
        String jar = CliBench.strArg(args, "--jar", "launcher/target/ybdesk.jar");
        // --keep DIR: the data folder is made there and left for profiling the command by hand
        String keep = CliBench.strArg(args, "--keep", null);
        Path dir = keep == null ? Files.createTempDirectory("ybdesk-reportbench")
                : Files.createDirectories(Path.of(keep));
        long t0 = System.nanoTime();
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION, CLOCK)) {
            desk.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234"), null);
            desk.users().add("admin", "admin", "Bench2026admin", EnumSet.of(Role.ADMIN), Synthetic.staffId(1), null);
            Actor admin = desk.users().login("admin", "Bench2026admin");
            desk.users().add("clerk", "clerk", "Bench2026clerk", EnumSet.of(Role.CLERK), Synthetic.staffId(2), admin);
            Actor clerk = desk.users().login("clerk", "Bench2026clerk");
            Synthetic syn = new Synthetic(20261125L, 2_000);
            DataLoader loader = new DataLoader(desk, syn, 20261125L);
            loader.loadUnits(2_000);
            long persons = Math.max(cases * 2L, 10_000);
            loader.loadPersons(persons);
            loader.loadCases(cases, persons, 2_000, clerk.id());
            // The loader makes open cases only; a year of real work is mostly concluded. Conclude 70 % of the
            // accepted ones as closing does (state, closed_on, due_on cleared), 0–30 days after acceptance, so the
            // report recomputes their due dates by the calendar.
            int closed = desk.db().write(tx -> tx.execute("UPDATE case_file SET state = 'CLOSED', next_role = NULL, "
                    + "closed_on = LEAST(DATEADD('DAY', MOD(id * 7, 31), accepted_on), DATE '" + TODAY + "'), "
                    + "due_on = NULL WHERE accepted_on IS NOT NULL AND MOD(id, 10) < 7"));
            System.err.printf(Locale.ROOT, "data: %d cases (%d concluded) in %.1f s%n", cases, closed,
                    (System.nanoTime() - t0) / 1e9);

            ReportService.Filter year = ReportService.Filter.of(TODAY.minusYears(1).plusDays(1), TODAY);
            long[] query = new long[samples];
            long[] fill = new long[samples];
            long[] export = new long[samples];
            long[] total = new long[samples];
            long[] heap = new long[samples];
            int received = 0;
            int concluded = 0;
            int pages = 0;
            int bytes = 0;
            for (int i = -1; i < samples; i++) { // one warm-up run (template compile, JIT)
                System.gc();
                resetPeaks();
                long s = System.nanoTime();
                ReportService.Monthly m = desk.reports().monthly(year);
                long q = System.nanoTime();
                JasperPrint print = BatchReports.print(BatchReports.monthly(m));
                long f = System.nanoTime();
                byte[] pdf = BatchReports.pdf(print, org.ybdesk.service.Mode.PRODUCTION);
                long e = System.nanoTime();
                if (i < 0) {
                    System.err.printf(Locale.ROOT, "warm-up (incl. template compile): %.0f ms%n", (e - s) / 1e6);
                    continue;
                }
                query[i] = q - s;
                fill[i] = f - q;
                export[i] = e - f;
                total[i] = e - s;
                heap[i] = peakHeap();
                received = m.received();
                concluded = m.closed() + m.rejected();
                pages = print.getPages().size();
                bytes = pdf.length;
            }
            List<String> out = new ArrayList<>();
            out.add("| step | p50 ms | max ms |");
            out.add("|---|---|---|");
            out.add(row("query (ReportService.monthly, deadlines by calendar)", query));
            out.add(row("fill (charts + JasperReports)", fill));
            out.add(row("PDF export (fonts embedded)", export));
            out.add(row("total", total));
            System.out.println(String.format(Locale.ROOT, "Monthly report over %d received cases (%d concluded, %d persons): "
                    + "%d pages, %d KB PDF; peak heap (all pools, after GC before the run) p50 %d MB, max %d MB; "
                    + "target total < 5000 ms: %s", received, concluded, persons, pages, bytes / 1024,
                    percentile(heap, 50) / (1024 * 1024), Arrays.stream(heap).max().orElse(0) / (1024 * 1024),
                    percentile(total, 50) < 5_000_000_000L ? "met" : "NOT met"));
            out.forEach(System.out::println);
        }
        // issue 14: the same report as a scheduled command runs it, a new JVM each time (start, open, log in, query,
        // fill, export, write); the desk above is closed first, as a scheduled job finds the folder
        try {
            if (cliRuns > 0) {
                System.out.println();
                System.out.println("| command (new JVM each) | result | target |");
                System.out.println("|---|---|---|");
                // plain `java -Xmx1g -jar`; then, with --launcher, as the start script runs it
                for (String via : launcher == null ? new String[] {null} : new String[] {null, launcher}) {
                    double[] runs = new double[cliRuns];
                    Path out = dir.resolve("monthly.pdf");
                    CliBench.launcher = via;
                    if (via != null) {
                        CliBench.run(jar, List.of(), List.of("--version"));
                        CliBench.awaitArchive(Path.of(jar));
                    }
                    for (int i = 0; i < cliRuns; i++) {
                        runs[i] = CliBench.run(jar, List.of("-Xmx1g"), List.of("report", "monthly",
                                "--from", TODAY.minusYears(1).plusDays(1).toString(), "--to", TODAY.toString(),
                                "--out", out.toString(), "--user", "clerk", "--password", "Bench2026clerk",
                                "--data-dir", dir.toString()));
                    }
                    Arrays.sort(runs);
                    System.out.printf(Locale.ROOT, "| `ybdesk report monthly` over the year, %s (%d runs) | median %.2f s,"
                            + " min %.2f s, max %.2f s; %d KB | < 8 s: %s |%n",
                            via == null ? "`java -Xmx1g -jar`" : "`" + via + "`", cliRuns, runs[cliRuns / 2], runs[0],
                            runs[cliRuns - 1], Files.size(out) / 1024, runs[cliRuns / 2] < 8 ? "**met**" : "**not met**");
                }
            }
        } finally {
            if (keep != null) {
                System.err.println("data kept in " + dir + " (user clerk, password Bench2026clerk)");
            } else {
                Bench.deleteTree(dir);
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the live heap during the run). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String row(String what, long[] ns) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f |", what, percentile(ns, 50) / 1e6,
                Arrays.stream(ns).max().orElse(0) / 1e6);
    }

    private static long percentile(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }
}
