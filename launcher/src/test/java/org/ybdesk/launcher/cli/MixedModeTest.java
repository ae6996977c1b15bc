package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.desk.Desks;
import org.ybdesk.desk.WindowLock;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SetupService;
import org.ybdesk.service.UserService;

/**
 * One data folder, several programs (issue 15, D179): the window's desk open as the window opens it (with its window
 * lock), and {@code ybdesk} commands in a second JVM on the same folder writing and reading while it stays open;
 * the window goes on writing afterwards, the audit chain has no fork (two JVM starts: the test's cost); a second window on the folder is refused.
 */
class MixedModeTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 10, 0);
    private static final Clock CLOCK = Clock.fixed(NOW.atZone(Desk.ZONE).toInstant(), Desk.ZONE);

    @TempDir
    Path dir;

    record Run(int code, String out) {
    }

    private Run cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dfile.encoding=UTF-8", "-Dybdesk.test.now=" + NOW, "-cp",
                System.getProperty("java.class.path"), FixedClockMain.class.getName()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--data-dir", dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static String staffId(int n) {
        String first17 = "230102" + "19850101" + String.format("%03d", n);
        return first17 + Validators.residentIdCheckChar(first17);
    }

    @Test
    void commandsWorkBesideTheOpenWindowAndASecondWindowIsRefused() throws Exception {
        Desks desks = new Desks(dir, CLOCK);
        try (WindowLock window = WindowLock.acquire(dir).orElseThrow()) {
            Desk d = desks.get(Mode.PRODUCTION);
            d.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234"), null);
            d.users().add("admin", "管理员甲", "passadmin1", EnumSet.of(Role.ADMIN), staffId(1), null);
            Actor admin = d.users().login("admin", "passadmin1");
            assertThat(d.db().remote()).as("the window serves the file").isFalse();

            // a command writes through the window's open database …
            Run add = cli("user", "add", "--username", "clerk2", "--name", "窗口丙", "--new-password", "passclerk2",
                    "--roles", "CLERK", "--person-id", staffId(2), "--user", "admin", "--password", "passadmin1");
            assertThat(add.code()).as(add.out()).isZero();
            assertThat(add.out()).doesNotContain("Exception").doesNotContain("at org.");
            // … the window reads it at once, and another command reads it too
            assertThat(d.users().list()).extracting(UserService.UserView::username).contains("clerk2");
            Run list = cli("user", "list", "--user", "admin", "--password", "passadmin1");
            assertThat(list.code()).as(list.out()).isZero();
            assertThat(list.out()).contains("clerk2").contains("窗口丙");

            // the window goes on writing after the command has gone (the command did not shut the database)
            d.users().add("clerk3", "窗口丁", "passclerk3", EnumSet.of(Role.CLERK), staffId(3), admin);
            assertThat(d.verifyAudit().ok()).as("one audit chain, no fork").isTrue();

            // a second window on the same folder is refused, in Chinese
            assertThat(WindowLock.acquire(dir)).isEmpty();
            assertThat(WindowLock.refusal(dir)).contains("已在另一个 YB Desk 窗口中打开").contains(dir.toString());
        } finally {
            desks.closeAll();
        }
        // once the window is gone, a window may open the folder again, and a command opens it alone
        try (WindowLock again = WindowLock.acquire(dir).orElseThrow()) {
            assertThat(again).isNotNull();
        }
        Desks after = new Desks(dir, CLOCK);
        try {
            assertThat(after.get(Mode.PRODUCTION).users().list()).extracting(UserService.UserView::username)
                    .contains("clerk2", "clerk3");
            assertThat(after.get(Mode.PRODUCTION).verifyAudit().ok()).isTrue();
        } finally {
            after.closeAll();
        }
    }
}
