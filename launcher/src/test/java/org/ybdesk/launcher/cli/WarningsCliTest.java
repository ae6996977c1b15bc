package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.residentId;
import static org.ybdesk.launcher.cli.CliTest.unionPayCard;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.jooq.Tables;
import org.ybdesk.launcher.cli.CliTest.Run;

/**
 * Each validator warning through {@code ybdesk case create} (D94–D97): without {@code --confirm-warnings} exit 4
 * ({@link YbdeskCommand#NEEDS_CONFIRMATION}), the warnings in Chinese and how to confirm on stderr, nothing
 * recorded; with it the case is recorded and the confirmed warnings are on its timeline and in its audit record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningsCliTest {
    static final String PW = "Passw0rd1";
    Path dir;

    Run as(String user, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--user", user, "--password", PW));
        return ybdesk(dir, all.toArray(String[]::new));
    }

    @BeforeAll
    void setUp(@TempDir Path dataDir) {
        dir = dataDir;
        Run init = ybdesk(dir, "init", "--window", "1", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--signature", "道里区医保中心",
                "--hotline", "0451-84661234");
        assertThat(init.code()).as(init.toString()).isZero();
        Run admin = ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", residentId("19700101"));
        assertThat(admin.code()).as(admin.toString()).isZero();
        Run clerk = as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", residentId("19850101"));
        assertThat(clerk.code()).as(clerk.toString()).isZero();
    }

    static String nonLuhnCard() {
        String card = unionPayCard();
        char last = card.charAt(card.length() - 1);
        return card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private String[] item23(String name, String id, String card, String... extra) {
        List<String> a = new ArrayList<>(List.of("case", "create", "--item", "23", "--applicant-id", id,
                "--applicant-name", name, "--phone", "13812345678", "--field", "bankAccountNumber=" + card,
                "--field", "bankName=中国工商银行哈尔滨道里支行", "--all-materials", "paper"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    private String[] item16(String name, String id, String place, String... extra) {
        List<String> a = new ArrayList<>(List.of("case", "create", "--item", "16", "--applicant-id", id,
                "--applicant-name", name, "--phone", "13812345678", "--field", "age=46",
                "--field", "insuranceType=职工基本医疗保险", "--field", "insuredPlace=" + place,
                "--field", "diseaseName=高血压", "--field", "benefitStartDate=2026-12-01", "--all-materials", "paper"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    private int cases() {
        Run list = as("clerk", "case", "list", "--json");
        assertThat(list.code()).as(list.toString()).isZero();
        return list.json().size();
    }

    /** Refused with exit 4 and the fragments, nothing written; recorded with the flag; returns the case JSON. */
    private JsonNode cycle(String[] args, String... fragments) {
        int before = cases();
        Run warned = as("clerk", args);
        assertThat(warned.code()).as(warned.toString()).isEqualTo(YbdeskCommand.NEEDS_CONFIRMATION).isEqualTo(4);
        assertThat(warned.out()).isEmpty();
        assertThat(warned.err()).contains("尚未登记").contains(fragments).contains("--confirm-warnings");
        assertThat(warned.err().lines().filter(l -> l.startsWith("! ")).count()).isEqualTo(fragments.length + 1);
        assertThat(cases()).isEqualTo(before);

        List<String> confirmed = new ArrayList<>(Arrays.asList(args));
        confirmed.add("--confirm-warnings");
        confirmed.add("--json");
        Run ok = as("clerk", confirmed.toArray(String[]::new));
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(cases()).isEqualTo(before + 1);
        JsonNode v = ok.json();
        JsonNode receive = v.at("/events/0");
        assertThat(receive.get("action").asText()).isEqualTo("RECEIVE");
        assertThat(receive.get("actorName").asText()).isEqualTo("李经办");
        assertThat(receive.get("note").asText()).isEqualTo("经办人李经办已核对并确认以下" + fragments.length + "项提示无误");
        assertThat(receive.get("reasons")).hasSize(fragments.length);
        for (int i = 0; i < fragments.length; i++) {
            assertThat(receive.get("reasons").get(i).asText()).contains(fragments[i]);
        }
        String no = v.at("/summary/caseNo").asText();
        Run show = as("clerk", "case", "show", no);
        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(show.out()).contains("已确认提示：").contains(fragments[0]);
        try (var desk = org.ybdesk.service.Desk.open(dir, org.ybdesk.service.Mode.PRODUCTION, CliTest.TODAY)) {
            String after = desk.db().dsl().select(Tables.AUDIT_LOG.AFTER_JSON).from(Tables.AUDIT_LOG)
                    .where(Tables.AUDIT_LOG.ENTITY_ID.eq(no), Tables.AUDIT_LOG.ACTION.eq("CASE_RECEIVE"))
                    .fetchOne(Tables.AUDIT_LOG.AFTER_JSON);
            assertThat(after).contains("\"confirmedWarnings\"").contains("\"warningsConfirmedBy\":\"李经办\"")
                    .contains(fragments);
        }
        Run verify = as("admin", "audit", "verify");
        assertThat(verify.code()).as(verify.toString()).isZero();
        return v;
    }

    @Test
    void bankCardFailingLuhn() {
        String card = nonLuhnCard();
        assertThat(Validators.luhnValid(card)).isFalse();
        JsonNode v = cycle(item23("卡号甲", residentId("19800101"), card), "银行卡号未通过校验位检查");
        assertThat(v.at("/fields/bankAccountNumber").asText()).isEqualTo(card);
    }

    @Test
    void abolishedAdminDivisionNamesItsSuccessor() {
        cycle(item16("区划乙", residentId("19800101"), "371200"),
                "371200（山东省莱芜市）已撤销（2019年），现为 370100 山东省济南市");
    }

    @Test
    void unknownAdminDivision() {
        cycle(item16("区划丙", residentId("19800101"), "239999"), "行政区划代码“239999”不在本机的区划代码表");
    }

    @Test
    void birthDateBefore1900InTheApplicantsNumber() {
        cycle(item16("百岁丁", residentId("18990315"), "230102"), "1899年03月15日早于1900年");
    }

    @Test
    void twoWarningsAtOnceAndProblemsStillRefuse() {
        cycle(item16("百岁戊", residentId("18991231"), "371200"), "1899年12月31日早于1900年", "371200（山东省莱芜市）已撤销");
        Run refused = as("clerk", item16("错误己", residentId("18991231"), "37120", "--confirm-warnings"));
        assertThat(refused.code()).as(refused.toString()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(refused.err()).contains("当前为5位").doesNotContain("--confirm-warnings");
    }

    @Test
    void usualValuesNeedNoFlag() {
        Run r = as("clerk", item16("寻常庚", residentId("19800101"), "239900"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateNamesDivisionsAndWarns(@TempDir Path other) {
        Run ok = ybdesk(other, "validate", "division", "370100");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("OK").contains("山东省济南市");
        Run abolished = ybdesk(other, "validate", "division", "371200");
        assertThat(abolished.code()).as(abolished.toString()).isEqualTo(YbdeskCommand.NEEDS_CONFIRMATION);
        assertThat(abolished.err()).contains("现为 370100 山东省济南市").contains("--confirm-warnings");
        Run early = ybdesk(other, "validate", "id", residentId("18990101"));
        assertThat(early.code()).as(early.toString()).isEqualTo(YbdeskCommand.NEEDS_CONFIRMATION);
        assertThat(early.out()).contains("OK").contains("1899-01-01");
        assertThat(early.err()).contains("早于1900年");
    }
}
