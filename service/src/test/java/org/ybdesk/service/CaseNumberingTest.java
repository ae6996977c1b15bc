package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_SEQ;
import static org.ybdesk.db.jooq.Tables.DESK_IDENTITY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.db.CaseNumbering;

/** Window numbers and case numbers (issue 12, D117–D118), on real H2 folders. */
class CaseNumberingTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    static final String AGENCY = "230102001";

    @TempDir
    Path dir;

    private static long audits(Desk d, String action) {
        return d.db().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(action));
    }

    private static String newCase(DeskFixture f, String name) {
        return f.create(8, DeskFixture.person(name), Map.of(), f.clerk).summary().caseNo();
    }

    @Test
    void newCasesCarryTheWindow() {
        try (DeskFixture f = new DeskFixture(dir, MONDAY, 7)) {
            assertThat(f.desk.windowNo()).contains(7);
            assertThat(f.desk.requireWindowNo()).isEqualTo(7);
            String first = newCase(f, "编号甲");
            String second = newCase(f, "编号乙");
            assertThat(first).isEqualTo(AGENCY + "20261102" + "07" + "00001");
            assertThat(second).isEqualTo(AGENCY + "20261102" + "07" + "00002");
            assertThat(CaseNumbers.parse(second, AGENCY)).contains(new CaseNumbers.Parts(AGENCY, MONDAY, 7, 2));
            f.clock.setDay(MONDAY.plusDays(1));
            assertThat(newCase(f, "编号丙")).isEqualTo(AGENCY + "20261103" + "07" + "00001");
        }
    }

    @Test
    void theWindowIsRequiredForANewFolderCheckedAndFixedOnceSet() {
        try (Desk d = Desk.open(dir, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            assertThat(d.windowNo()).isEmpty();
            assertThatThrownBy(d::requireWindowNo).isInstanceOf(ServiceException.class).hasMessageContaining("窗口号");
            SetupService s = d.setup();
            var missing = new SetupService.AgencySetup(AGENCY, "230102", "道里区医保中心", null, null, null);
            assertThat(s.agencyProblems(missing)).containsExactly("请填写窗口号（1–99 的整数，本机构内每台柜台电脑一个，不能重复）");
            assertThatThrownBy(() -> s.initAgency(missing, null)).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("请填写窗口号");
            for (int bad : new int[] {0, 100, -3}) {
                var setup = new SetupService.AgencySetup(AGENCY, "230102", "道里区医保中心", null, null, bad);
                assertThat(s.agencyProblems(setup)).containsExactly("窗口号应为 1–99 的整数，「" + bad + "」不在此范围内");
            }
            // every problem at once: a bad code and a bad window
            assertThat(s.agencyProblems(new SetupService.AgencySetup("x", "230102", "道里区医保中心", null, null, 100)))
                    .hasSize(2);
            assertThat(d.agency()).isEmpty();
            assertThat(audits(d, "WINDOW_SET")).isZero();

            s.initAgency(new SetupService.AgencySetup(AGENCY, "230102", "道里区医保中心", null, null, 12), null);
            assertThat(d.windowNo()).contains(12);
            assertThat(audits(d, "WINDOW_SET")).isOne();
            // the same window again, or none: nothing changes, nothing more is recorded
            s.initAgency(new SetupService.AgencySetup(AGENCY, "230102", "道里区医保服务中心", null, null, 12), null);
            s.initAgency(new SetupService.AgencySetup(AGENCY, "230102", "道里区医保服务中心", null, null, null), null);
            assertThat(audits(d, "WINDOW_SET")).isOne();
            // another window: refused, naming both
            var other = new SetupService.AgencySetup(AGENCY, "230102", "道里区医保中心", null, null, 13);
            assertThat(s.agencyProblems(other)).containsExactly(
                    "本机窗口号已设为 12，不能改为 13（本机已发出的办件编号含有窗口号）");
            assertThatThrownBy(() -> s.initAgency(other, null)).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("已设为 12");
            assertThat(d.windowNo()).contains(12);
            assertThat(d.agency().orElseThrow().getName()).isEqualTo("道里区医保服务中心");
        }
    }

    /** The state a folder of the previous release is in: legacy numbers, a counter without window, no window. */
    private static List<String> makeLegacy(Path data, int cases) {
        List<String> legacy = new ArrayList<>();
        try (DeskFixture f = new DeskFixture(data, MONDAY)) {
            var dsl = f.desk.db().dsl();
            for (int i = 1; i <= cases; i++) {
                String no = newCase(f, "旧号" + "甲乙丙丁戊".charAt(i));
                String old = CaseNumbers.formatLegacy(AGENCY, MONDAY, i);
                dsl.update(CASE_FILE).set(CASE_FILE.CASE_NO, old).where(CASE_FILE.CASE_NO.eq(no)).execute();
                legacy.add(old);
            }
            dsl.deleteFrom(CASE_SEQ).execute();
            dsl.insertInto(CASE_SEQ).set(CASE_SEQ.AGENCY_CODE, AGENCY).set(CASE_SEQ.SEQ_DAY, MONDAY)
                    .set(CASE_SEQ.WINDOW_NO, 0).set(CASE_SEQ.LAST_SEQ, cases).execute();
            dsl.update(DESK_IDENTITY).setNull(DESK_IDENTITY.WINDOW_NO).execute();
            dsl.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("WINDOW_SET")).execute();
        }
        return legacy;
    }

    @Test
    void anOldFolderKeepsItsNumbersAndTakesTheWindowOfItsSyncSettings() throws Exception {
        Path data = dir.resolve("old");
        List<String> legacy = makeLegacy(data, 3);
        Files.writeString(data.resolve("config.properties"),
                "sync.server-url=http\\://127.0.0.1\\:8765\nsync.window-no=4\n");
        try (Desk d = Desk.open(data, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            assertThat(d.windowNo()).contains(4);
            assertThat(audits(d, "WINDOW_SET")).isOne();
            var clerk = d.users().login("clerk", "passw0rdclerk");
            for (String no : legacy) {
                assertThat(d.cases().show(no, clerk).summary().caseNo()).isEqualTo(no);
                assertThat(CaseNumbers.parse(no, AGENCY)).map(CaseNumbers.Parts::windowNo).contains(0);
            }
            d.cases().act(legacy.get(0), Command.of(CaseAction.ACCEPT), null, clerk);
            String next = d.cases().create(new CaseService.NewCase(8, DeskFixture.person("新号"),
                    Samples.fields(d.catalog().item(8), Map.of()),
                    Map.of(1, org.ybdesk.core.catalog.MaterialStatus.PAPER), null, null, null), clerk).summary().caseNo();
            assertThat(next).isEqualTo(AGENCY + "20261102" + "04" + "00001");
        }
        // opened again: the window stays, recorded once
        try (Desk d = Desk.open(data, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            assertThat(d.windowNo()).contains(4);
            assertThat(audits(d, "WINDOW_SET")).isOne();
        }
    }

    @Test
    void anOldFolderWithoutSyncSettingsIsWindowOne() throws Exception {
        Path plain = dir.resolve("plain");
        makeLegacy(plain, 1);
        try (Desk d = Desk.open(plain, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            assertThat(d.windowNo()).contains(1);
        }
        // the key before issue 11 is read too; a number outside 1–99 is not a window: 1, and the log says why
        Path older = dir.resolve("older");
        makeLegacy(older, 1);
        Files.writeString(older.resolve("config.properties"), "sync.desk-no=9\n");
        try (Desk d = Desk.open(older, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            assertThat(d.windowNo()).contains(9);
        }
        Path wide = dir.resolve("wide");
        makeLegacy(wide, 1);
        Files.writeString(wide.resolve("config.properties"), "sync.window-no=120\n");
        try (Desk d = Desk.open(wide, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            assertThat(d.windowNo()).contains(1);
            assertThat(d.db().dsl().select(AUDIT_LOG.AFTER_JSON).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ACTION.eq("WINDOW_SET")).fetchOne(AUDIT_LOG.AFTER_JSON)).contains("120");
        }
    }

    @Test
    void continueNumbersAboveRaisesTheDaysTheProvinceKnows() {
        try (DeskFixture f = new DeskFixture(dir, MONDAY, 3)) {
            newCase(f, "续号甲");
            newCase(f, "续号乙");
            SetupService s = f.desk.setup();
            s.continueNumbersAbove(Map.of(MONDAY, 40, MONDAY.plusDays(1), 5, MONDAY.minusDays(1), 1));
            assertThat(audits(f.desk, "NUMBERS_CONTINUED")).isOne();
            assertThat(newCase(f, "续号丙")).isEqualTo(AGENCY + "20261102" + "03" + "00041");
            f.clock.setDay(MONDAY.plusDays(1));
            assertThat(newCase(f, "续号丁")).isEqualTo(AGENCY + "20261103" + "03" + "00006");
            // what the desk already counts past changes nothing, and is not recorded
            s.continueNumbersAbove(Map.of(MONDAY, 40, MONDAY.plusDays(1), 2));
            s.continueNumbersAbove(Map.of());
            assertThat(audits(f.desk, "NUMBERS_CONTINUED")).isOne();
            assertThat(newCase(f, "续号戊")).isEqualTo(AGENCY + "20261103" + "03" + "00007");
        }
    }

    @Test
    void aRestoreContinuesTheDayAtTheNextBlockAndNoNumberRepeats() {
        Path data = dir.resolve("desk");
        Path backup1 = dir.resolve("b1.ybbak");
        Path backup2 = dir.resolve("b2.ybbak");
        Set<String> issued = new HashSet<>();
        try (DeskFixture f = new DeskFixture(data, MONDAY, 2)) {
            for (int i = 0; i < 3; i++) {
                issued.add(newCase(f, "恢复前" + "甲乙丙丁戊".charAt(i)));
            }
            f.desk.backups().create(backup1, f.admin);
            // issued after the backup: the backup cannot know them; the PC is then lost with its ledger
            for (int i = 0; i < 5; i++) {
                assertThat(issued.add(newCase(f, "备份后" + "甲乙丙丁戊".charAt(i)))).isTrue();
            }
        }
        Path second = dir.resolve("second-pc");
        BackupService.restore(backup1, second, Mode.PRODUCTION, TestClock.at(MONDAY));
        String first;
        try (Desk d = Desk.open(second, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            assertThat(audits(d, "NUMBERS_AFTER_RESTORE")).isOne();
            var clerk = d.users().login("clerk", "passw0rdclerk");
            first = create(d, clerk, "恢复后甲");
            assertThat(first).isEqualTo(AGENCY + "20261102" + "02" + "10001");
            assertThat(issued.add(first)).isTrue();
            assertThat(issued.add(create(d, clerk, "恢复后乙"))).isTrue();
            d.backups().create(backup2, d.users().login("admin", "passw0rdadmin"));
            assertThat(issued.add(create(d, clerk, "恢复后丙"))).isTrue();
        }
        // lost again the same day: restored from the backup made after the first restore
        Path third = dir.resolve("third-pc");
        BackupService.restore(backup2, third, Mode.PRODUCTION, TestClock.at(MONDAY));
        try (Desk d = Desk.open(third, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            var clerk = d.users().login("clerk", "passw0rdclerk");
            String again = create(d, clerk, "再恢复");
            assertThat(again).isEqualTo(AGENCY + "20261102" + "02" + "20001");
            assertThat(issued.add(again)).isTrue();
            // the next day is not touched by a restore of the day before
            ((TestClock) d.clock()).setDay(MONDAY.plusDays(1));
        }
        // restored into the folder it came from (database lost, ledger kept): above both
        BackupService.restore(backup1, dir.resolve("fourth"), Mode.PRODUCTION, TestClock.at(MONDAY.plusDays(1)));
        try (Desk d = Desk.open(dir.resolve("fourth"), Mode.PRODUCTION, TestClock.at(MONDAY.plusDays(1)))) {
            var clerk = d.users().login("clerk", "passw0rdclerk");
            assertThat(create(d, clerk, "次日")).isEqualTo(AGENCY + "20261103" + "02" + "10001");
        }
    }

    @Test
    void nineRestoresADayUseUpTheBlocks() {
        try (DeskFixture f = new DeskFixture(dir, MONDAY, 5)) {
            newCase(f, "块");
            List<Integer> counters = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                counters.add(f.desk.db().write(tx -> CaseNumbering.jumpToNextBlock(tx, f.desk.db().numbers(), AGENCY,
                        MONDAY, 5)));
            }
            assertThat(counters).containsExactly(10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000,
                    90_000, 99_999);
            assertThatThrownBy(() -> newCase(f, "用尽")).isInstanceOf(RuntimeException.class);
        }
    }

    private static String create(Desk d, org.ybdesk.core.lifecycle.Actor clerk, String name) {
        return d.cases().create(new CaseService.NewCase(8, DeskFixture.person(name),
                Samples.fields(d.catalog().item(8), Map.of()), Map.of(1, org.ybdesk.core.catalog.MaterialStatus.PAPER),
                null, null, null), clerk).summary().caseNo();
    }

    /**
     * Three desks of one agency (windows 1, 2, 3), each a {@code java} process of its own on its own H2 folder,
     * offline, issue cases over a week (fixed clocks): not one number twice. 150 cases each in the suite; the
     * campaign of 1,000 each (docs/RELIABILITY.md) is {@code -Dybdesk.numbering.perDesk=1000}.
     */
    @Test
    void threeDesksOfOneAgencyOfflineForAWeekNeverShareANumber() throws Exception {
        List<Process> desks = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        int perDesk = Integer.getInteger("ybdesk.numbering.perDesk", 150);
        long started = System.nanoTime();
        for (int w = 1; w <= 3; w++) {
            Path out = dir.resolve("issued-" + w + ".txt");
            outputs.add(out);
            desks.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai",
                    "-cp", System.getProperty("java.class.path"), NumberingDrill.class.getName(),
                    dir.resolve("desk-" + w).toString(), String.valueOf(w), String.valueOf(perDesk), MONDAY.toString(), "7",
                    out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log-" + w + ".txt").toFile())
                    .start());
        }
        for (int w = 0; w < 3; w++) {
            assertThat(desks.get(w).waitFor(15, TimeUnit.MINUTES)).isTrue();
            assertThat(desks.get(w).exitValue()).as(read(dir.resolve("log-" + (w + 1) + ".txt")))
                    .isZero();
        }
        System.out.printf("three desks, %,d cases: %.1f s%n", 3 * perDesk, (System.nanoTime() - started) / 1e9);
        Set<String> all = new HashSet<>();
        int total = 0;
        for (int w = 1; w <= 3; w++) {
            List<String> issued = Files.readAllLines(outputs.get(w - 1));
            assertThat(issued).hasSize(perDesk);
            total += issued.size();
            all.addAll(issued);
            for (String no : issued) {
                CaseNumbers.Parts p = CaseNumbers.parse(no, AGENCY).orElseThrow();
                assertThat(p.windowNo()).isEqualTo(w);
                assertThat(p.day()).isBetween(MONDAY, MONDAY.plusDays(6));
            }
        }
        assertThat(total).isEqualTo(3 * perDesk);
        assertThat(all).as("duplicate numbers").hasSize(3 * perDesk);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
