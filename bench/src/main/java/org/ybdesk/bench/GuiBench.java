package org.ybdesk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.desk.Background;
import org.ybdesk.desk.Desks;
import org.ybdesk.desk.DeskApp;
import org.ybdesk.desk.LoginFrame;
import org.ybdesk.desk.MainFrame;
import org.ybdesk.desk.Session;
import org.ybdesk.desk.UiSetup;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SearchService.Query;
import org.ybdesk.service.SetupService;

/**
 * The workstation's benchmark (needs a display: run under xvfb-run): cold start to the login window (a fresh JVM per
 * sample), login to a loaded workbench, opening the intake form of an item, and case search over N cases.
 * Usage: {@code xvfb-run -a ./bench.sh gui [--cases N] [--samples N]}.
 */
public final class GuiBench {
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 25).atTime(LocalTime.of(10, 0))
            .atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));

    private GuiBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--probe-start")) {
            probeStart(Path.of(args[1]));
            return;
        }
        int cases = intArg(args, "--cases", 100_000);
        int samples = intArg(args, "--samples", 30);
        Path dir = Files.createTempDirectory("ybdesk-guibench");
        List<String> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        Actor clerk;
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION, CLOCK)) {
            desk.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234"), null);
            desk.users().add("admin", "admin", "Bench2026admin", EnumSet.of(Role.ADMIN), Synthetic.staffId(1), null);
            Actor admin = desk.users().login("admin", "Bench2026admin");
            desk.users().add("clerk", "clerk", "Bench2026clerk", EnumSet.of(Role.CLERK, Role.REVIEWER),
                    Synthetic.staffId(2), admin);
            clerk = desk.users().login("clerk", "Bench2026clerk");
            Synthetic syn = new Synthetic(20261125L, 2_000);
            DataLoader loader = new DataLoader(desk, syn, 20261125L);
            loader.loadUnits(2_000);
            loader.loadPersons(Math.max(cases * 2L, 10_000));
            loader.loadCases(cases, Math.max(cases * 2L, 10_000), 2_000, clerk.id());
        }
        System.err.printf(Locale.ROOT, "data: %d cases in %.1f s%n", cases, (System.nanoTime() - t0) / 1e9);

        // 1. cold start to the login window, a fresh JVM each time
        long[] cold = new long[5];
        String cp = System.getProperty("java.class.path");
        for (int i = 0; i < cold.length; i++) {
            long s = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", cp, GuiBench.class.getName(), "--probe-start", dir.toString()).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && !line.startsWith("READY")) {
                    // skip
                }
            }
            cold[i] = System.nanoTime() - s;
            p.destroy();
            p.waitFor();
        }
        rows.add(row("cold start → login window visible (new JVM)", cold, 1500));

        // 2. login → workbench loaded, 3. intake form open, 4. search
        UiSetup.install();
        Desks desks = new Desks(dir, CLOCK);
        Desk desk = desks.get(Mode.PRODUCTION);
        long[] login = new long[Math.min(samples, 10)];
        for (int i = 0; i < login.length; i++) {
            long s = System.nanoTime();
            Actor a = desk.users().login("clerk", "Bench2026clerk");
            MainFrame[] f = new MainFrame[1];
            SwingUtilities.invokeAndWait(() -> {
                f[0] = new MainFrame(new Session(desk, a), desks);
                f[0].setVisible(true);
            });
            waitIdle();
            login[i] = System.nanoTime() - s;
            SwingUtilities.invokeAndWait(() -> f[0].dispose());
        }
        rows.add(row("login (bcrypt) → workbench loaded, " + cases + " cases", login, 0));

        for (int item : new int[] {3, 15, 25}) {
            long[] open = new long[samples];
            for (int i = 0; i < samples; i++) {
                AtomicLong ns = new AtomicLong();
                SwingUtilities.invokeAndWait(() -> {
                    long s = System.nanoTime();
                    var c = DeskApp.intakeForm(desk.catalog().item(item), desk.today());
                    c.doLayout();
                    ns.set(System.nanoTime() - s);
                });
                open[i] = ns.get();
            }
            rows.add(row("intake form open, item " + item + " (" + desk.catalog().item(item).leafFields().count()
                    + " fields)", open, 100));
        }

        String someCase = desk.db().dsl().select(org.ybdesk.db.jooq.Tables.CASE_FILE.CASE_NO)
                .from(org.ybdesk.db.jooq.Tables.CASE_FILE).orderBy(org.ybdesk.db.jooq.Tables.CASE_FILE.ID.desc())
                .limit(1).fetchOne(org.ybdesk.db.jooq.Tables.CASE_FILE.CASE_NO);
        String someName = desk.db().dsl().select(org.ybdesk.db.jooq.Tables.CASE_FILE.APPLICANT_NAME)
                .from(org.ybdesk.db.jooq.Tables.CASE_FILE).limit(1).fetchOne(org.ybdesk.db.jooq.Tables.CASE_FILE.APPLICANT_NAME);
        for (String[] q : new String[][] {{"case number", someCase}, {"name prefix", someName.substring(0, 1)},
                {"full name", someName}, {"ID prefix", "2301021985"}}) {
            long[] t = new long[samples];
            int hits = 0;
            for (int i = 0; i < samples; i++) {
                long s = System.nanoTime();
                hits = desk.search().search(new Query(q[1], null, null, null, null, 200)).size();
                t[i] = System.nanoTime() - s;
            }
            rows.add(row("search by " + q[0] + " over " + cases + " cases (" + hits + " shown)", t, 300));
        }
        desks.closeAll();
        System.out.println("| measurement | p50 ms | p95 ms | max ms | target | met |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static void waitIdle() throws Exception {
        while (Background.pending() > 0) {
            Thread.sleep(2);
        }
        SwingUtilities.invokeAndWait(() -> { });
        while (Background.pending() > 0) {
            Thread.sleep(2);
        }
    }

    /** In a fresh JVM: show the login window, print READY with the time since JVM start, exit. */
    private static void probeStart(Path dir) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        SwingUtilities.invokeLater(() -> {
            UiSetup.install();
            LoginFrame f = new LoginFrame(new Desks(dir, CLOCK), Mode.PRODUCTION);
            f.addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowOpened(java.awt.event.WindowEvent e) {
                    shown.countDown();
                }
            });
            f.setVisible(true);
        });
        shown.await();
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("READY " + sinceStart);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String row(String what, long[] nanos, double targetMs) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double p50 = s[s.length / 2] / 1e6;
        double p95 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)] / 1e6;
        double max = s[s.length - 1] / 1e6;
        String target = targetMs > 0 ? "< " + (long) targetMs + " ms" : "—";
        String met = targetMs > 0 ? (p50 < targetMs ? "yes" : "no") : "—";
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %s |", what, p50, p95, max, target, met);
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return def;
    }
}
