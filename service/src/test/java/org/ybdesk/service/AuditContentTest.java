package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.AUDIT_STATE;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.OUTBOX;
import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.db.AuditCheck;
import org.ybdesk.db.AuditContent;
import org.ybdesk.db.AuditLog;
import org.ybdesk.db.Json;
import org.ybdesk.db.jooq.tables.records.AuditLogRecord;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.RegistryService.UnitInput;

/**
 * Tamper evidence over content (D71): every change of a case, person, unit or pending outbox message made around
 * the program, deleted audit rows, and a chain rewritten consistently (against the anchored head) are found by
 * {@code audit verify}; a normal day, sync pulls and answers included, verifies clean; an old data folder is sealed
 * at its first opening and does not cry wolf.
 */
class AuditContentTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    /** A day's work: a unit, a person, a case with a payee account taken to payment, a note, a materials update. */
    private record Day(String unitCode, String personId, String caseNo, String case2) {
    }

    private Day work(DeskFixture f) {
        String unitCode = Samples.creditCode();
        f.desk.registry().registerUnit(new UnitInput(unitCode, "哈尔滨道里机械厂", "企业", "道里区工农大街8号", "刘大",
                IdType.RESIDENT_ID, Samples.residentId(), "13800001111", "中国工商银行", "6217000000000000007", "刘二",
                "13800002222", "230102"), f.admin);
        String id = Samples.residentId("19900315", false);
        f.desk.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, "张三丰", null, null,
                InsuranceType.EMPLOYEE, null, unitCode, "13812345678", "哈尔滨市道里区", null), f.clerk);
        String no = f.create(17, DeskFixture.person("审计甲"), Map.of(), f.clerk).summary().caseNo();
        f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
        f.desk.cases().addNote(no, "申请人来电询问进度", f.clerk);
        String no2 = f.create(15, DeskFixture.person("审计乙"), Map.of(), f.clerk).summary().caseNo();
        return new Day(unitCode, id, no, no2);
    }

    private static List<String> problems(DeskFixture f) {
        return f.desk.verifyAudit().problems();
    }

    @Test
    void aNormalDayWithSyncPullsAndAnswersVerifiesClean() {
        try (DeskFixture f = new DeskFixture(dir, DAY)) {
            Day d = work(f);
            SyncStore store = new SyncStore(f.desk);
            var pending = store.pending(100);
            assertThat(pending).isNotEmpty();
            // the province answers: the first refused, the rest acknowledged
            List<SyncStore.Answer> answers = new java.util.ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                answers.add(i == 0 ? new SyncStore.Answer(pending.get(i).seq(), false, null, "X", "退回")
                        : new SyncStore.Answer(pending.get(i).seq(), true, "ACK" + i, null, null));
            }
            store.recordAnswers(answers);
            store.recordFailure(List.of(), "网络中断");
            // a registry pull changes the desk's unit and person rows and brings new ones
            String newId = Samples.residentId("19800101", true);
            store.applyRegistry(7, List.of(
                    new SyncStore.RemotePerson("RESIDENT_ID", d.personId(), "张三丰", "FEMALE", null, "EMPLOYEE",
                            "SUSPENDED", null, d.unitCode(), 5),
                    new SyncStore.RemotePerson("RESIDENT_ID", newId, "省里来", "MALE", null, "RESIDENT", "INSURED",
                            null, null, 6)),
                    List.of(new SyncStore.RemoteUnit(d.unitCode(), "哈尔滨道里机械厂（改）", "企业", "INSURED", "230102",
                            4)));
            store.recordSuccess();
            assertThat(f.desk.db().dsl().fetchOne(PERSON, PERSON.ID_NUMBER.eq(d.personId())).getStatus())
                    .isEqualTo("SUSPENDED");
            f.desk.cases().act(d.case2(), Command.of(CaseAction.ACCEPT), null, f.clerk);
            AuditReport r = f.desk.verifyAudit();
            assertThat(r.problems()).isEmpty();
            assertThat(r.ok()).isTrue();
            assertThat(r.headLine()).startsWith("第 " + r.head().seq() + " 条 · 哈希 " + r.head().hash().substring(0, 16));
        }
    }

    @Test
    void editingACaseRowAroundTheProgramIsFoundWithTheRecordItContradicts() {
        try (DeskFixture f = new DeskFixture(dir, DAY)) {
            Day d = work(f);
            DSLContext dsl = f.desk.db().dsl();
            long last = dsl.select(org.jooq.impl.DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ENTITY_ID.eq(d.caseNo()), AUDIT_LOG.CONTENT_HASH.isNotNull())
                    .fetchOne(0, Long.class);
            assertThat(problems(f)).isEmpty();

            var c = dsl.fetchOne(CASE_FILE, CASE_FILE.CASE_NO.eq(d.caseNo()));
            dsl.update(CASE_FILE).set(CASE_FILE.APPLICANT_NAME, "冒名").where(CASE_FILE.CASE_NO.eq(d.caseNo())).execute();
            assertThat(problems(f)).singleElement().asString().contains("案件 " + d.caseNo())
                    .contains("第 " + last + " 条审计记录不符");
            restore(dsl, c);
            assertThat(problems(f)).isEmpty();

            dsl.update(CASE_FILE).set(CASE_FILE.APPLICANT_ID_NUMBER, Samples.residentId())
                    .where(CASE_FILE.CASE_NO.eq(d.caseNo())).execute();
            assertThat(problems(f)).singleElement().asString().contains(d.caseNo());
            restore(dsl, c);

            dsl.update(CASE_FILE).set(CASE_FILE.STATE, "CLOSED").where(CASE_FILE.CASE_NO.eq(d.caseNo())).execute();
            assertThat(problems(f)).singleElement().asString().contains(d.caseNo());
            restore(dsl, c);

            // the payee's bank account inside fields_json
            Map<String, String> fields = new java.util.TreeMap<>(Json.read(c.getFieldsJson(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { }));
            assertThat(fields).containsKey("bankAccountNumber");
            fields.put("bankAccountNumber", "6222020000000000999");
            dsl.update(CASE_FILE).set(CASE_FILE.FIELDS_JSON, Json.write(fields))
                    .where(CASE_FILE.CASE_NO.eq(d.caseNo())).execute();
            assertThat(problems(f)).singleElement().asString().contains(d.caseNo());
            restore(dsl, c);
            assertThat(f.desk.verifyAudit().ok()).isTrue();
        }
    }

    private static void restore(DSLContext dsl, org.ybdesk.db.jooq.tables.records.CaseFileRecord c) {
        var copy = c.copy();
        copy.setId(c.getId());
        copy.changed(true);
        dsl.executeUpdate(copy);
    }

    @Test
    void editingAUnitsBankAccountAPersonsBalanceOrAPendingMessageIsFound() {
        try (DeskFixture f = new DeskFixture(dir, DAY)) {
            Day d = work(f);
            DSLContext dsl = f.desk.db().dsl();
            dsl.update(UNIT).set(UNIT.BANK_ACCOUNT, "6222020000000000999").where(UNIT.CREDIT_CODE.eq(d.unitCode()))
                    .execute();
            dsl.update(PERSON).set(PERSON.ACCOUNT_BALANCE_FEN, 99_999_00L).where(PERSON.ID_NUMBER.eq(d.personId()))
                    .execute();
            var msg = dsl.selectFrom(OUTBOX).where(OUTBOX.ENTITY_ID.eq(d.caseNo())).orderBy(OUTBOX.SEQ).limit(1)
                    .fetchOne();
            dsl.update(OUTBOX).set(OUTBOX.PAYLOAD_JSON, msg.getPayloadJson().replace("审计甲", "冒名"))
                    .where(OUTBOX.SEQ.eq(msg.getSeq())).execute();
            // a forged message slipped into the outbox
            org.ybdesk.db.Outbox.enqueue(dsl, f.desk.db().numbers(), "CASE_NOTE", "CASE", d.caseNo(), "{\"caseNo\":\"x\"}",
                    f.desk.now(), null, new org.ybdesk.db.Outbox.Actor(null, null, "冒名"));
            List<String> p = problems(f);
            assertThat(p).hasSize(4);
            assertThat(p).anySatisfy(s -> assertThat(s).contains("单位 " + d.unitCode()));
            assertThat(p).anySatisfy(s -> assertThat(s).contains("人员 " + d.personId()));
            assertThat(p).anySatisfy(s -> assertThat(s).contains("待上传消息 " + msg.getSeq())
                    .contains("第 " + msg.getAuditSeq() + " 条"));
            assertThat(p).anySatisfy(s -> assertThat(s).contains("没有对应的审计记录"));
        }
    }

    @Test
    void deletingTheLastAuditRowsIsFound() {
        try (DeskFixture f = new DeskFixture(dir, DAY)) {
            work(f);
            DSLContext dsl = f.desk.db().dsl();
            long head = f.desk.auditHead().orElseThrow().seq();
            // the last three records (the second case's receipt, the note, the acceptance …) go
            dsl.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(head - 3)).execute();
            AuditReport r = f.desk.verifyAudit();
            assertThat(r.ok()).isFalse();
            assertThat(r.problems()).anySatisfy(s -> assertThat(s).contains("第 " + (head - 3) + " 条之后缺失记录"));
        }
    }

    @Test
    void aChainRewrittenConsistentlyIsCaughtByTheHeadTheProvinceAccepted() {
        try (DeskFixture f = new DeskFixture(dir, DAY)) {
            Day d = work(f);
            SyncStore store = new SyncStore(f.desk);
            // the last sync: the province accepted this head
            SyncStore.AuditAnchor sent = store.auditAnchor().orElseThrow();
            store.recordAnchored(sent.head());
            // work goes on after the sync (the chain grows past the anchor)
            f.desk.cases().act(d.case2(), Command.of(CaseAction.ACCEPT), null, f.clerk);
            assertThat(problems(f)).isEmpty();
            DSLContext dsl = f.desk.db().dsl();
            dsl.update(CASE_FILE).set(CASE_FILE.APPLICANT_NAME, "冒名").where(CASE_FILE.CASE_NO.eq(d.caseNo())).execute();
            rewriteConsistently(dsl);
            // the chain itself and every content hash now agree …
            assertThat(AuditLog.verify(dsl).ok()).isTrue();
            AuditReport r = f.desk.verifyAudit();
            // … but not with the head the province accepted
            assertThat(r.problems()).singleElement().asString().contains("第 " + sent.head().seq() + " 条")
                    .contains("整体改写");
            assertThat(store.auditAnchor().orElseThrow().proof().hash()).isNotEqualTo(sent.head().hash());
        }
    }

    /** What a forger with JDBC does: vouch for the current content and recompute every hash from the first record. */
    static void rewriteConsistently(DSLContext dsl) {
        List<AuditLogRecord> all = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch();
        Map<String, AuditLogRecord> lastOf = new java.util.HashMap<>();
        for (AuditLogRecord r : all) {
            if (r.getContentHash() != null) {
                lastOf.put(r.getEntityType() + "/" + r.getEntityId(), r);
            }
        }
        for (AuditLogRecord r : lastOf.values()) {
            r.setContentHash(AuditContent.hashOf(dsl, r.getEntityType(), r.getEntityId()));
        }
        String prev = AuditLog.GENESIS;
        for (AuditLogRecord r : all) {
            r.setPrevHash(prev);
            r.setHash(AuditLog.hash(r));
            prev = r.getHash();
            dsl.executeUpdate(r);
        }
    }

    @Test
    void anOldDataFolderIsSealedAtItsFirstOpeningAndDoesNotCryWolf() {
        String caseNo;
        try (DeskFixture f = new DeskFixture(dir, DAY)) {
            caseNo = work(f).caseNo();
            // make the folder look like the previous release left it: no content or payload hashes, outbox rows
            // without their record, never sealed
            DSLContext dsl = f.desk.db().dsl();
            dsl.update(AUDIT_LOG).setNull(AUDIT_LOG.CONTENT_HASH).setNull(AUDIT_LOG.PAYLOAD_HASH).execute();
            String prev = AuditLog.GENESIS;
            for (AuditLogRecord r : dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch()) {
                r.setPrevHash(prev);
                r.setHash(AuditLog.hash(r));
                prev = r.getHash();
                dsl.executeUpdate(r);
            }
            dsl.update(OUTBOX).setNull(OUTBOX.AUDIT_SEQ).execute();
            dsl.update(AUDIT_STATE).setNull(AUDIT_STATE.SEALED_AT).execute();
        }
        try (Desk d = Desk.open(dir, Mode.PRODUCTION, TestClock.at(DAY.plusDays(1)))) {
            DSLContext dsl = d.db().dsl();
            assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(AuditCheck.SEAL))).isGreaterThan(5);
            assertThat(d.verifyAudit().problems()).isEmpty();
            dsl.update(CASE_FILE).set(CASE_FILE.APPLICANT_NAME, "冒名").where(CASE_FILE.CASE_NO.eq(caseNo)).execute();
            assertThat(d.verifyAudit().problems()).singleElement().asString().contains(caseNo);
            // clearing the seal mark to have the tampered row sealed again is visible
            dsl.update(AUDIT_STATE).setNull(AUDIT_STATE.SEALED_AT).execute();
        }
        try (Desk d = Desk.open(dir, Mode.PRODUCTION, TestClock.at(DAY.plusDays(2)))) {
            // the changed row is still found, and the second seal is reported
            assertThat(d.verifyAudit().problems()).hasSize(2)
                    .anySatisfy(s -> assertThat(s).contains("第二次基线封存"))
                    .anySatisfy(s -> assertThat(s).contains(caseNo));
        }
    }

    @Test
    void aNewDataFolderIsSealedEmptyAndVerifiesClean() {
        try (Desk d = Desk.open(dir, Mode.PRODUCTION, TestClock.at(DAY))) {
            assertThat(d.verifyAudit().ok()).isTrue();
            assertThat(d.db().dsl().fetchOne(AUDIT_STATE).getSealedAt()).isNotNull();
        }
    }
}
