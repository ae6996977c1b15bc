package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;

/**
 * Issue 12 end to end on real H2 folders and a real provincial server process: a township service point (window 1)
 * and a county hall with a window desk (window 1, the supervisor's) and a back office (window 2). An item-17
 * reimbursement (门（急）诊费用报销) is accepted at the township while the province is down, uploaded when it is back
 * (forwarded to the county by the default routing), claimed at the back office — where two desks race for it and
 * exactly one wins —, reviewed, rechecked, paid and closed there by other persons, while the township stays offline
 * for a week; then the township syncs and prints the result with the county's amount and names. A supervisor
 * reassigns the cases of a lost desk; the county report covers the three desks.
 *
 * <p>The server runs its own {@code main} as a process on a PostgreSQL of its own ({@link LocalPostgres}), stopped and
 * started again for the outage. Desks are real H2 folders; their commands run through the command line's own entry
 * point ({@link YbdeskCommand#run}) on a fixed clock in this JVM, except where a separate process is the point: the
 * two desks racing for a claim, and the holder killed (SIGKILL) in the middle of 复核 ({@link FixedClockMain}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Passw0rd1";
    private static final String COUNTY = "230102000";
    private static final String TOWNSHIP = "230102101";
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 9, 0);

    @TempDir
    Path dir;

    private LocalPostgres pg;
    private String jdbcUrl;
    private int port;
    private Process server;
    private Path serverLog;
    private int ids;

    @BeforeAll
    void province() throws Exception {
        pg = LocalPostgres.start(Files.createTempDirectory(Path.of("/tmp"), "ybdesk-e2e-pg-"));
        pg.createDatabase("e2e");
        jdbcUrl = pg.jdbcUrl("e2e");
        new ProvinceDb(jdbcUrl, pg.user(), pg.password()).close();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    @AfterAll
    void stop() {
        stopServer();
        if (pg != null) {
            pg.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ the story

    @Test
    void townshipAcceptsCountyDecidesResultComesBack() throws Exception {
        serverCli("agency", "add", "--code", COUNTY, "--name", "哈尔滨市道里区医疗保障中心", "--admdvs", "230102",
                "--level", "COUNTY");
        serverCli("agency", "add", "--code", TOWNSHIP, "--name", "新阳路街道医保服务站", "--admdvs", "230102",
                "--level", "TOWNSHIP", "--parent", COUNTY);
        startServer();
        Desk town = desk("town", TOWNSHIP, "新阳路街道医保服务站", 1);
        Desk hall = desk("hall", COUNTY, "哈尔滨市道里区医疗保障中心", 1);
        Desk back = desk("back", COUNTY, "哈尔滨市道里区医疗保障中心", 2);
        town.user("clerk", "周经办", "窗口经办");
        hall.user("head", "郑主任", "负责人");
        hall.user("hallrev", "冯审核", "审核");
        back.user("reviewer", "陈审核", "审核");
        back.user("rechecker", "褚复核", "复核");
        back.user("finance", "卫财务", "财务");
        back.user("bclerk", "蒋经办", "窗口经办");
        for (Desk d : List.of(town, hall, back)) {
            d.ok(MONDAY, "admin", "sync", "now"); // agencies, routing, catalog, calendar
        }
        // an administrator sees the organisation and the routing the desk will follow
        assertThat(town.ok(MONDAY, "admin", "org").out()).contains("新阳路街道医保服务站（230102101）", "乡镇（街道）",
                "窗口号 01", "17 门（急）诊费用报销", "县（市、区）级");

        // the province goes down; the township takes the application in and accepts it (offline)
        stopServer();
        String no = town.createItem17(MONDAY.plusMinutes(10), "王小明");
        assertThat(no).startsWith(TOWNSHIP + "20260302" + "01");
        JsonNode held = town.json(MONDAY.plusMinutes(11), "clerk", "case", "show", no, "--json");
        assertThat(held.at("/summary/state").asText()).isEqualTo("ACCEPTED");
        assertThat(held.at("/holding/handOff").asText()).isEqualTo("FORWARD");
        Run later = town.run(MONDAY.plusMinutes(12), "clerk", "case", "review", no, "--amount", "1.00");
        assertThat(later.code()).as(later.toString()).isNotZero();
        Run offline = town.run(MONDAY.plusMinutes(13), "admin", "sync", "now");
        assertThat(offline.code()).as(offline.toString()).isNotZero();

        // back online: uploaded and forwarded to the county's pool; both county desks see it waiting for 审核
        startServer();
        town.ok(MONDAY.plusMinutes(30), "admin", "sync", "now");
        hall.ok(MONDAY.plusMinutes(31), "admin", "sync", "now");
        back.ok(MONDAY.plusMinutes(31), "admin", "sync", "now");
        JsonNode copy = back.json(MONDAY.plusMinutes(32), "reviewer", "case", "show", no, "--json");
        assertThat(copy.at("/holding/heldHere").asBoolean()).isFalse();
        assertThat(copy.at("/holding/holder").asText()).contains("道里区医疗保障中心");
        assertThat(copy.at("/holding/from").asText()).contains("新阳路街道医保服务站");

        // two reviewers on two desks claim it at the same moment: exactly one wins, the other is told who holds it
        CompletableFuture<Run> a = CompletableFuture.supplyAsync(
                () -> back.runProcess(MONDAY.plusHours(1), "reviewer", "case", "claim", no));
        CompletableFuture<Run> b = CompletableFuture.supplyAsync(
                () -> hall.runProcess(MONDAY.plusHours(1), "hallrev", "case", "claim", no));
        Run ra = a.get(3, TimeUnit.MINUTES);
        Run rb = b.get(3, TimeUnit.MINUTES);
        assertThat(List.of(ra.code(), rb.code())).as(ra + "\n" + rb).containsExactlyInAnyOrder(0, 1);
        Run lost = ra.code() == 0 ? rb : ra;
        Desk winner = ra.code() == 0 ? back : hall;
        assertThat(lost.err()).contains("已由", "号窗口", "领取").doesNotContain("Exception");
        if (winner == hall) {
            // the hall's reviewer hands it on to the back office: release, then the back office claims it
            hall.ok(MONDAY.plusHours(1).plusMinutes(5), "hallrev", "case", "release", no, "--reason", "转后台审核");
            hall.ok(MONDAY.plusHours(1).plusMinutes(6), "admin", "sync", "now");
            back.ok(MONDAY.plusHours(1).plusMinutes(7), "reviewer", "case", "claim", no);
        }

        // the back office decides over the week, offline between claims and uploads; the township stays offline
        LocalDateTime tue = MONDAY.plusDays(1);
        back.ok(tue, "reviewer", "case", "review", no, "--amount", "321.50");
        // the holder's process is killed in the middle of 复核 and the desk reopened: the step happened whole or not
        // at all, the file verifies, and the rechecker finishes it
        Process killed = back.start(tue.plusDays(1), "rechecker", "case", "recheck", no, "--amount", "321.50");
        Thread.sleep(1_500 + new java.util.Random(20260302L).nextInt(1_500));
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        String afterKill = back.json(tue.plusDays(1).plusMinutes(1), "rechecker", "case", "show", no, "--json")
                .at("/summary/state").asText();
        assertThat(afterKill).isIn("REVIEWED", "RECHECKED");
        back.ok(tue.plusDays(1).plusMinutes(2), "admin", "audit", "verify");
        if (afterKill.equals("REVIEWED")) {
            back.ok(tue.plusDays(1).plusMinutes(3), "rechecker", "case", "recheck", no, "--amount", "321.50");
        }
        back.ok(tue.plusDays(2), "finance", "case", "pay", no);
        back.ok(tue.plusDays(2).plusHours(1), "bclerk", "case", "close", no);
        back.ok(tue.plusDays(3), "admin", "sync", "now");

        // a week later the township syncs: every step came back, with the amount and the county's names
        LocalDateTime nextMonday = MONDAY.plusDays(7);
        town.ok(nextMonday, "admin", "sync", "now");
        JsonNode result = town.json(nextMonday.plusMinutes(1), "clerk", "case", "show", no, "--json");
        assertThat(result.at("/summary/state").asText()).isEqualTo("CLOSED");
        assertThat(result.at("/paid/fen").asLong()).isEqualTo(32_150);
        String timeline = result.toString();
        assertThat(timeline).contains("陈审核", "褚复核", "卫财务");
        Path approval = dir.resolve("approval.pdf");
        town.ok(nextMonday.plusMinutes(2), "clerk", "print", "--case", no, "--doc", "approval", "--out",
                approval.toString());
        assertThat(pdfText(approval)).contains(no, "王小明", "陈审核", "褚复核");

        // the county report covers the three desks; its totals equal the sum of the desks' own
        hall.ok(nextMonday, "admin", "sync", "now");
        Path county = dir.resolve("county-payments.pdf");
        hall.ok(nextMonday.plusMinutes(3), "head", "report", "payments", "--from", "2026-03-01", "--to",
                "2026-03-31", "--scope", "county", "--out", county.toString());
        assertThat(pdfText(county)).contains(no, "321.50");
        Path own = dir.resolve("back-payments.pdf");
        back.ok(nextMonday.plusMinutes(3), "admin", "report", "payments", "--from", "2026-03-01", "--to",
                "2026-03-31", "--out", own.toString());
        assertThat(pdfText(own)).doesNotContain(no); // accepted at the township: not the back office's own

        // a supervisor reassigns the cases of a lost desk: the back office claims a second case and is lost
        String second = town.createItem17(nextMonday.plusHours(1), "李小红");
        town.ok(nextMonday.plusHours(1).plusMinutes(1), "admin", "sync", "now");
        back.ok(nextMonday.plusHours(2), "admin", "sync", "now");
        back.ok(nextMonday.plusHours(2).plusMinutes(1), "reviewer", "case", "claim", second);
        Run noReason = hall.run(nextMonday.plusHours(3), "head", "case", "reassign", "--from-window", "2",
                "--reason", "");
        assertThat(noReason.code()).as(noReason.toString()).isNotZero();
        hall.ok(nextMonday.plusHours(3), "head", "case", "reassign", "--from-window", "2", "--reason",
                "后台电脑故障，改由大厅办理");
        hall.ok(nextMonday.plusHours(3).plusMinutes(1), "admin", "sync", "now");
        hall.ok(nextMonday.plusHours(3).plusMinutes(2), "hallrev", "case", "claim", second);
        hall.ok(nextMonday.plusHours(3).plusMinutes(3), "hallrev", "case", "review", second, "--amount", "88.00");
        hall.ok(nextMonday.plusHours(3).plusMinutes(4), "admin", "sync", "now");
        // the lost desk comes back: its copy says who holds the case now, and it may not act on it
        back.ok(nextMonday.plusHours(4), "admin", "sync", "now");
        Run stale = back.run(nextMonday.plusHours(4).plusMinutes(1), "rechecker", "case", "recheck", second,
                "--amount", "88.00");
        assertThat(stale.code()).as(stale.toString()).isNotZero();
        assertThat(stale.err()).contains("领取").doesNotContain("Exception");
        JsonNode seen = back.json(nextMonday.plusHours(4).plusMinutes(2), "rechecker", "case", "show", second,
                "--json");
        assertThat(seen.at("/summary/state").asText()).as("the lost desk's copy after the hall's review")
                .isEqualTo("REVIEWED");
        assertThat(seen.at("/holding/heldHere").asBoolean()).isFalse();
        for (Desk d : List.of(town, hall, back)) {
            d.ok(nextMonday.plusHours(5), "admin", "audit", "verify");
        }
    }

    // ------------------------------------------------------------------------------------------------ harness

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    final class Desk {
        final Path folder;

        Desk(Path folder) {
            this.folder = folder;
        }

        /** Setup: a staff member of this desk. */
        void user(String username, String name, String role) {
            Run r = inProcess(folder, MONDAY.minusDays(1), List.of("user", "add", "--username", username, "--name",
                    name, "--new-password", PW, "--roles", role, "--person-id", residentId(), "--user", "admin",
                    "--password", PW));
            assertThat(r.code()).as(r.toString()).isZero();
        }

        /** A command of the story, in this JVM (the command line's own entry point on a fixed clock). */
        Run run(LocalDateTime now, String user, String... args) {
            return inProcess(folder, now, withUser(user, args));
        }

        /** A command as a separate process: for the race, where two desks' commands run at the same moment. */
        Run runProcess(LocalDateTime now, String user, String... args) {
            return ybdesk(folder, now, withUser(user, args));
        }

        private List<String> withUser(String user, String... args) {
            List<String> all = new ArrayList<>(Arrays.asList(args));
            if (user != null) {
                all.addAll(List.of("--user", user, "--password", PW));
            }
            return all;
        }

        /** A command as a process the test may kill (SIGKILL) while it runs. */
        Process start(LocalDateTime now, String user, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-Dfile.encoding=UTF-8",
                    "-Dybdesk.test.now=" + now, "-cp", System.getProperty("java.class.path"),
                    FixedClockMain.class.getName()));
            cmd.addAll(Arrays.asList(args));
            cmd.addAll(List.of("--user", user, "--password", PW, "--data-dir", folder.toString()));
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }

        Run ok(LocalDateTime now, String user, String... args) {
            Run r = run(now, user, args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isZero();
            return r;
        }

        JsonNode json(LocalDateTime now, String user, String... args) throws IOException {
            return JSON.readTree(ok(now, user, args).out());
        }

        /** An item-17 reimbursement taken in and accepted in one command; returns its number. */
        String createItem17(LocalDateTime now, String name) throws IOException {
            JsonNode v = json(now, "clerk", "case", "create", "--item", "17", "--applicant-id", residentId(),
                    "--applicant-name", name, "--phone", "13812345678", "--field", "businessType=普通门诊",
                    "--field", "materialDetail=收费票据2张、费用清单1份、处方1份",
                    "--field", "bankAccountNumber=" + CliTest.unionPayCard(),
                    "--field", "bankName=中国建设银行哈尔滨道里支行", "--field", "employerName=无",
                    "--all-materials", "paper", "--decide", "accept", "--json");
            return v.at("/summary/caseNo").asText();
        }
    }

    private Desk desk(String name, String agency, String agencyName, int window) {
        Desk d = new Desk(dir.resolve(name));
        Run init = inProcess(d.folder, MONDAY.minusDays(1), List.of("init", "--agency-code", agency, "--admin-division",
                "230102", "--agency-name", agencyName, "--hotline", "0451-84661234", "--window",
                String.valueOf(window)));
        assertThat(init.code()).as(init.toString()).isZero();
        Run admin = inProcess(d.folder, MONDAY.minusDays(1), List.of("user", "add", "--username", "admin", "--name",
                "管理员" + name, "--new-password", PW, "--roles", "管理员", "--person-id", residentId()));
        assertThat(admin.code()).as(admin.toString()).isZero();
        String token = null;
        for (String line : serverCli("desk", "add", "--agency", agency, "--admdvs", "230102", "--name",
                agencyName + window + "号窗口", "--window", String.valueOf(window)).split("\n")) {
            if (line.startsWith("token=")) {
                token = line.substring("token=".length()).trim();
            }
        }
        assertThat(token).as("token of the new desk").isNotBlank();
        Run configure = inProcess(d.folder, MONDAY.minusDays(1), List.of("sync", "configure", "--server",
                "http://127.0.0.1:" + port, "--token", token, "--user", "admin", "--password", PW));
        assertThat(configure.code()).as(configure.toString()).isZero();
        return d;
    }

    private String residentId() {
        ids++;
        String first17 = "230102" + (1960 + ids % 40) + "0101" + String.format("%03d", ids % 1000);
        return first17 + Validators.residentIdCheckChar(first17);
    }

    /** A command in this JVM on a fixed clock (one at a time: the clock is the command line's static). */
    private static Run inProcess(Path folder, LocalDateTime now, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--data-dir");
        all.add(folder.toString());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.time.Clock before = YbdeskCommand.clock;
        YbdeskCommand.clock = java.time.Clock.fixed(now.atZone(org.ybdesk.service.Desk.ZONE).toInstant(),
                org.ybdesk.service.Desk.ZONE);
        int code;
        try (java.io.PrintStream o = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
             java.io.PrintStream e = new java.io.PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = YbdeskCommand.run(all.toArray(String[]::new), o, e);
        } finally {
            YbdeskCommand.clock = before;
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run ybdesk(Path folder, LocalDateTime now, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-Dybdesk.test.now=" + now,
                "-cp", System.getProperty("java.class.path"), FixedClockMain.class.getName()));
        cmd.addAll(args);
        cmd.add("--data-dir");
        cmd.add(folder.toString());
        return exec(cmd, 180);
    }

    /** The province's administrator registering agencies and desks (in this JVM: setup, not the story). */
    private String serverCli(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--jdbc-url", jdbcUrl, "--db-user", pg.user(), "--db-password", pg.password()));
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = org.ybdesk.province.ProvinceServerMain.commandLine().execute(all.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("province-server " + String.join(" ", args) + "\n" + text).isZero();
        return text;
    }

    private void startServer() throws Exception {
        serverLog = dir.resolve("province.log");
        List<String> cmd = List.of(java(), "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "org.ybdesk.province.ProvinceServerMain", "start", "--jdbc-url", jdbcUrl, "--db-user", pg.user(),
                "--db-password", pg.password(), "--port", String.valueOf(port));
        server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Process p = server;
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(serverLog, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.contains("province server ready")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            ready.complete(false);
        }, "e2e-province-log");
        pump.setDaemon(true);
        pump.start();
        assertThat(ready.get(120, TimeUnit.SECONDS)).as("province server started (log " + serverLog + ")").isTrue();
    }

    private void stopServer() {
        if (server != null) {
            server.destroyForcibly();
            try {
                server.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    private static Run exec(List<String> cmd, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", cmd));
            }
            return new Run(p.exitValue(), out.get(), err.get());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }
}
