package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.db.jooq.Tables;

/**
 * Issue 14, item 2 (D163): the promise a receipt reprints. A case accepted without a stored promise (before V10, or
 * made by the sandbox seeder or copied from another desk) reprinted after it closed printed 「无」: the promise is the
 * due date the deadline rule gave on the day of acceptance. The 补正 facts are those of the step's own day.
 */
class PromiseKeptTest {
    @TempDir
    Path dir;

    @Test
    void aClosedCaseWithoutAStoredPromiseStillHasTheDatePromisedOnTheDayOfAcceptance() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String no = f.create(16, DeskFixture.person("孙八"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
            LocalDate due = f.desk.cases().show(no, null).summary().deadline().dueDate();
            assertThat(f.desk.cases().promise(no).promisedOn()).isEqualTo(due);
            f.desk.db().write(tx -> tx.update(Tables.CASE_FILE).setNull(Tables.CASE_FILE.PROMISED_DUE_ON)
                    .setNull(Tables.CASE_FILE.PROMISED_PROVISIONAL).where(Tables.CASE_FILE.CASE_NO.eq(no)).execute());
            f.clock.setDay(LocalDate.of(2026, 11, 9));
            f.desk.cases().act(no, Command.of(CaseAction.REVIEW), null, f.reviewer);
            f.desk.cases().act(no, Command.of(CaseAction.CLOSE), null, f.clerk);
            assertThat(f.desk.cases().show(no, null).summary().state()).isEqualTo(CaseState.CLOSED);

            f.clock.setDay(LocalDate.of(2027, 3, 15));
            var p = f.desk.cases().promise(no);
            assertThat(p.promisedOn()).isEqualTo(due);
            assertThat(p.promisedProvisional()).isFalse();
            assertThat(p.moved()).isFalse(); // closed: no current date to compare with
        }
    }

    @Test
    void theSupplementFactsAreThoseOfTheStepsOwnDay() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String no = f.create(25, DeskFixture.institution("道里区钱七医院"), Map.of(), f.clerk).summary().caseNo();
            assertThat(f.desk.cases().supplementFacts(no)).isNull();
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
            f.clock.setDay(LocalDate.of(2026, 11, 5));
            f.desk.cases().act(no, Command.withReasons(CaseAction.REQUEST_SUPPLEMENT, List.of("补交许可证副本")), null,
                    f.clerk);
            f.clock.setDay(LocalDate.of(2026, 11, 10));
            f.desk.cases().act(no, Command.of(CaseAction.RESUME), null, f.clerk);
            f.clock.setDay(LocalDate.of(2026, 11, 20));
            var s = f.desk.cases().supplementFacts(no);
            assertThat(s.on()).isEqualTo(LocalDate.of(2026, 11, 5));
            assertThat(s.workingDaysLeft()).isEqualTo(27); // 30 less Tue 3, Wed 4, Thu 5 November
            assertThat(f.desk.cases().show(no, null).summary().deadline().workingDaysLeft()).isLessThan(27);
        }
    }
}
