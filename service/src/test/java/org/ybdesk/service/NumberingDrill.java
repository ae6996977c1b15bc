package org.ybdesk.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One desk of agency 230102001 working offline: window {@code W}, {@code total} cases spread over {@code days} days
 * from {@code start} on a fixed clock, each through {@code CaseService.create} on a real H2 folder. Run as a
 * {@code java} process of its own by {@link CaseNumberingTest} (three at once, windows 1–3); writes the numbers it
 * issued, one a line.
 *
 * <p>Arguments: data folder, window, total, first day (ISO), days, output file.
 */
public final class NumberingDrill {
    private NumberingDrill() {
    }

    public static void main(String[] args) throws Exception {
        List<String> issued = run(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                LocalDate.parse(args[3]), Integer.parseInt(args[4]));
        Files.write(Path.of(args[5]), issued);
    }

    static List<String> run(Path dir, int window, int total, LocalDate start, int days) {
        List<String> issued = new ArrayList<>(total);
        try (DeskFixture f = new DeskFixture(dir, start, window)) {
            for (int d = 0; d < days; d++) {
                f.clock.setDay(start.plusDays(d));
                int today = total / days + (d < total % days ? 1 : 0);
                for (int i = 0; i < today; i++) {
                    issued.add(f.create(8, DeskFixture.person("窗口申请人" + "甲乙丙丁戊己庚辛壬癸".charAt(window % 10)), Map.of(), f.clerk)
                            .summary().caseNo());
                    f.clock.advance(Duration.ofSeconds(20));
                }
            }
        }
        return issued;
    }
}
