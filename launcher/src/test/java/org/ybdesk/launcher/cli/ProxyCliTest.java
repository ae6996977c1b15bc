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
 * Issue 13, proxy through the command line: {@code case create --agent-*} records the agent, {@code case show}
 * prints it and {@code --json} reports it as {@code agent}; {@code case list --agent} finds the case; a refused agent
 * exits non-zero with what to fix and records nothing.
 */
class ProxyCliTest {
    static final String PW = "Passw0rd1";

    @TempDir
    Path dir;

    Run as(String user, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--user", user, "--password", PW));
        return ybdesk(dir, all.toArray(String[]::new));
    }

    private String[] item16(String name, String id, String... extra) {
        List<String> a = new ArrayList<>(List.of("case", "create", "--item", "16", "--applicant-id", id,
                "--applicant-name", name, "--phone", "13812345678", "--field", "age=76",
                "--field", "insuranceType=职工基本医疗保险", "--field", "insuredPlace=230102",
                "--field", "diseaseName=高血压", "--field", "benefitStartDate=2026-12-01", "--all-materials", "paper",
                "--confirm-warnings"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void aProxyApplicationFromCreateToShowAndList() {
        Run init = ybdesk(dir, "init", "--window", "1", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--signature", "道里区医保中心",
                "--hotline", "0451-84661234");
        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", residentId("19700101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", residentId("19850101")).code()).isZero();

        String applicant = residentId("19500101");
        String agent = residentId("19800202");
        // refused: the agent is the applicant, and no authorisation — both said, nothing recorded
        Run bad = as("clerk", item16("张老", applicant, "--agent-id", applicant, "--agent-name", "张老",
                "--agent-phone", "13900001111", "--agent-relation", "子女"));
        assertThat(bad.code()).as(bad.toString()).isNotZero();
        assertThat(bad.err()).contains("代办人不能是申请人本人").contains("委托书").doesNotContain("Exception");
        Run none = as("clerk", "case", "list", "--json");
        assertThat(none.json().size()).as(none.toString()).isZero();

        Run ok = as("clerk", item16("张老", applicant, "--agent-id", agent, "--agent-name", "张小", "--agent-phone",
                "13900001111", "--agent-relation", "子女", "--agent-authorisation", "委托书", "--json"));
        assertThat(ok.code()).as(ok.toString()).isZero();
        JsonNode a = ok.json().get("agent");
        assertThat(a.get("name").asText()).isEqualTo("张小");
        assertThat(a.get("idNumber").asText()).isEqualTo(agent);
        assertThat(a.get("relation").asText()).isEqualTo("子女");
        assertThat(a.get("authorisation").asText()).isEqualTo("委托书");
        String caseNo = ok.json().at("/summary/caseNo").asText();

        Run show = as("clerk", "case", "show", caseNo);
        assertThat(show.out()).contains("代办人：张小（子女；证件号码 " + agent + "；电话 13900001111；授权材料：委托书）");
        Run byName = as("clerk", "case", "list", "--agent", "张小");
        assertThat(byName.out()).as(byName.toString()).contains(caseNo);
        Run byId = as("clerk", "case", "list", "--agent", agent, "--json");
        assertThat(byId.json().size()).isEqualTo(1);
        Run other = as("clerk", "case", "list", "--agent", "李", "--json");
        assertThat(other.json().size()).isZero();
    }
}
