package org.ybdesk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.desk.Desks;
import org.ybdesk.desk.MainFrame;
import org.ybdesk.desk.Session;
import org.ybdesk.desk.UiSetup;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.ReferenceStore;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.SetupService;
import org.ybdesk.service.SyncStore;
import org.ybdesk.sync.SyncConfig;

/**
 * Provincial sync benchmark (needs a display: run under xvfb-run): N changes (person registrations, one outbox
 * message each) queued at a desk while offline, then the real workstation window opens with the desk configured for
 * the real provincial server (its own {@code java} process, PostgreSQL on loopback) and its background engine uploads
 * the backlog. Measured: time until nothing is pending and until the round (uploads + pulls) is recorded as a
 * successful sync; and the window's responsiveness meanwhile — a probe posts a runnable to the event thread every
 * 10 ms and records how late each one ran.
 * Target (issue 12): 10,000 queued changes synced in under 5 s on loopback (the server applies each batch of 500 in
 * one transaction, D112).
 * Usage: {@code xvfb-run -a ./bench.sh sync [--changes N]}
 * (= {@code java -cp bench/target/ybdesk-bench.jar org.ybdesk.bench.SyncBench}).
 */
public final class SyncBench {
    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = 10_000;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--changes")) {
                n = Integer.parseInt(args[i + 1]);
            }
        }
        Path work = Files.createTempDirectory(Path.of("/tmp"), "ybdesk-syncbench-");
        LocalPostgres pg = LocalPostgres.start(Files.createTempDirectory(Path.of("/tmp"), "ybdesk-syncbench-pg-"));
        Process server = null;
        try {
            pg.createDatabase("province");
            String jdbc = pg.jdbcUrl("province");
            org.ybdesk.province.store.Desks.Registration reg;
            try (ProvinceDb db = new ProvinceDb(jdbc, pg.user(), pg.password())) {
                new ReferenceStore(db).seedIfEmpty();
                reg = new org.ybdesk.province.store.Desks(db).add("230102001", "230102", "道里区医保中心");
            }
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), "org.ybdesk.province.ProvinceServerMain", "start",
                    "--jdbc-url", jdbc, "--db-user", pg.user(), "--db-password", pg.password(), "--port",
                    String.valueOf(port)).redirectErrorStream(true).start();
            Process srv = server;
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            Path serverLog = work.resolve("server.log");
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(srv.getInputStream(),
                        StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(serverLog)) {
                    for (String line; (line = r.readLine()) != null; ) {
                        out.write(line);
                        out.newLine();
                        if (line.contains("province server ready")) {
                            ready.complete(true);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // gone
                }
                ready.complete(false);
            });
            pump.setDaemon(true);
            pump.start();
            if (!ready.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("server did not start, see " + serverLog);
            }

            Path dataDir = work.resolve("desk");
            Desks desks = new Desks(dataDir);
            Desk desk = desks.get(Mode.PRODUCTION);
            desk.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234"), null);
            desk.users().add("admin", "管理员", "Bench2026admin", EnumSet.of(Role.ADMIN), Synthetic.staffId(1), null);
            Actor admin = desk.users().login("admin", "Bench2026admin");
            desk.users().add("clerk", "窗口经办", "Bench2026clerk", EnumSet.of(Role.CLERK), Synthetic.staffId(2), admin);
            Actor clerk = desk.users().login("clerk", "Bench2026clerk");
            long q0 = System.nanoTime();
            LocalDate base = LocalDate.of(1950, 1, 1);
            for (int i = 0; i < n; i++) {
                String first17 = "230102" + base.plusDays(i / 400).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format("%03d", i % 400 * 2 % 1000);
                String id = first17 + Validators.residentIdCheckChar(first17);
                desk.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, name(i), null, null,
                        InsuranceType.RESIDENT, null, null, null, null, null), clerk);
            }
            double queueSeconds = (System.nanoTime() - q0) / 1e9;
            SyncStore store = new SyncStore(desk);
            if (store.counts().pending() != n) {
                throw new IllegalStateException("queued " + store.counts().pending() + " not " + n);
            }
            UiSetup.install();
            // baseline: the same window without a server configured (no sync), probed for 15 s
            long[] baseline = probeIdle(desk, clerk, desks, 15);
            SyncConfig.save(dataDir, new SyncConfig("http://127.0.0.1:" + port, reg.desk().windowNo(), reg.token(),
                    null, null, 0, 3600, 30));

            ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
            ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
            MainFrame[] frame = new MainFrame[1];
            long t0 = System.nanoTime();
            SwingUtilities.invokeAndWait(() -> {
                frame[0] = new MainFrame(new Session(desk, clerk), desks);
                frame[0].setVisible(true);
            });
            long shown = System.nanoTime();
            probe.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                SwingUtilities.invokeLater(() -> lateness.add(System.nanoTime() - posted));
            }, 0, 10, TimeUnit.MILLISECONDS);
            long drained = 0;
            long succeeded = 0;
            while (System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(30)) {
                if (drained == 0 && store.counts().pending() == 0) {
                    drained = System.nanoTime();
                }
                if (drained != 0 && store.state().lastSuccessAt() != null) {
                    succeeded = System.nanoTime();
                    break;
                }
                Thread.sleep(20);
            }
            probe.shutdown();
            probe.awaitTermination(5, TimeUnit.SECONDS);
            Thread.sleep(50);
            SyncStore.Counts c = store.counts();
            long[] late = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
            long serverRows;
            double serverSpan;
            try (var conn = java.sql.DriverManager.getConnection(jdbc, pg.user(), pg.password());
                 var rs = conn.createStatement().executeQuery("select count(*), extract(epoch from "
                         + "max(received_at) - min(received_at)) from received_message")) {
                rs.next();
                serverRows = rs.getLong(1);
                serverSpan = rs.getDouble(2);
            }
            var threads = ManagementFactory.getThreadMXBean();
            double syncCpu = 0;
            double edtCpu = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                long ns = threads.getThreadCpuTime(t.getId());
                if (t.getName().equals("ybdesk-sync")) {
                    syncCpu += ns / 1e9;
                } else if (t.getName().startsWith("AWT-EventQueue")) {
                    edtCpu += ns / 1e9;
                }
            }
            double[] load = {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
            List<String> out = new ArrayList<>();
            out.add("- run: " + LocalDateTime.now().withNano(0) + ", Java " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " processors; server: separate JVM (-Xmx512m), "
                    + "PostgreSQL " + pg.port() + " on loopback; load average at the end " + String.format(Locale.ROOT,
                    "%.2f", load[0]));
            out.add("- queued: " + n + " person registrations through `registry().registerPerson` in "
                    + String.format(Locale.ROOT, "%.1f s", queueSeconds) + " (offline, before the window opened)");
            out.add("");
            out.add("| measure | value | target | met |");
            out.add("|---|---:|---|---|");
            double drainS = drained == 0 ? Double.NaN : (drained - t0) / 1e9;
            double roundS = succeeded == 0 ? Double.NaN : (succeeded - t0) / 1e9;
            out.add(String.format(Locale.ROOT, "| window opened → %d changes acknowledged (nothing pending) | %.1f s | < 5 s | %s |",
                    n, drainS, drainS < 5 ? "yes" : "**no**"));
            out.add(String.format(Locale.ROOT, "| window opened → round recorded as successful (uploads + reference and registry pulls) | %.1f s |  |  |",
                    roundS));
            out.add(String.format(Locale.ROOT, "| window construction on the event thread | %.0f ms |  |  |",
                    (shown - t0) / 1e6));
            out.add(String.format(Locale.ROOT, "| event-thread probe: runnables posted every 10 ms | %d |  |  |",
                    late.length));
            out.add(String.format(Locale.ROOT, "| probe lateness p50 / p99 | %.1f / %.1f ms |  |  |",
                    pct(late, 50), pct(late, 99)));
            long over = Arrays.stream(late).filter(x -> x > 100_000_000L).count();
            out.add(String.format(Locale.ROOT, "| baseline, same window without sync for 15 s: probe lateness p50 / p99 / max, probes > 100 ms | %.1f / %.1f / %.1f ms, %d |  |  |",
                    pct(baseline, 50), pct(baseline, 99), pct(baseline, 100),
                    Arrays.stream(baseline).filter(x -> x > 100_000_000L).count()));
            out.add(String.format(Locale.ROOT, "| probe lateness max | %.1f ms | ≤ 100 ms | %s |", pct(late, 100),
                    pct(late, 100) <= 100 ? "yes" : "**no**"));
            out.add(String.format(Locale.ROOT, "| probes later than 100 ms | %d |  |  |", over));
            out.add(String.format(Locale.ROOT, "| desk outbox after: pending / acked / refused | %d / %d / %d |  |  |",
                    c.pending(), c.acked(), c.refused()));
            out.add(String.format(Locale.ROOT, "| server `received_message` rows | %d |  |  |", serverRows));
            out.add(String.format(Locale.ROOT, "| server: first → last message applied (`received_at`, 1 s resolution) | %.0f s |  |  |",
                    serverSpan));
            out.add(String.format(Locale.ROOT, "| desk CPU: sync thread / event thread (whole run) | %.1f s / %.1f s |  |  |",
                    syncCpu, edtCpu));
            out.forEach(System.out::println);
            SwingUtilities.invokeAndWait(() -> frame[0].dispose());
            desks.closeAll();
        } finally {
            if (server != null) {
                server.destroyForcibly();
            }
            pg.close();
        }
        System.exit(0);
    }

    /** Opens the window (sync unconfigured), probes the event thread for {@code seconds}, closes it. */
    private static long[] probeIdle(Desk desk, Actor clerk, Desks desks, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
        MainFrame[] frame = new MainFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            frame[0] = new MainFrame(new Session(desk, clerk), desks);
            frame[0].setVisible(true);
        });
        Thread.sleep(3000);
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        probe.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            SwingUtilities.invokeLater(() -> lateness.add(System.nanoTime() - posted));
        }, 0, 10, TimeUnit.MILLISECONDS);
        Thread.sleep(seconds * 1000L);
        probe.shutdown();
        probe.awaitTermination(5, TimeUnit.SECONDS);
        SwingUtilities.invokeAndWait(() -> frame[0].dispose());
        Thread.sleep(1000);
        return lateness.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String name(int i) {
        String digits = "零一二三四五六七八九";
        StringBuilder b = new StringBuilder("张");
        for (char c : String.valueOf(i).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
