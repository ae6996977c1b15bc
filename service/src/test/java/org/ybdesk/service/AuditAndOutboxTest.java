package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.db.AuditLog;
import org.ybdesk.db.Outbox;

/** Every state change commits with its audit record and outbox message; the chain exposes tampering. */
class AuditAndOutboxTest {
    @TempDir
    Path dir;

    @Test
    void eachCaseStepWritesOneAuditRecordAndOneOutboxMessageInOrder() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            long audit0 = f.desk.db().dsl().fetchCount(AUDIT_LOG);
            String no = f.create(15, DeskFixture.person("审计甲"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
            f.desk.cases().act(no, Command.of(CaseAction.CLOSE), null, f.clerk);
            var audits = f.desk.db().dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_ID.eq(no))
                    .orderBy(AUDIT_LOG.SEQ).fetch();
            assertThat(audits).extracting(r -> r.getAction())
                    .containsExactly("CASE_RECEIVE", "CASE_ACCEPT", "CASE_CLOSE");
            assertThat(audits.get(1).getBeforeJson()).contains("\"state\":\"RECEIVED\"");
            assertThat(audits.get(1).getAfterJson()).contains("\"state\":\"ACCEPTED\"");
            assertThat(audits).extracting(r -> r.getActorName()).containsOnly("窗口乙");
            assertThat(f.desk.db().dsl().fetchCount(AUDIT_LOG)).isEqualTo(audit0 + 3);
            var outbox = f.desk.db().dsl().selectFrom(OUTBOX).where(OUTBOX.ENTITY_ID.eq(no)).orderBy(OUTBOX.SEQ).fetch();
            assertThat(outbox).extracting(r -> r.getMsgType())
                    .containsExactly("CASE_RECEIVED", "CASE_TRANSITION", "CASE_TRANSITION");
            assertThat(outbox).extracting(r -> r.getStatus()).containsOnly(Outbox.PENDING);
            assertThat(outbox.get(2).getPayloadJson()).contains("\"action\":\"CLOSE\"").contains("\"message\":\"【");
            assertThat(outbox.get(0).getSeq()).isLessThan(outbox.get(1).getSeq());
            assertThat(AuditLog.verify(f.desk.db().dsl()).ok()).isTrue();
        }
    }

    @Test
    void anEditedOrDeletedAuditRowBreaksTheChainAtThatRow() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String no = f.create(8, DeskFixture.person("审计乙"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
            f.desk.cases().act(no, Command.of(CaseAction.CLOSE), null, f.clerk);
            var dsl = f.desk.db().dsl();
            AuditLog.Verification ok = AuditLog.verify(dsl);
            assertThat(ok.ok()).isTrue();
            long target = dsl.select(AUDIT_LOG.SEQ).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("CASE_ACCEPT"))
                    .fetchOne(AUDIT_LOG.SEQ);
            // someone changes who accepted the case, directly in the database
            dsl.update(AUDIT_LOG).set(AUDIT_LOG.ACTOR_NAME, "别人").where(AUDIT_LOG.SEQ.eq(target)).execute();
            AuditLog.Verification bad = AuditLog.verify(dsl);
            assertThat(bad.ok()).isFalse();
            assertThat(bad.firstBadSeq()).isEqualTo(target);
            // restoring the name but deleting the last row is caught too (the chain then ends early only if a
            // middle row goes missing: delete a middle row)
            dsl.update(AUDIT_LOG).set(AUDIT_LOG.ACTOR_NAME, "窗口乙").where(AUDIT_LOG.SEQ.eq(target)).execute();
            assertThat(AuditLog.verify(dsl).ok()).isTrue();
            dsl.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(target)).execute();
            assertThat(AuditLog.verify(dsl).firstBadSeq()).isEqualTo(target + 1);
        }
    }

    @Test
    void aCommittedStepSurvivesReopeningTheDatabaseFile() {
        String no;
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            no = f.create(8, DeskFixture.person("持久丙"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
        }
        try (Desk again = Desk.open(dir, Mode.PRODUCTION, TestClock.at(LocalDate.of(2026, 11, 2)))) {
            var v = again.cases().show(no, null);
            assertThat(v.summary().stateLabel()).isEqualTo("已受理");
            assertThat(again.db().dsl().fetchCount(CASE_EVENT)).isEqualTo(2);
            assertThat(AuditLog.verify(again.db().dsl()).ok()).isTrue();
        }
    }

    @Test
    void sandboxIsASeparateDatabase() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            f.create(8, DeskFixture.person("生产丁"), Map.of(), f.clerk);
        }
        try (Desk sandbox = Desk.open(dir, Mode.SANDBOX, TestClock.at(LocalDate.of(2026, 11, 2)))) {
            assertThat(sandbox.agency()).isEmpty();
            assertThat(sandbox.db().folder()).isEqualTo(dir.resolve("sandbox"));
            assertThat(sandbox.db().dsl().fetchCount(CASE_EVENT)).isZero();
        }
        assertThat(List.of(dir.resolve("prod/ybdesk.mv.db").toFile().exists())).containsExactly(true);
    }
}
