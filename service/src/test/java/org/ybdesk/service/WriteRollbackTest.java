package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.IntakeDecision;
import org.ybdesk.service.CaseService.NewCase;

/**
 * A write that fails at its very last statement leaves no trace in any table: the case's state, its timeline, the
 * applicant's message, the registry, the number sequence, the audit log and the outbox are all as before. The
 * failure is real — an H2 trigger on the real database file refuses the last row the step writes (its outbox
 * message) — and the same step without the trigger changes every one of those tables, so the comparison cannot
 * pass by looking at a write that touched nothing.
 */
class WriteRollbackTest {
    @TempDir
    Path dir;
    DeskFixture f;

    /** Refuses the case's own outbox message: the last row a step or an intake writes. */
    public static final class FailOnCaseMessage implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            for (Object v : newRow) {
                if ("CASE_TRANSITION".equals(v)) {
                    throw new SQLException("test: the last write of the step fails");
                }
            }
        }
    }

    @BeforeEach
    void open() {
        f = new DeskFixture(dir, LocalDate.of(2026, 11, 2));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void arm(boolean on) {
        f.desk.db().write(tx -> tx.execute(on
                ? "CREATE TRIGGER fail_case_message BEFORE INSERT ON outbox FOR EACH ROW CALL \""
                        + FailOnCaseMessage.class.getName() + "\""
                : "DROP TRIGGER fail_case_message"));
    }

    /** Every row of every table of the desk, as text, by table. */
    private Map<String, List<String>> everything() {
        var dsl = f.desk.db().dsl();
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : dsl.fetch("select table_name from information_schema.tables where table_schema = 'PUBLIC'")
                .getValues(0, String.class)) {
            out.put(t, dsl.fetch("select * from \"" + t + "\"").stream().map(Object::toString).sorted().toList());
        }
        return out;
    }

    private static List<String> changedTables(Map<String, List<String>> a, Map<String, List<String>> b) {
        return a.keySet().stream().filter(t -> !a.get(t).equals(b.get(t))).toList();
    }

    @Test
    void aFailedClosingStepRollsBackTheStateTimelineMessageRegistryAuditAndOutbox() {
        Applicant ap = DeskFixture.person("吕十四");
        String no = f.create(2, ap, Map.of(), f.clerk).summary().caseNo();
        f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
        f.desk.cases().act(no, Command.of(CaseAction.REVIEW), null, f.clerk2);
        Map<String, List<String>> before = everything();
        arm(true);
        assertThatThrownBy(() -> f.desk.cases().act(no, Command.of(CaseAction.CLOSE), null, f.clerk))
                .hasStackTraceContaining("the last write of the step fails");
        arm(false);
        assertThat(changedTables(before, everything())).as("tables changed by the failed step").isEmpty();
        // the same step, not refused, writes every one of those tables
        f.desk.cases().act(no, Command.of(CaseAction.CLOSE), null, f.clerk);
        assertThat(changedTables(before, everything())).contains("CASE_FILE", "CASE_EVENT", "CASE_MESSAGE", "PERSON",
                "AUDIT_LOG", "OUTBOX");
    }

    @Test
    void aFailedIntakeWithItsDecisionLeavesNoCaseAndNoNumberInTheDatabase() {
        var item = f.item(2);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        NewCase nc = new NewCase(2, DeskFixture.person("施十五"), Samples.fields(item, Map.of()), m, null, null, null);
        Map<String, List<String>> before = everything();
        arm(true);
        assertThatThrownBy(() -> f.desk.cases().intake(nc, IntakeDecision.ACCEPT, List.of(), null, f.clerk, true))
                .hasStackTraceContaining("the last write of the step fails");
        arm(false);
        assertThat(changedTables(before, everything())).as("tables changed by the failed intake").isEmpty();
        var v = f.desk.cases().intake(nc, IntakeDecision.ACCEPT, List.of(), null, f.clerk, true);
        assertThat(v.summary().stateLabel()).isEqualTo("已受理");
        assertThat(changedTables(before, everything())).contains("CASE_FILE", "CASE_SEQ", "CASE_EVENT",
                "AUDIT_LOG", "OUTBOX");
    }

    @Test
    void aRefusedDecisionAtIntakeStoresNothingAndUsesNoCaseNumber() {
        var item = f.item(2);
        // no material at all: 受理 is refused, and with it the whole intake
        NewCase nc = new NewCase(2, DeskFixture.person("张十六"), Samples.fields(item, Map.of()), Map.of(), null, null,
                null);
        Map<String, List<String>> before = everything();
        assertThatThrownBy(() -> f.desk.cases().intake(nc, IntakeDecision.ACCEPT, List.of(), null, f.clerk, true))
                .isInstanceOf(ServiceException.class).hasMessageContaining("不能受理");
        assertThat(changedTables(before, everything())).isEmpty();
        // the next case gets the first number of the day: the refused one used none
        String no = f.desk.cases().intake(nc, IntakeDecision.REQUEST_SUPPLEMENT, List.of("缺少身份证复印件"), null,
                f.clerk, true).summary().caseNo();
        assertThat(no).endsWith("0001");
    }
}
