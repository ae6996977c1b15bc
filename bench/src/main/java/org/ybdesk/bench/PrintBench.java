package org.ybdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.ybdesk.core.validation.Validators;
import org.ybdesk.reports.PrintDoc;
import org.ybdesk.reports.Prints;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SetupService;

/**
 * Print benchmark: one 受理回执 warm (p50/p95 of render = fill + glyph guard + PDF export), 1,000 receipts in one PDF
 * (batch print job), and the heap used. Cases are real (accepted item-17 cases in a fresh H2 file).
 * Usage: {@code ./bench.sh prints [--cases N] [--samples N] [--warm-up]}.
 */
public final class PrintBench {
    private PrintBench() {
    }

    public static void main(String[] args) throws Exception {
        int cases = intArg(args, "--cases", 1000);
        int samples = intArg(args, "--samples", 200);
        // --warm-up: call Prints.warmUp() first, as the desk does after login (its time is reported separately)
        boolean warmUp = java.util.Arrays.asList(args).contains("--warm-up");
        Path dir = Files.createTempDirectory("ybdesk-print-bench");
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION)) {
            desk.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234"), null);
            desk.users().add("admin", "管理员", "benchadmin1", EnumSet.of(Role.ADMIN), Synthetic.staffId(1), null);
            Actor admin = desk.users().login("admin", "benchadmin1");
            desk.users().add("clerk", "窗口乙", "benchclerk1", EnumSet.of(Role.CLERK), Synthetic.staffId(2), admin);
            Actor clerk = desk.users().login("clerk", "benchclerk1");
            ServiceItem item = desk.catalog().item(17);
            long t0 = System.nanoTime();
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
                item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
                String id = validId(i);
                var v = desk.cases().create(new NewCase(17, new Applicant(IdType.RESIDENT_ID, id,
                        (i % 2 == 0 ? "王䶮" : "李四") + (char) ('甲' + i % 10), "13912345678"), fields(item, i),
                        m, null, null, null), clerk);
                desk.cases().act(v.summary().caseNo(), Command.of(CaseAction.ACCEPT), null, clerk);
                numbers.add(v.summary().caseNo());
            }
            double setupS = (System.nanoTime() - t0) / 1e9;
            Prints prints = new Prints(desk);
            PrintDoc receipt = PrintDoc.of(PrintDoc.Kind.RECEIPT);

            long w0 = System.nanoTime();
            if (warmUp) {
                Prints.warmUp();
            }
            double warmUpMs = (System.nanoTime() - w0) / 1e6;
            long c0 = System.nanoTime();
            byte[] first = prints.render(receipt, numbers.get(0), clerk);
            double coldMs = (System.nanoTime() - c0) / 1e6;
            for (int i = 0; i < 30; i++) {
                prints.render(receipt, numbers.get(i % numbers.size()), clerk);
            }
            double[] ms = new double[samples];
            double[] cpu = new double[samples];
            var threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < samples; i++) {
                long s = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                prints.render(receipt, numbers.get(i % numbers.size()), clerk);
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            double[] load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() >= 0
                    ? new double[] {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()}
                    : new double[] {-1};

            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long before = usedHeap();
            List<Prints.Request> batch = numbers.stream().map(n -> new Prints.Request(receipt, n)).toList();
            long b0 = System.nanoTime();
            byte[] all = prints.renderMany(batch, clerk);
            double batchS = (System.nanoTime() - b0) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            int pages;
            try (PDDocument d = Loader.loadPDF(all)) {
                pages = d.getNumberOfPages();
            }
            System.gc();
            long after = usedHeap();

            System.out.println("## Prints");
            System.out.printf("- setup: %d accepted item-17 cases in %.1f s (not part of the measurements)%n", cases,
                    setupS);
            if (warmUp) {
                System.out.printf("- Prints.warmUp() (templates, fonts, PDF exporter): %.0f ms%n", warmUpMs);
            }
            System.out.printf("- one receipt, first in the process%s: %.0f ms, %d KB%n",
                    warmUp ? " after Prints.warmUp()" : "", coldMs, first.length / 1024);
            System.out.printf("- one receipt warm (%d samples): p50 %.1f ms, p95 %.1f ms, max %.1f ms wall-clock; "
                    + "CPU of the printing thread p50 %.1f ms, p95 %.1f ms; load average %.2f on %d processors%n",
                    samples, pct(ms, 50), pct(ms, 95), ms[ms.length - 1], pct(cpu, 50), pct(cpu, 95), load[0],
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("- %d receipts in one PDF: %.1f s (%.1f ms per receipt), %d pages, %.1f MB; load average "
                    + "%.2f%n", batch.size(), batchS, batchS * 1000 / batch.size(), pages, all.length / 1048576.0,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("- heap: %d MB used before the batch, peak %d MB during it, %d MB after GC "
                    + "(max heap %d MB)%n", before >> 20, peak >> 20, after >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            deleteTree(dir);
        }
    }

    /** A valid value for each of the item's fields that the applicant does not fill. */
    static Map<String, String> fields(ServiceItem item, int i) {
        Map<String, String> f = new LinkedHashMap<>();
        java.util.Set<String> prefilled = java.util.Set.of("name", "insuredName", "idType", "idNumber", "phone");
        item.leafFields().filter(s -> !prefilled.contains(s.key())).forEach(s -> f.put(s.key(), switch (s.type()) {
            case NAME -> "王五";
            case ID_NUMBER -> validId(i + 1);
            case PHONE -> "13812345678";
            case BANK_ACCOUNT -> {
                String payload = "621700000000" + String.format("%06d", i);
                yield payload + Validators.luhnCheckDigit(payload);
            }
            case DATE -> "2026-11-02";
            case PERIOD -> "2026-01-01至2026-06-30";
            case MONEY -> "2468.10";
            case INTEGER -> "10";
            case CHOICE -> s.options().get(0);
            case BOOLEAN -> "是";
            case ADMIN_DIVISION -> "230102";
            case POSTAL_CODE -> "150000";
            case CREDIT_CODE, TEXT, ADDRESS -> "哈尔滨市道里区中央大街1号";
        }));
        return f;
    }

    static String validId(int i) {
        String first17 = "230102" + String.format("%04d", 1950 + i % 50) + "0101" + String.format("%03d", i % 1000);
        return first17 + Validators.residentIdCheckChar(first17);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return def;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
