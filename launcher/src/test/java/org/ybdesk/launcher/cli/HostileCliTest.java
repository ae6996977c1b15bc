package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.launcher.cli.CliTest.Run;

/**
 * Hostile command lines, run in-process against a real data folder: bad dates, bad amounts, control characters and
 * NUL in names, unknown options, missing values, bad enums, overlong values, bad case numbers, a missing data folder.
 * Each must end in a Chinese message and a non-zero exit code, never in a stack trace, and none may store anything
 * (the audit log, which records every change, keeps its length; a mistyped data folder is not created).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCliTest {
    static final String PW = "passw0rd-h";
    static final Pattern AUDIT_COUNT = Pattern.compile("(\\d+) 条记录");

    Path dir;
    String caseNo;
    String personId;
    String unitCode;

    @BeforeAll
    void setUp(@TempDir Path dataDir) {
        dir = dataDir;
        ok(ybdesk(dir, "init", "--window", "1", "--agency-code", "230102001", "--admin-division", "230102", "--agency-name",
                "哈尔滨市道里区医疗保障服务中心", "--hotline", "0451-84661234"));
        ok(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW, "--roles",
                "管理员", "--person-id", CliTest.residentId("19700101")));
        ok(ybdesk(dir, "--user", "admin", "--password", PW, "user", "add", "--username", "clerk", "--name", "李经办",
                "--new-password", PW, "--roles", "窗口经办", "--person-id", CliTest.residentId("19750101")));
        ok(ybdesk(dir, "--user", "admin", "--password", PW, "user", "add", "--username", "finance", "--name",
                "王财务", "--new-password", PW, "--roles", "财务", "--person-id", CliTest.residentId("19760101")));
        personId = CliTest.residentId("19800101");
        ok(as("clerk", "person", "add", "--id", personId, "--name", "刘䶮", "--insurance-type", "职工"));
        unitCode = CliTest.creditCode();
        Run c = ok(as("clerk", "case", "create", "--item", "16", "--applicant-id", CliTest.residentId("19800101"),
                "--applicant-name", "阿卜杜·热合曼", "--phone", "13812345678", "--field", "age=46", "--field",
                "insuranceType=职工基本医疗保险", "--field", "insuredPlace=230102", "--field", "diseaseName=高血压",
                "--field", "benefitStartDate=2026-12-01", "--all-materials", "paper", "--json"));
        caseNo = c.json().get("summary").get("caseNo").asText();
    }

    static Run ok(Run r) {
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    Run as(String user, String... args) {
        List<String> all = new ArrayList<>(List.of("--user", user, "--password", PW));
        all.addAll(List.of(args));
        return ybdesk(dir, all.toArray(String[]::new));
    }

    int auditRecords() {
        Run r = ok(as("admin", "audit", "verify"));
        Matcher m = AUDIT_COUNT.matcher(r.out());
        assertThat(m.find()).as(r.toString()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The hostile lines; {@code C} is replaced by the existing case number. */
    List<String[]> lines() {
        String id = CliTest.residentId("19850505");
        String nul = "\u0000";
        String rlo = "\u202E";
        List<String[]> l = new ArrayList<>();
        // ---- dates
        l.add(new String[] {"case", "list", "--from", "2026-02-30"});
        l.add(new String[] {"case", "list", "--to", "20260230"});
        l.add(new String[] {"case", "list", "--from", "2026-13-01"});
        l.add(new String[] {"case", "list", "--from", "2026-02-2" + nul});
        l.add(new String[] {"case", "list", "--from", "yesterday"});
        l.add(new String[] {"calendar", "check", "20260230"});
        l.add(new String[] {"calendar", "check", "2026-02-29"});
        l.add(new String[] {"calendar", "due", "--from", "2026-04-31", "--working-days", "3"});
        l.add(new String[] {"calendar", "due", "--from", "2026-04-01", "--working-days", "-3"});
        l.add(new String[] {"calendar", "due", "--from", "2026-04-01", "--working-days", "3天"});
        l.add(new String[] {"report", "ledger", "--from", "2026-02-30", "--to", "2026-03-01", "--out",
                dir.resolve("r.pdf").toString()});
        l.add(new String[] {"report", "ledger", "--from", "20260101", "--to", "20260231", "--out",
                dir.resolve("r.pdf").toString()});
        l.add(new String[] {"case", "create", "--item", "15", "--applicant-id", id, "--applicant-name", "赵一",
                "--all-materials", "paper", "--field", "filingStartDate=20260230"});
        // ---- amounts
        l.add(new String[] {"case", "pay", "C", "--amount", "-100"});
        l.add(new String[] {"case", "pay", "C", "--amount", "0"});
        l.add(new String[] {"case", "pay", "C", "--amount", "abc"});
        l.add(new String[] {"case", "pay", "C", "--amount", "1e9"});
        l.add(new String[] {"case", "pay", "C", "--amount", "100000000.01"});
        l.add(new String[] {"case", "pay", "C", "--amount", "1.234"});
        l.add(new String[] {"case", "pay", "C", "--amount", "NaN"});
        l.add(new String[] {"case", "accept", "C", "--amount", "-5"});
        l.add(new String[] {"case", "create", "--item", "27", "--applicant-id", unitCode, "--applicant-name", "某医院",
                "--all-materials", "electronic", "--declared", "-1", "--reconciled", "-1"});
        l.add(new String[] {"case", "create", "--item", "27", "--applicant-id", unitCode, "--applicant-name", "某医院",
                "--all-materials", "electronic", "--declared", "0", "--reconciled", "0"});
        l.add(new String[] {"case", "create", "--item", "27", "--applicant-id", unitCode, "--applicant-name", "某医院",
                "--all-materials", "electronic", "--declared", "999999999999", "--reconciled", "999999999999"});
        // ---- control characters, NUL, direction and zero-width characters
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", nul,
                "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张三" + rlo,
                "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张\u200B三",
                "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张\u0007三",
                "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张\n三",
                "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张三",
                "--channel", "窗口\u001B[31m", "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张三",
                "--field", "householdAddress=某街" + nul, "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张三",
                "--field", "no" + rlo + "pe=1", "--all-materials", "paper"});
        l.add(new String[] {"person", "add", "--id", id, "--name", nul, "--insurance-type", "职工"});
        l.add(new String[] {"person", "add", "--id", id, "--name", "李" + rlo + "四", "--insurance-type", "职工"});
        l.add(new String[] {"person", "add", "--id", id, "--name", "李四", "--insurance-type", "职工",
                "--household-address", "某街\u2066"});
        l.add(new String[] {"unit", "add", "--credit-code", CliTest.creditCode(), "--name", "某\uFEFF公司"});
        l.add(new String[] {"case", "refuse", "C", "--reason", "材料不全" + nul});
        l.add(new String[] {"case", "refuse", "C", "--reason", "材料" + rlo + "不全"});
        l.add(new String[] {"case", "accept", "C", "--note", "备注\u200D"});
        l.add(new String[] {"user", "add", "--username", "x" + nul, "--name", "某", "--new-password", PW, "--roles",
                "窗口经办"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", "2301" + rlo + "02", "--applicant-name",
                "张三", "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "\uD800张",
                "--all-materials", "paper"});
        // ---- unknown options, missing values, bad enums
        l.add(new String[] {"case", "list", "--bogus"});
        l.add(new String[] {"--no-such-option"});
        l.add(new String[] {"case", "frobnicate", "C"});
        l.add(new String[] {"case"});
        l.add(new String[] {"case", "create"});
        l.add(new String[] {"case", "create", "--item"});
        l.add(new String[] {"case", "list", "--from"});
        l.add(new String[] {"case", "pay", "C", "--amount"});
        l.add(new String[] {"case", "accept"});
        l.add(new String[] {"case", "create", "--item", "3", "--item", "4", "--applicant-id", id});
        l.add(new String[] {"case", "list", "--limit", "abc"});
        l.add(new String[] {"case", "list", "--limit", "99999999999999999999"});
        l.add(new String[] {"case", "list", "--item", "三"});
        l.add(new String[] {"case", "list", "--state", "NOT_A_STATE"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--id-type", "驾驶证",
                "--applicant-name", "张三"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张三",
                "--all-materials", "carrier-pigeon"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张三",
                "--material", "x=paper"});
        l.add(new String[] {"case", "create", "--item", "99", "--applicant-id", id, "--applicant-name", "张三"});
        l.add(new String[] {"person", "add", "--id", id, "--name", "张三", "--insurance-type", "火星险"});
        l.add(new String[] {"person", "add", "--id", id, "--name", "张三", "--insurance-type", "职工", "--status",
                "飞升"});
        l.add(new String[] {"user", "add", "--username", "u2", "--name", "某", "--new-password", PW, "--roles",
                "国王"});
        l.add(new String[] {"report", "weekly", "--from", "2026-01-01", "--to", "2026-01-31", "--out",
                dir.resolve("w.pdf").toString()});
        l.add(new String[] {"report", "ledger", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "docx",
                "--out", dir.resolve("w.docx").toString()});
        l.add(new String[] {"print", "--case", "C", "--doc", "love-letter", "--out", dir.resolve("p.pdf").toString()});
        l.add(new String[] {"validate", "frobnicate", "x"});
        l.add(new String[] {"sync", "configure", "--server", "http://x", "--desk-no", "x", "--token", "t"});
        // ---- overlong values
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张".repeat(65),
                "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张三",
                "--channel", "窗".repeat(41), "--all-materials", "paper"});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", "1".repeat(40), "--applicant-name",
                "张三", "--all-materials", "paper"});
        l.add(new String[] {"person", "add", "--id", id, "--name", "李四", "--insurance-type", "职工",
                "--living-address", "址".repeat(301)});
        l.add(new String[] {"unit", "add", "--credit-code", CliTest.creditCode(), "--name", "某".repeat(201)});
        l.add(new String[] {"case", "refuse", "C", "--reason", "因".repeat(501)});
        l.add(new String[] {"case", "accept", "C", "--note", "注".repeat(1001)});
        l.add(new String[] {"case", "create", "--item", "3", "--applicant-id", id, "--applicant-name", "张三",
                "--field", "householdAddress=" + "址".repeat(600), "--all-materials", "paper"});
        // ---- bad case numbers
        l.add(new String[] {"case", "show", "NO-SUCH-CASE"});
        l.add(new String[] {"case", "accept", "C" + nul});
        l.add(new String[] {"case", "accept", "2301" + rlo + "02001"});
        l.add(new String[] {"case", "accept", "9".repeat(300)});
        l.add(new String[] {"case", "accept", "'; DROP TABLE case_file; --"});
        l.add(new String[] {"case", "materials", "C", "--material", "999=paper"});
        l.add(new String[] {"print", "--case", "NO-SUCH-CASE", "--doc", "receipt", "--out",
                dir.resolve("q.pdf").toString()});
        // ---- logins
        l.add(new String[] {"--user", "clerk" + nul, "case", "list"});
        return l;
    }

    @Test
    void hostileCommandLinesEndInChineseWithoutTraceAndStoreNothing() {
        int before = auditRecords();
        List<String[]> lines = lines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(60);
        List<String> failures = new ArrayList<>();
        StringBuilder transcript = new StringBuilder();
        for (String[] line : lines) {
            String[] args = line.clone();
            for (int i = 0; i < args.length; i++) {
                if (line[i].equals("C")) {
                    args[i] = caseNo;
                } else if (line[i].equals("C\u0000")) {
                    args[i] = caseNo + "\u0000";
                }
            }
            List<String> all = new ArrayList<>();
            if (args[0].equals("user")) {
                all.addAll(List.of("--user", "admin", "--password", PW));
            } else if (!args[0].equals("--user")) {
                boolean pay = args[0].equals("case") && args.length > 1 && args[1].equals("pay");
                all.addAll(List.of("--user", pay ? "finance" : "clerk", "--password", PW));
            }
            all.addAll(List.of(args));
            Run r = ybdesk(dir, all.toArray(String[]::new));
            String shown = String.join(" ", List.of(args).stream()
                    .map(org.ybdesk.core.validation.InputHygiene::visible).toList());
            String both = r.out() + r.err();
            transcript.append("$ ybdesk ").append(shown).append("\n").append(r.err()).append("exit ")
                    .append(r.code()).append("\n\n");
            if (r.code() == 0) {
                failures.add("exit 0: " + shown + "\n" + r);
            }
            if (both.contains("Exception") || both.contains("at org.") || both.contains("at java.")
                    || both.contains("\tat ")) {
                failures.add("stack trace: " + shown + "\n" + r);
            }
            if (!r.err().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                failures.add("no Chinese message: " + shown + "\n" + r);
            }
            if (r.err().contains("\u202E") || r.err().contains("\u0000")) {
                failures.add("hostile character echoed: " + shown + "\n" + r);
            }
        }
        try { // what a person sees, for review
            Files.writeString(Path.of("target", "hostile-cli.txt"), transcript.toString());
        } catch (java.io.IOException | RuntimeException e) {
            // not needed for the verdict
        }
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
        assertThat(auditRecords()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aMistypedDataFolderIsNotCreated(@TempDir Path other) {
        Path missing = other.resolve("no-such-folder");
        List<String[]> lines = List.of(
                new String[] {"--user", "clerk", "--password", PW, "case", "list"},
                new String[] {"--user", "clerk", "--password", PW, "person", "show", personId},
                new String[] {"--user", "admin", "--password", PW, "audit", "verify"},
                new String[] {"user", "add", "--username", "admin", "--name", "某", "--new-password", PW, "--roles",
                        "管理员", "--person-id", CliTest.residentId("19700101")},
                new String[] {"--sandbox", "--user", "clerk", "--password", PW, "case", "list"});
        for (String[] line : lines) {
            Run r = ybdesk(missing, line);
            assertThat(r.code()).as(r.toString()).isEqualTo(YbdeskCommand.REFUSED);
            assertThat(r.err()).as(r.toString()).contains("还没有经办柜台数据库", "ybdesk init")
                    .doesNotContain("Exception");
        }
        assertThat(Files.exists(missing.resolve("prod"))).isFalse();
        assertThat(Files.exists(missing.resolve("sandbox"))).isFalse();
        // a data folder that is a file, or a path that cannot exist
        Path file = other.resolve("a-file");
        try {
            Files.writeString(file, "x");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Run onFile = ybdesk(file, "--user", "clerk", "--password", PW, "case", "list");
        assertThat(onFile.code()).as(onFile.toString()).isNotZero();
        assertThat(onFile.err()).containsPattern("\\p{IsHan}").doesNotContain("Exception");
        Run nul = ybdesk(dir, "--data-dir", "/tmp/\u0000x", "case", "list");
        assertThat(nul.code()).as(nul.toString()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(nul.err()).contains("空字符").doesNotContain("Exception");
    }

    @Test
    void goodInputStillWorksAndKeepsRareCharacters() {
        Run show = ok(as("clerk", "person", "show", personId, "--json"));
        assertThat(show.json().get("name").asText()).isEqualTo("刘䶮");
        Run list = ok(as("clerk", "case", "list", "--from", "2026-01-01", "--to", "20991231"));
        assertThat(list.out()).contains("阿卜杜·热合曼");
        Run help = ok(ybdesk(dir, "case", "create", "--help"));
        assertThat(help.out()).contains("用法", "--applicant-name").doesNotContain("Usage");
    }
}
