package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.service.CaseService.CaseQuery;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SandboxSeeder;

/**
 * {@code ybdesk --sandbox …}: the command line's training sandbox is the window's — seeded on first use by the same
 * seeder the login window calls, as of the desk's (fixed) today, with the same cases — and production is untouched.
 */
class SandboxCliTest {
    /** Seeded the way the window's first sandbox start seeds it ({@code LoginFrame}: SandboxSeeder.seed). */
    @TempDir
    static Path window;
    static Map<String, String> windowCases;

    @BeforeAll
    static void seedLikeTheWindow() {
        SandboxSeeder.seed(window, CliTest.TODAY);
        windowCases = cases(window);
    }

    /** Case number → item, state and applicant of every sandbox case. */
    static Map<String, String> cases(Path dataDir) {
        try (Desk d = Desk.open(dataDir, Mode.SANDBOX, CliTest.TODAY)) {
            return d.cases().list(new CaseQuery(null, null, null, null, null, 10_000, null)).stream()
                    .collect(Collectors.toMap(c -> c.caseNo(), c -> c.itemNo() + ":" + c.state() + ":"
                            + c.applicantName(), (a, b) -> a, TreeMap::new));
        }
    }

    @Test
    void sandboxInitSeedsTheWindowsTrainingDataAndListsTheAccounts(@TempDir Path dir) {
        CliTest.Run r = CliTest.ybdesk(dir, "--sandbox", "init");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("正在准备培训环境数据", "培训环境数据已就绪");
        assertThat(r.out()).contains("培训环境已准备好", "trainer / px260001", "clerk1 / px260002");
        assertThat(windowCases).hasSizeGreaterThan(100);
        assertThat(cases(dir)).isEqualTo(windowCases);
        assertThat(dir.resolve("prod")).as("production untouched").doesNotExist();

        // a second init keeps what is there (a trainee's work is not thrown away)
        CliTest.Run again = CliTest.ybdesk(dir, "--sandbox", "init");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("培训环境已存在，数据保持不变");
        assertThat(again.err()).doesNotContain("正在准备");

        // agency options do not apply to the sandbox: said in Chinese, exit 2, nothing changed
        CliTest.Run options = CliTest.ybdesk(dir, "--sandbox", "init", "--agency-code", "H1");
        assertThat(options.code()).as(options.toString()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(options.err()).contains("培训环境的经办机构是固定的培训机构");
        assertThat(cases(dir)).isEqualTo(windowCases);
    }

    @Test
    void anySandboxCommandInADataFolderSeedsFirst(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir); // a data folder (e.g. production's) whose sandbox was never opened
        CliTest.Run r = CliTest.ybdesk(dir, "--sandbox", "--user", "clerk1", "--password", "px260002",
                "case", "list", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("正在准备培训环境数据");
        assertThat(r.json().size()).isPositive();
        assertThat(cases(dir)).isEqualTo(windowCases);
        assertThat(dir.resolve("prod")).doesNotExist();
    }

    @Test
    void productionInitStillNeedsItsAgencyInChinese(@TempDir Path dir) {
        CliTest.Run r = CliTest.ybdesk(dir, "init", "--agency-code", "H23010201");
        assertThat(r.code()).as(r.toString()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(r.err()).contains("缺少必填参数", "--admin-division", "--agency-name");
        assertThat(dir.resolve("prod")).doesNotExist();
        assertThat(dir.resolve("sandbox")).doesNotExist();
    }
}
