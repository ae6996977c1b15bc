package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.launcher.cli.CliTest.Run;

/** {@code ybdesk init --window W} (issue 12, D117): required for a new folder, 1–99, fixed once set. */
class InitWindowCliTest {
    private static final String PW = "Passw0rd1";

    @TempDir
    Path dir;

    private Run init(String... window) {
        String[] base = {"init", "--agency-code", "230102001", "--admin-division", "230102", "--agency-name",
            "哈尔滨市道里区医疗保障服务中心"};
        String[] all = new String[base.length + window.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(window, 0, all, base.length, window.length);
        return ybdesk(dir, all);
    }

    @Test
    void theWindowIsRequiredCheckedAndFixed() {
        Run missing = init();
        assertThat(missing.code()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("请填写窗口号（1–99");
        for (String bad : new String[] {"0", "100", "-1"}) {
            Run r = init("--window", bad);
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("窗口号应为 1–99 的整数，「" + bad + "」不在此范围内");
        }
        Run notNumber = init("--window", "三");
        assertThat(notNumber.code()).as(notNumber.toString()).isEqualTo(2);
        assertThat(notNumber.err()).contains("--window", "应为整数");
        // nothing was set up by the refused runs
        Run none = ybdesk(dir, "sync", "status");
        assertThat(none.err()).doesNotContain("Exception");

        Run ok = init("--window", "5");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("本机窗口号：5", "2位窗口号");
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", CliTest.residentId("19750101")).code()).isZero();

        Run same = ybdesk(dir, "init", "--agency-code", "230102001", "--admin-division", "230102", "--agency-name",
                "哈尔滨市道里区医疗保障服务中心", "--user", "admin", "--password", PW);
        assertThat(same.code()).as(same.toString()).isZero();
        assertThat(same.out()).contains("本机窗口号：5");
        Run other = ybdesk(dir, "init", "--agency-code", "230102001", "--admin-division", "230102", "--agency-name",
                "哈尔滨市道里区医疗保障服务中心", "--window", "6", "--user", "admin", "--password", PW);
        assertThat(other.code()).as(other.toString()).isEqualTo(1);
        assertThat(other.err()).contains("本机窗口号已设为 5，不能改为 6");
    }
}
