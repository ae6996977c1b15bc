package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines picocli cannot parse: exit 2, a Chinese text saying what to fix, the command whose help explains it
 * (and that help works), never picocli's English, never escape codes, nothing written to the data folder.
 */
class ChineseParseErrorTest {
    @TempDir
    Path tmp;

    private static final List<String> ENGLISH = List.of("Unknown option", "Missing required", "Usage:",
            "Invalid value", "Did you mean", "Expected parameter", "Unmatched argument", "Exception");

    @Test
    void anUnknownOptionIsNamedInChineseWithTheHelpThatExplainsIt() {
        Path data = tmp.resolve("data");
        CliTest.Run r = CliTest.ybdesk(data, "case", "create", "--itme", "3");
        assertThat(r.code()).as(r.toString()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("无法识别的参数：--itme", "请运行「ybdesk case create --help」查看用法");
        ENGLISH.forEach(e -> assertThat(r.err()).doesNotContain(e));
        assertThat(r.err()).doesNotContain("\u001b[");
        assertThat(data).as("a line that cannot be read opens no database").doesNotExist();
        CliTest.Run alone = CliTest.ybdesk(data, "validate", "phone", "13800138000", "--bogus");
        assertThat(alone.code()).as(alone.toString()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(alone.err()).contains("无法识别的参数：--bogus");
        ENGLISH.forEach(e -> assertThat(alone.err()).doesNotContain(e));
        // the advice is a command that works
        CliTest.Run help = CliTest.ybdesk(data, "case", "create", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("用法： ybdesk case create", "--item");
    }

    @Test
    void missingRequiredOptionsAndUnreadableValuesAreChinese() {
        Path data = tmp.resolve("data");
        CliTest.Run missing = CliTest.ybdesk(data, "init", "--agency-code", "H23010201");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(missing.err()).contains("缺少必填参数", "--admin-division", "--agency-name");
        CliTest.Run value = CliTest.ybdesk(data, "calendar", "due", "--from", "2026-13-45", "--working-days", "5");
        assertThat(value.code()).as(value.toString()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(value.err()).contains("--from", "2026-13-45");
        CliTest.Run noValue = CliTest.ybdesk(data, "calendar", "due", "--working-days");
        assertThat(noValue.code()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(noValue.err()).contains("缺少取值");
        for (CliTest.Run r : List.of(missing, value, noValue)) {
            assertThat(ParameterTexts.hasHan(r.err())).as(r.toString()).isTrue();
            ENGLISH.forEach(e -> assertThat(r.err()).as(r.toString()).doesNotContain(e));
        }
        assertThat(data).doesNotExist();
    }
}
