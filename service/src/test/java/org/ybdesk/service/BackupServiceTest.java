package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;

/** The restore drill: a working desk backed up, the backup checked, restored elsewhere and worked on again. */
class BackupServiceTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    @Test
    void aBackupOfAWorkingDeskRestoresToTheSameCasesAndAuditAndNumbersGoOnWithoutRepeats() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backups/drill.ybbak");
        List<String> before = new ArrayList<>();
        try (DeskFixture f = new DeskFixture(data, MONDAY)) {
            for (int i = 0; i < 5; i++) {
                String no = f.create(8, DeskFixture.person("备份" + "甲乙丙丁戊".charAt(i)), Map.of(), f.clerk).summary().caseNo();
                f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
                before.add(no);
            }
            assertThatThrownBy(() -> f.desk.backups().create(backup, f.clerk)).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("管理员");
            var v = f.desk.backups().create(backup, f.admin);
            assertThat(v.bytes()).isPositive();
            assertThat(f.desk.backups().last()).get().extracting(BackupService.BackupView::sha256)
                    .isEqualTo(v.sha256());
            // a case made after the backup: its number must never come back after a restore into this folder
            before.add(f.create(8, DeskFixture.person("备份后"), Map.of(), f.clerk).summary().caseNo());
        }
        var m = BackupService.verify(backup);
        assertThat(m.cases()).isEqualTo(5);

        // restore into a new data folder: same cases, audit chain verifies, the desk works
        Path other = dir.resolve("restored");
        BackupService.restore(backup, other, Mode.PRODUCTION, TestClock.at(MONDAY));
        try (Desk d = Desk.open(other, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            assertThat(d.verifyAudit().ok()).isTrue();
            for (String no : before.subList(0, 5)) {
                assertThat(d.cases().show(no, d.users().login("clerk", "passw0rdclerk")).summary().caseNo())
                        .isEqualTo(no);
            }
        }
        assertThatThrownBy(() -> BackupService.restore(backup, other, Mode.PRODUCTION, TestClock.at(MONDAY)))
                .isInstanceOf(ServiceException.class).hasMessageContaining("已有数据库");

        // restore into the original folder after its database file was lost: the ledger stays, no number repeats
        Files.delete(data.resolve("prod/ybdesk.mv.db"));
        BackupService.restore(backup, data, Mode.PRODUCTION, TestClock.at(MONDAY));
        try (Desk d = Desk.open(data, Mode.PRODUCTION, TestClock.at(MONDAY))) {
            var clerk = d.users().login("clerk", "passw0rdclerk");
            String next = d.cases().create(new CaseService.NewCase(8, DeskFixture.person("恢复后"),
                    Samples.fields(d.catalog().item(8), Map.of()), Map.of(1, org.ybdesk.core.catalog.MaterialStatus.PAPER),
                    null, null, null), clerk).summary().caseNo();
            assertThat(before).doesNotContain(next);
            assertThat(next.compareTo(before.get(before.size() - 1))).isPositive();
        }
    }

    @Test
    void theDailyBackupRunsOnceADayAndKeepsTheConfiguredGenerations() throws Exception {
        Path folder = dir.resolve("auto");
        try (DeskFixture f = new DeskFixture(dir.resolve("data"), MONDAY)) {
            assertThat(f.desk.backups().dailyIfDue()).isEmpty();
            assertThatThrownBy(() -> f.desk.backups().configure(dir.resolve("data/prod/inside"), 3, f.admin))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("数据目录以外");
            assertThatThrownBy(() -> f.desk.backups().configure(folder, 0, f.admin))
                    .isInstanceOf(ServiceException.class);
            f.desk.backups().configure(folder, 2, f.admin);
            assertThat(f.desk.backups().dailyIfDue()).isPresent();
            assertThat(f.desk.backups().dailyIfDue()).isEmpty();
        }
        // the next days: one each, the oldest beyond 2 deleted
        for (int day = 1; day <= 3; day++) {
            try (Desk d = Desk.open(dir.resolve("data"), Mode.PRODUCTION, TestClock.at(MONDAY.plusDays(day)))) {
                assertThat(d.backups().dailyIfDue()).isPresent();
            }
        }
        try (var files = Files.list(folder)) {
            List<Path> kept = files.toList();
            assertThat(kept).hasSize(2);
            kept.forEach(p -> assertThat(BackupService.verify(p).cases()).isZero());
        }
    }
}
