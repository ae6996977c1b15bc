package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.residentId;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.launcher.cli.CliTest.Run;

/**
 * Issue 13 through the command line: {@code ybdesk outage add|list} (负责人 only) and {@code ybdesk case create
 * --backfill --occurred-at … --paper-ref …}, {@code case show --json} with both times, {@code case list --sort}.
 * The fixed clock is Monday 2026-11-16 10:00.
 */
class OutageCliTest {
    static final String PW = "Passw0rd1";
    @TempDir
    Path dir;

    Run as(String user, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--user", user, "--password", PW));
        return ybdesk(dir, all.toArray(String[]::new));
    }

    private String[] item16(String name, String... extra) {
        List<String> a = new ArrayList<>(List.of("case", "create", "--item", "16", "--applicant-id",
                residentId("19800101"), "--applicant-name", name, "--phone", "13812345678", "--field", "age=46",
                "--field", "insuranceType=职工基本医疗保险", "--field", "insuredPlace=230100",
                "--field", "diseaseName=高血压", "--field", "benefitStartDate=2026-11-01", "--all-materials", "paper"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void outagesAndBackFillFromTheCommandLine() {
        assertThat(ybdesk(dir, "init", "--window", "1", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--signature", "道里区医保中心",
                "--hotline", "0451-84661234").code()).isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", residentId("19700101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", residentId("19850101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "head", "--name", "王主任", "--new-password", PW,
                "--roles", "窗口经办,负责人", "--person-id", residentId("19750101")).code()).isZero();

        Run refused = as("clerk", "outage", "add", "--from", "2026-11-09 20:00", "--to", "2026-11-12 08:00",
                "--reason", "系统切换");
        assertThat(refused.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(refused.err()).contains("只有负责人或管理员可以登记停机");
        Run bad = as("head", "outage", "add", "--from", "2026-11-09 25:00", "--to", "2026-11-12 08:00",
                "--reason", "系统切换");
        assertThat(bad.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(bad.err()).contains("停机开始时间「2026-11-09 25:00」不是有效的时间").doesNotContain("Exception");

        Run added = as("head", "outage", "add", "--from", "2026-11-09 20:00", "--to", "2026-11-12 08:00",
                "--reason", "系统切换", "--notice", "哈医保发〔2026〕9号");
        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(added.out()).contains("已登记停机：2026-11-09 20:00 至 2026-11-12 08:00（系统切换），涉及 2 天");
        JsonNode list = as("clerk", "outage", "list", "--json").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("reason").asText()).isEqualTo("系统切换");
        assertThat(list.get(0).get("noticeRef").asText()).isEqualTo("哈医保发〔2026〕9号");
        assertThat(as("clerk", "outage", "list").out()).contains("范围：全部业务").contains("登记人：王主任");

        Run bf = as("clerk", item16("补录甲", "--backfill", "--occurred-at", "2026-11-10 10:30", "--paper-ref",
                "纸-001", "--decide", "accept", "--json"));
        assertThat(bf.code()).as(bf.toString()).isZero();
        JsonNode v = bf.json();
        assertThat(v.get("receivedAt").asText()).isEqualTo("2026-11-10T10:30:00");
        assertThat(v.get("enteredAt").asText()).isEqualTo("2026-11-16T10:00:00");
        assertThat(v.get("backfill").get("paperRef").asText()).isEqualTo("纸-001");
        assertThat(v.get("summary").get("receivedOn").asText()).isEqualTo("2026-11-10");
        String no = v.get("summary").get("caseNo").asText();
        assertThat(as("clerk", "case", "show", no).out()).contains("收件时间：2026-11-10 10:30")
                .contains("录入时间：2026-11-16 10:00").contains("［补录］纸质件编号：纸-001");

        // a second outage (Thu 11-12, one working day) extends the back-filled case accepted on 11-10
        Run another = as("admin", "outage", "add", "--from", "2026-11-12 08:00", "--to", "2026-11-13 08:00",
                "--reason", "网络中断");
        assertThat(another.code()).as(another.toString()).isZero();
        assertThat(another.out()).contains("已顺延 1 件在办办件的办结时限：" + no);
        assertThat(as("clerk", "case", "show", no).out()).contains("因系统停机（网络中断）顺延 1 个工作日");

        // outside the outage: the clerk is refused; a 负责人 confirms with --confirm-outside-outage
        Run outside = as("clerk", item16("补录乙", "--backfill", "--occurred-at", "2026-11-05 10:30",
                "--paper-ref", "纸-002"));
        assertThat(outside.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(outside.err()).contains("不在已登记的停机期间内").contains("2026-11-09 20:00 至 2026-11-12 08:00");
        assertThat(as("clerk", "outage", "list", "--json").json().size()).isEqualTo(2);
        assertThat(as("clerk", item16("补录乙", "--backfill", "--occurred-at", "2026-11-05 10:30", "--paper-ref",
                "纸-002", "--confirm-outside-outage")).err()).contains("只有负责人可以确认");
        Run confirmed = as("head", item16("补录乙", "--backfill", "--occurred-at", "2026-11-05 10:30",
                "--paper-ref", "纸-002", "--confirm-outside-outage", "--json"));
        assertThat(confirmed.code()).as(confirmed.toString()).isZero();
        Run future = as("clerk", item16("补录丙", "--backfill", "--occurred-at", "2026-11-17 10:30", "--paper-ref",
                "纸-003"));
        assertThat(future.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(future.err()).contains("晚于现在");
        assertThat(as("clerk", item16("补录丁", "--occurred-at", "2026-11-10 10:30")).err()).contains("--backfill");

        // lists: by 收件 time (the paper's) by default, or by entry
        String secondNo = confirmed.json().get("summary").get("caseNo").asText();
        JsonNode byReceived = as("clerk", "case", "list", "--json").json();
        assertThat(byReceived.get(0).get("caseNo").asText()).isEqualTo(no);
        JsonNode byEntered = as("clerk", "case", "list", "--sort", "entered", "--json").json();
        assertThat(byEntered.get(0).get("caseNo").asText()).isEqualTo(secondNo);
        assertThat(as("clerk", "case", "list", "--sort", "later").err()).contains("排序方式「later」无效");
    }
}
