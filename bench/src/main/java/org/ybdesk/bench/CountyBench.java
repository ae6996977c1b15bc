package org.ybdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.CaseSummary;
import org.ybdesk.protocol.org.CountyCases;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.SetupService;

/**
 * The county view (issue 12): a county desk applies the summaries of {@code --desks} township desks ×
 * {@code --cases} cases each (item-17 reimbursements accepted, reviewed, rechecked, paid and closed over a month),
 * in pages of 500 as the province sends them, then runs the monthly report over the county ({@code --scope county}).
 * Prints the apply throughput and the report's p50/max over {@code --samples} runs. Target (issue 12): the monthly
 * county report over 20 desks × 5,000 cases in < 5 s.
 */
public final class CountyBench {
    private static final LocalDate MONTH = LocalDate.of(2026, 11, 2);

    private CountyBench() {
    }

    public static void main(String[] args) throws Exception {
        int desks = ReportBenchArgs.intArg(args, "--desks", 20);
        int perDesk = ReportBenchArgs.intArg(args, "--cases", 5_000);
        int samples = ReportBenchArgs.intArg(args, "--samples", 5);
        Path dir = Files.createTempDirectory("ybdesk-countybench");
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION, ReportBench.CLOCK)) {
            desk.setup().initAgency(new SetupService.AgencySetup("230102000", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234", 1), null);
            desk.users().add("admin", "admin", "Bench2026admin", EnumSet.of(Role.ADMIN), Synthetic.staffId(1), null);
            List<CountyCases.DeskCoverage> coverage = new ArrayList<>();
            for (int d = 1; d <= desks; d++) {
                coverage.add(new CountyCases.DeskCoverage(township(d), "第" + d + "街道医保服务站", 1,
                        "第" + d + "街道1号窗口", "2026-11-30 17:00:00"));
            }
            long version = 0;
            long t0 = System.nanoTime();
            List<CaseSummary> page = new ArrayList<>();
            int applied = 0;
            for (int d = 1; d <= desks; d++) {
                for (int i = 1; i <= perDesk; i++) {
                    page.add(summary(d, i, ++version, desk.catalog().version()));
                    if (page.size() == 500) {
                        desk.holdings().applyCounty(new CountyCases(version, true, page, coverage));
                        applied += page.size();
                        page = new ArrayList<>();
                    }
                }
            }
            if (!page.isEmpty()) {
                desk.holdings().applyCounty(new CountyCases(version, false, page, coverage));
                applied += page.size();
            }
            double applySeconds = (System.nanoTime() - t0) / 1e9;
            ReportService.Filter month = new ReportService.Filter(MONTH.withDayOfMonth(1), MONTH.plusDays(28),
                    List.of(), null, null, ReportService.Scope.COUNTY);
            long[] ms = new long[samples];
            int received = 0;
            for (int s = -1; s < samples; s++) {
                long a = System.nanoTime();
                ReportService.Monthly m = desk.reports().monthly(month);
                long b = System.nanoTime();
                received = m.received();
                if (s >= 0) {
                    ms[s] = (b - a) / 1_000_000;
                }
            }
            java.util.Arrays.sort(ms);
            System.out.println(String.format(Locale.ROOT, "County view: %d summaries of %d desks applied in %.1f s "
                    + "(%.2f ms each, pages of 500); monthly county report over %d received cases: p50 %d ms, max %d ms "
                    + "(target < 5000 ms: %s)", applied, desks, applySeconds, applySeconds * 1000 / applied, received,
                    ms[ms.length / 2], ms[ms.length - 1], ms[ms.length - 1] < 5000 ? "met" : "NOT met"));
        }
    }

    private static String township(int d) {
        return "230102" + String.format(Locale.ROOT, "%03d", 100 + d);
    }

    private static CaseSummary summary(int d, int i, long version, String catalogVersion) {
        LocalDate received = MONTH.plusDays(i % 20);
        String no = CaseNumbers.format(township(d), received, 1, i);
        String first17 = "230102" + (1950 + i % 50) + "0101" + String.format(Locale.ROOT, "%03d", i % 1000);
        String id = first17 + Validators.residentIdCheckChar(first17);
        long fen = 10_000L + i;
        String at = received + " 10:00:00";
        List<CaseSummary.Step> steps = List.of(
                new CaseSummary.Step("RECEIVE", null, "RECEIVED", received.toString(), at, "周经办", null),
                new CaseSummary.Step("ACCEPT", "RECEIVED", "ACCEPTED", received.toString(), at, "周经办", null),
                new CaseSummary.Step("REVIEW", "ACCEPTED", "REVIEWED", received.plusDays(1).toString(), at, "陈审核",
                        fen),
                new CaseSummary.Step("RECHECK", "REVIEWED", "RECHECKED", received.plusDays(2).toString(), at, "褚复核",
                        fen),
                new CaseSummary.Step("PAY", "RECHECKED", "PAID", received.plusDays(3).toString(), at, "卫财务", fen),
                new CaseSummary.Step("CLOSE", "PAID", "CLOSED", received.plusDays(3).toString(), at, "蒋经办", null));
        CaseHolder holder = new CaseHolder(no, "230102000", "哈尔滨市道里区医疗保障中心", 2, "后台2号窗口", null, at,
                township(d), 1);
        return new CaseSummary(no, version, 17, catalogVersion, "PERSON", "参保人" + i, id, "医保服务大厅", "CLOSED",
                received.toString(), received.plusDays(27).toString(), holder, steps);
    }

    /** Argument parsing shared with {@link ReportBench}. */
    static final class ReportBenchArgs {
        static int intArg(String[] args, String name, int dflt) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals(name)) {
                    return Integer.parseInt(args[i + 1]);
                }
            }
            return dflt;
        }
    }
}
