package org.ybdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two real kills on a new folder: the harness starts in a child JVM on the test class path, is killed with SIGKILL,
 * and the campaign ends with its summary line. About 13 s on this 2-core machine (longer under load); skip it with
 * {@code -Dcrash.smoke=false}.
 */
@DisabledIfSystemProperty(named = "crash.smoke", matches = "false")
class CrashCampaignSmokeTest {
    @TempDir
    Path work;

    @Test
    void twoKillsEndInTheSummaryLineAndACsvRowEach() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = new CommandLine(new CrashCampaign()).execute("--kills", "2", "--aged-kills", "0",
                    "--migration-kills", "0", "--max-commit-ms", "300", "--work-dir", work.toString());
        } finally {
            System.setOut(saved);
        }
        List<String> out = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(rc).isZero();
        assertThat(CrashCampaign.parseSummary(out.get(out.size() - 1))).isNotNull();
        assertThat(out).anyMatch(l -> l.startsWith("phase=new kills=2 sigkill=2 "));
        List<String> csv = Files.readAllLines(work.resolve("crash-kills.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.subList(1, 3)).allSatisfy(row -> assertThat(row.split(",")[7]).isEqualTo("137"));
    }
}
