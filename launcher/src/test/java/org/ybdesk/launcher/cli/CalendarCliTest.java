package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.service.Desk;

/**
 * Issue 10: {@code ybdesk calendar due} beyond the published calendar (provisional, exit 0), its input checks, and
 * the administrators' warning from 1 October when next year's calendar is missing. Fixed clocks only.
 */
@org.junit.jupiter.api.Tag("calendar")
class CalendarCliTest {
    /** 2026-12-07 (Monday), after 1 October with 2027 unpublished. */
    static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), Desk.ZONE);
    /** 2026-09-30, the day before the warning starts. */
    static final Clock SEPTEMBER = Clock.fixed(Instant.parse("2026-09-30T01:00:00Z"), Desk.ZONE);

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run ybdesk(Clock clock, Path dataDir, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        YbdeskCommand.clock = clock;
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = YbdeskCommand.run(all.toArray(String[]::new), o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreClock() {
        YbdeskCommand.clock = CliTest.TODAY;
    }

    @Test
    void provisionalDueDateIsTheIsoDateFollowedBy暂定AndTheReason() {
        Run r = ybdesk(DECEMBER, dir, "calendar", "due", "--from", "2026-12-07", "--working-days", "20");
        assertThat(r.code()).as(r.toString()).isZero();
        String line = r.out().strip();
        assertThat(line.split(" ")[0]).isEqualTo("2027-01-05");
        assertThat(line).isEqualTo("2027-01-05 暂定 2027年节假日安排尚未公布，按法定节假日暂定");
        assertThat(r.out().lines().count()).isEqualTo(1);
        // December: the administrators' warning, on stderr only
        assertThat(r.err()).contains("2027年节假日安排尚未导入", "ybdesk calendar import");
    }

    @Test
    void dueDateInsideThePublishedYearsIsPlain() {
        Run r = ybdesk(SEPTEMBER, dir, "calendar", "due", "--from", "2026-09-30", "--working-days", "2");
        assertThat(r.code()).as(r.toString()).isZero();
        // 10-01..10-07 国庆节, Thu 10-08 (1), Fri 10-09 (2)
        assertThat(r.out().strip()).isEqualTo("2026-10-09");
        assertThat(r.err()).as("no warning before 1 October").isEmpty();
        Run zero = ybdesk(SEPTEMBER, dir, "calendar", "due", "--from", "2027-03-01", "--working-days", "0");
        assertThat(zero.out().strip()).isEqualTo("2027-03-01");
    }

    @Test
    void badInputIsRefusedInChinese() {
        Run negative = ybdesk(DECEMBER, dir, "calendar", "due", "--from", "2026-12-07", "--working-days", "-1");
        assertThat(negative.code()).as(negative.toString()).isEqualTo(1);
        assertThat(negative.err()).contains("工作日数不能为负数");
        assertThat(negative.out()).isBlank();
        Run huge = ybdesk(DECEMBER, dir, "calendar", "due", "--from", "2026-12-07", "--working-days", "100000");
        assertThat(huge.code()).as(huge.toString()).isEqualTo(1);
        assertThat(huge.err()).contains("工作日数 100000 过大", "0 至 250");
        Run date = ybdesk(DECEMBER, dir, "calendar", "due", "--from", "2026-02-30", "--working-days", "1");
        assertThat(date.code()).as(date.toString()).isEqualTo(2);
        assertThat(date.err()).containsPattern("\\p{IsHan}");
        Run before = ybdesk(DECEMBER, dir, "calendar", "due", "--from", "2024-12-30", "--working-days", "1");
        assertThat(before.code()).as(before.toString()).isEqualTo(1);
        assertThat(before.err()).contains("超出工作日历范围");
    }

    @Test
    void checkShowsAProvisionalDayAndTheLawsHoliday() {
        Run r = ybdesk(DECEMBER, dir, "calendar", "check", "2027-02-09");
        assertThat(r.code()).as(r.toString()).isZero();
        // 初一 on Saturday 2027-02-06 is made up on Tuesday 02-09 by law
        assertThat(r.out()).contains("2027-02-09 不是工作日", "春节", "暂定");
        assertThat(r.err()).contains("2027年节假日安排尚未导入");
    }
}
