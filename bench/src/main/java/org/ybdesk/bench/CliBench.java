package org.ybdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SetupService;

/**
 * Whole commands in a new JVM each (issue 14): {@code ybdesk print} of one receipt and {@code ybdesk print --cases}
 * of every receipt into one PDF, as a clerk or a scheduled job runs them — JVM start, H2 open, login, print, write.
 * Runs the shaded launcher jar ({@code launcher/target/ybdesk.jar}, or {@code --jar FILE}) with the same JVM options
 * as the {@code ybdesk} script ({@code --java-opt X} adds one, e.g. {@code -XX:SharedArchiveFile=…}). Prints Markdown.
 * {@code ./bench.sh cli [--cases 1000] [--runs 5] [--jar FILE] [--java-opt OPT]… [--keep DIR] [--launcher ./ybdesk]}
 */
public final class CliBench {
    private CliBench() {
    }

    public static void main(String[] args) throws Exception {
        int cases = intArg(args, "--cases", 1000);
        int runs = intArg(args, "--runs", 5);
        String jar = strArg(args, "--jar", "launcher/target/ybdesk.jar");
        // --launcher ./ybdesk: run the commands as a clerk does, through the start script (which adds class-data
        // sharing: one untimed run first, then the archive it builds in the background is waited for)
        launcher = strArg(args, "--launcher", null);
        List<String> javaOpts = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--java-opt")) {
                javaOpts.add(args[i + 1]);
            }
        }
        // --keep DIR: the data folder is made there and left for profiling the commands by hand
        String keep = strArg(args, "--keep", null);
        Path dir = keep == null ? Files.createTempDirectory("ybdesk-cli-bench") : Files.createDirectories(Path.of(keep));
        List<String> numbers = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION)) {
            desk.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234"), null);
            desk.users().add("admin", "管理员", "benchadmin1", EnumSet.of(Role.ADMIN), Synthetic.staffId(1), null);
            Actor admin = desk.users().login("admin", "benchadmin1");
            desk.users().add("clerk", "窗口乙", "benchclerk1", EnumSet.of(Role.CLERK), Synthetic.staffId(2), admin);
            Actor clerk = desk.users().login("clerk", "benchclerk1");
            ServiceItem item = desk.catalog().item(17);
            for (int i = 0; i < cases; i++) {
                Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
                item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
                var v = desk.cases().create(new NewCase(17, new Applicant(IdType.RESIDENT_ID, PrintBench.validId(i),
                        (i % 2 == 0 ? "王䶮" : "李四") + (char) ('甲' + i % 10), "13912345678"),
                        PrintBench.fields(item, i), m, null, null, null), clerk);
                desk.cases().act(v.summary().caseNo(), Command.of(CaseAction.ACCEPT), null, clerk);
                numbers.add(v.summary().caseNo());
            }
        }
        System.err.printf(Locale.ROOT, "data: %d accepted item-17 cases in %.1f s%n", cases,
                (System.nanoTime() - t0) / 1e9);
        String today = LocalDate.now(Desk.ZONE).toString();
        List<String> login = List.of("--user", "clerk", "--password", "benchclerk1", "--data-dir", dir.toString());
        try {
            if (launcher != null) {
                List<String> warm = new ArrayList<>(List.of("print", "--case", numbers.get(0), "--doc", "receipt",
                        "--out", dir.resolve("warm-up.pdf").toString()));
                warm.addAll(login);
                run(jar, javaOpts, warm);
                awaitArchive(Path.of(jar));
            }
            double[] one = new double[runs];
            long oneBytes = 0;
            for (int i = 0; i < runs; i++) {
                Path out = dir.resolve("receipt-" + i + ".pdf");
                List<String> cmd = new ArrayList<>(List.of("print", "--case", numbers.get(i % numbers.size()),
                        "--doc", "receipt", "--out", out.toString()));
                cmd.addAll(login);
                one[i] = run(jar, javaOpts, cmd);
                oneBytes = Files.size(out);
            }
            Arrays.sort(one);
            Path all = dir.resolve("all.pdf");
            List<String> cmd = new ArrayList<>(List.of("print", "--cases", "--from", today, "--to", today, "--doc",
                    "receipt", "--out", all.toString()));
            cmd.addAll(login);
            double batch = run(jar, javaOpts, cmd);
            int pages;
            try (PDDocument d = Loader.loadPDF(all.toFile())) {
                pages = d.getNumberOfPages();
            }
            System.out.println("| command (new JVM each) | result | target |");
            System.out.println("|---|---|---|");
            System.out.printf(Locale.ROOT, "| `ybdesk print --doc receipt` (%d runs) | median %.2f s, min %.2f s, max %.2f s;"
                    + " %d KB | < 2 s: %s |%n", runs, one[runs / 2], one[0], one[runs - 1], oneBytes / 1024,
                    one[runs / 2] < 2 ? "**met**" : "**not met**");
            System.out.printf(Locale.ROOT, "| `ybdesk print --cases --doc receipt` (%d cases) | %.1f s, %d pages, %.1f MB |"
                    + " < 20 s: %s |%n", cases, batch, pages, Files.size(all) / 1048576.0,
                    batch < 20 ? "**met**" : "**not met**");
            System.out.printf(Locale.ROOT, "%nJVM options: %s; load average at the end %.2f on %d processors%n",
                    javaOpts.isEmpty() ? "(none beyond the script's)" : String.join(" ", javaOpts),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            if (keep != null) {
                System.err.println("data kept in " + dir + " (user clerk, password benchclerk1)");
            } else {
                Bench.deleteTree(dir);
            }
        }
    }

    /** The start script to run commands through ({@code --launcher}), or null for {@code java -jar}. */
    static String launcher;

    /** Waits (up to 3 minutes) for the class-data archive the start script builds for {@code jar} after a run. */
    static void awaitArchive(Path jar) throws Exception {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path dir = (cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache")
                : Path.of(cache)).resolve("ybdesk").resolve("cds");
        Path jsa = dir.resolve("ybdesk-" + Files.size(jar) + "-"
                + Files.getLastModifiedTime(jar).toMillis() / 1000 + ".jsa");
        for (int i = 0; i < 360 && !Files.exists(jsa); i++) {
            Thread.sleep(500);
        }
        System.err.println(Files.exists(jsa) ? "class-data archive: " + jsa + " (" + Files.size(jsa) / 1048576 + " MB)"
                : "no class-data archive appeared at " + jsa);
    }

    /** Runs the launcher jar with {@code args} in a new JVM; its wall-clock seconds. Fails on a non-zero exit. */
    static double run(String jar, List<String> javaOpts, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (launcher != null) {
            cmd.add(launcher);
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(javaOpts);
            cmd.add("-jar");
            cmd.add(jar);
        }
        cmd.addAll(args);
        long s = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        double secs = (System.nanoTime() - s) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("exit " + code + " from " + String.join(" ", args) + ":\n" + output);
        }
        System.err.printf(Locale.ROOT, "%.2f s  %s%n", secs, output.strip());
        return secs;
    }

    private static int intArg(String[] args, String name, int def) {
        return Integer.parseInt(strArg(args, name, String.valueOf(def)));
    }

    static String strArg(String[] args, String name, String def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }
}
