package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.protocol.change.CaseReceived;
import org.ybdesk.protocol.change.CaseStepped;

/** The outbox stores the actor of each message (D103); sync reads it from there, the audit check vouches for it. */
class OutboxActorTest {
    @TempDir
    Path dir;

    @Test
    void eachMessageCarriesItsActorAndPendingReadsItWithTheTypedChange() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String no = f.create(15, DeskFixture.person("行动甲"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk2);
            var rows = f.desk.db().dsl().selectFrom(OUTBOX).where(OUTBOX.ENTITY_ID.eq(no)).orderBy(OUTBOX.SEQ).fetch();
            assertThat(rows).extracting(r -> r.getActorId()).containsExactly(f.clerk.id(), f.clerk2.id());
            assertThat(rows).extracting(r -> r.getActorUsername()).containsExactly("clerk", "clerk2");
            assertThat(rows).extracting(r -> r.getActorName()).containsExactly("窗口乙", "窗口丙");
            var pending = new SyncStore(f.desk).pending(1000).stream().filter(m -> no.equals(m.entityId())).toList();
            assertThat(pending).extracting(SyncStore.PendingMessage::operator).containsExactly("clerk", "clerk2");
            assertThat(pending).extracting(SyncStore.PendingMessage::operatorName).containsExactly("窗口乙", "窗口丙");
            assertThat(pending.get(0).change()).isInstanceOfSatisfying(CaseReceived.class,
                    c -> assertThat(c.caseNo()).isEqualTo(no));
            assertThat(pending.get(1).change()).isInstanceOfSatisfying(CaseStepped.class,
                    c -> assertThat(c.action()).isEqualTo("ACCEPT"));
            assertThat(f.desk.verifyAudit().problems()).isEmpty();
        }
    }

    @Test
    void aPendingMessageWhoseActorWasChangedIsReported() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String no = f.create(15, DeskFixture.person("行动乙"), Map.of(), f.clerk).summary().caseNo();
            var dsl = f.desk.db().dsl();
            assertThat(f.desk.verifyAudit().problems()).isEmpty();
            // someone makes the message say another clerk received the case
            dsl.update(OUTBOX).set(OUTBOX.ACTOR_ID, f.clerk2.id()).set(OUTBOX.ACTOR_NAME, "窗口丙")
                    .where(OUTBOX.ENTITY_ID.eq(no)).execute();
            assertThat(f.desk.verifyAudit().problems()).hasSize(1);
        }
    }

    @Test
    void migrationV13FillsTheActorOfRowsWrittenBeforeIt() throws IOException {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String no = f.create(15, DeskFixture.person("行动丙"), Map.of(), f.clerk).summary().caseNo();
            // a later moment: without its audit_seq a row's actor is found by entity and time, as sync did (D62)
            f.clock.advance(java.time.Duration.ofMinutes(5));
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk2);
            var dsl = f.desk.db().dsl();
            // rows as the previous release left them: no actor columns filled, one without its audit_seq
            dsl.update(OUTBOX).setNull(OUTBOX.ACTOR_ID).setNull(OUTBOX.ACTOR_USERNAME).setNull(OUTBOX.ACTOR_NAME)
                    .execute();
            long second = dsl.select(OUTBOX.SEQ).from(OUTBOX).where(OUTBOX.ENTITY_ID.eq(no)).orderBy(OUTBOX.SEQ.desc())
                    .limit(1).fetchOne(OUTBOX.SEQ);
            dsl.update(OUTBOX).setNull(OUTBOX.AUDIT_SEQ).where(OUTBOX.SEQ.eq(second)).execute();
            String script;
            try (InputStream in = getClass().getResourceAsStream("/db/migration/V13__outbox_actor.sql")) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // the migration is idempotent: run it twice
            for (int i = 0; i < 2; i++) {
                for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        dsl.execute(statement);
                    }
                }
            }
            var rows = dsl.selectFrom(OUTBOX).where(OUTBOX.ENTITY_ID.eq(no)).orderBy(OUTBOX.SEQ).fetch();
            assertThat(rows).extracting(r -> r.getActorUsername()).containsExactly("clerk", "clerk2");
            assertThat(rows).extracting(r -> r.getActorName()).containsExactly("窗口乙", "窗口丙");
            assertThat(rows).extracting(r -> r.getActorId()).containsExactly(f.clerk.id(), f.clerk2.id());
        }
    }
}
