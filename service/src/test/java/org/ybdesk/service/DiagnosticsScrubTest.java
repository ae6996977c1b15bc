package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.validation.VoucherCodes;

/**
 * 导出诊断信息 (issue 15, D180): generated logs holding every kind of personal data — 18- and 15-digit ID numbers,
 * names of persons the desk knows (registry, users), mobile and landline numbers, bank accounts, e-voucher codes —
 * come back from the zip without any of them, and with everything else (times, levels, case numbers, English).
 */
class DiagnosticsScrubTest {
    @TempDir
    Path dir;

    @Test
    void theZipHoldsLogsAndFactsWithoutPersonalData() throws IOException {
        try (DeskFixture f = new DeskFixture(dir.resolve("data"), LocalDate.of(2026, 11, 25))) {
            String id18 = Samples.residentId("19900315", false);
            f.desk.registry().registerPerson(new RegistryService.PersonInput(IdType.RESIDENT_ID, id18, "欧阳春华", null,
                    null, InsuranceType.RESIDENT, null, null, "13812345678", "哈尔滨市道里区", null), f.clerk);
            String id15 = "230102850315123";
            String card = Samples.bankCard();
            String voucher = voucher();
            String grouped = "6222 0212 3456 7890 123";
            String mobile = "15904511234";
            String landline = "0451-84661234";
            String caseNo = "2301020012026112501000017";
            Path logs = dir.resolve("logs");
            Files.createDirectories(logs.resolve("old"));
            String keep1 = "2026-11-25 10:00:01.123 INFO  [desk-worker] o.y.s.CaseService - case " + caseNo
                    + " accepted, 3 materials, took 42 ms";
            Files.writeString(logs.resolve("ybdesk.log"), String.join("\n",
                    keep1,
                    "2026-11-25 10:00:02.456 WARN  [desk-worker] lookup failed for id " + id18 + " (欧阳春华)",
                    "2026-11-25 10:00:03.000 ERROR [sync] refused: person " + id15 + " phone=" + mobile
                            + " tel " + landline,
                    "2026-11-25 10:00:04.000 INFO  [sync] payee account " + card + " / " + grouped,
                    "2026-11-25 10:00:05.000 INFO  [desk-worker] voucher " + voucher + " resolved for 窗口乙",
                    "java.lang.IllegalStateException: boom",
                    "\tat org.ybdesk.service.CaseService.act(CaseService.java:123)"), StandardCharsets.UTF_8);
            Files.writeString(logs.resolve("old").resolve("ybdesk.2026-11-24.log"),
                    "2026-11-24 09:00:00.000 INFO user 管理员甲 logged in with id " + id18.toLowerCase(),
                    StandardCharsets.UTF_8);
            Map<String, String> system = new LinkedHashMap<>();
            system.put("屏幕 1", "1366×768 @1.0");
            Path out = dir.resolve("out").resolve("diag.zip");

            new Diagnostics(f.desk).export(out, logs, system);

            Map<String, String> zip = read(out);
            assertThat(zip).containsKeys("facts.txt", "logs/ybdesk.log", "logs/old/ybdesk.2026-11-24.log");
            String all = String.join("\n", zip.values());
            for (String secret : new String[] {id18, id18.toLowerCase(), id15, card, grouped, voucher, mobile,
                    landline, "欧阳春华", "窗口乙", "管理员甲"}) {
                assertThat(all).as("scrubbed: " + secret).doesNotContain(secret);
            }
            String log = zip.get("logs/ybdesk.log");
            assertThat(log).contains(keep1).contains("[身份证号]").contains("[姓名]").contains("[电话]")
                    .contains("[银行账号]").contains("[电子凭证码]")
                    .contains("\tat org.ybdesk.service.CaseService.act(CaseService.java:123)")
                    .contains("2026-11-25 10:00:03.000 ERROR [sync]");
            String facts = zip.get("facts.txt");
            assertThat(facts).contains("版本: " + Diagnostics.VERSION).contains("Java: " + System.getProperty("java.version"))
                    .contains("屏幕 1: 1366×768").containsIgnoringCase("person: 1").containsIgnoringCase("app_user: 8")
                    // the folder as scrubbed like any other text: a temporary folder's long digit run reads as an account
                    .contains("数据文件夹: " + new Diagnostics(f.desk).scrubber().scrub(dir.resolve("data").toString()));
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsAChineseProblem() throws IOException {
        try (DeskFixture f = new DeskFixture(dir.resolve("data"), LocalDate.of(2026, 11, 25))) {
            Path blocker = dir.resolve("file");
            Files.writeString(blocker, "x");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Diagnostics(f.desk)
                            .export(blocker.resolve("diag.zip"), dir.resolve("nologs"), Map.of()))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("无法写入诊断文件")
                    .hasMessageContaining("请换一个可写的位置");
        }
    }

    /** A well-formed person voucher code (check character computed by trying each one). */
    private static String voucher() {
        String body = "E" + "3" .repeat(30);
        for (char c : VoucherCodes.CHARSET.toCharArray()) {
            if (VoucherCodes.kind(body + c).isPresent()) {
                return body + c;
            }
        }
        throw new AssertionError("no check character");
    }

    private static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return m;
    }
}
