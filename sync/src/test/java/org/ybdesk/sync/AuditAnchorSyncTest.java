package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.AUDIT_STATE;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.db.AuditContent;
import org.ybdesk.db.AuditLog;
import org.ybdesk.db.jooq.tables.records.AuditLogRecord;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SyncStore;

/**
 * The audit chain's head anchored at the REAL provincial server (D71): a normal day with sync rounds verifies clean
 * and anchors every head; a chain rewritten consistently with JDBC (which the desk's own checks cannot see once the
 * desk's record of the anchor is also removed) is refused by the province at the next sync, and the desk shows it.
 */
class AuditAnchorSyncTest {
    @TempDir
    Path dir;

    private Province province;
    private SyncEngine engine;
    private Desk desk;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        if (desk != null) {
            desk.close();
        }
        if (province != null) {
            province.close();
        }
    }

    @Test
    void aRewrittenChainIsRefusedByTheProvinceAndTheDeskShowsIt() throws Exception {
        province = Province.start(dir);
        SyncConfig cfg = province.registerDesk("道里区医保中心一号窗口");
        desk = DeskFixture.open(dir.resolve("a"), Mode.PRODUCTION);
        Actor clerk = DeskFixture.clerk(desk);
        int item = desk.catalog().items().stream()
                .filter(i -> i.applicantKind() == ApplicantKind.PERSON && i.group() != ItemGroup.OUT_OF_AREA_FILING
                        && i.group() != ItemGroup.REGISTRATION && i.group() != ItemGroup.CHANGE)
                .mapToInt(ServiceItem::no).findFirst().orElseThrow();
        String id = DeskFixture.registerPersons(desk, clerk, 2).get(0);
        String no = CaseData.create(desk, item, DeskFixture.name(0), id, clerk).summary().caseNo();
        engine = new SyncEngine(desk, Optional.of(cfg), Duration.ofMillis(50), Duration.ofMillis(500));

        // a normal day: sync (uploads, answers, pulls), more work, sync again — verify stays clean, heads anchored
        assertThat(engine.syncNow().get(60, TimeUnit.SECONDS).error()).isNull();
        desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, clerk);
        desk.cases().addNote(no, "电话告知", clerk);
        assertThat(engine.syncNow().get(60, TimeUnit.SECONDS).error()).isNull();
        assertThat(desk.verifyAudit().problems()).isEmpty();
        long head = desk.auditHead().orElseThrow().seq();
        long deskId = province.count("select id from desk where window_no = ?", cfg.windowNo());
        assertThat(province.count("select max(seq) from desk_audit_anchor where desk_id = ?", deskId))
                .as("the province holds the chain's head").isEqualTo(head);
        SyncStore store = new SyncStore(desk);
        assertThat(store.anchorBehind()).isFalse();

        // a forger with JDBC: changes the applicant, vouches for it, recomputes the whole chain, and removes the
        // desk's own record of the anchor so the desk's verify sees nothing
        DSLContext dsl = desk.db().dsl();
        dsl.update(CASE_FILE).set(CASE_FILE.APPLICANT_NAME, "冒名").where(CASE_FILE.CASE_NO.eq(no)).execute();
        rewriteConsistently(dsl);
        dsl.update(AUDIT_STATE).setNull(AUDIT_STATE.ANCHORED_SEQ).setNull(AUDIT_STATE.ANCHORED_HASH).execute();
        assertThat(desk.verifyAudit().problems()).as("nothing left on the desk to compare with").isEmpty();

        // the next change goes to the province with the rewritten head: refused, and the desk says why
        desk.cases().addNote(no, "又一条", clerk);
        SyncReport r = engine.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(r.error()).contains("AUDIT_CHAIN_REWOUND").contains("审计日志");
        assertThat(engine.status().lastError()).contains("AUDIT_CHAIN_REWOUND");
    }

    private static void rewriteConsistently(DSLContext dsl) {
        List<AuditLogRecord> all = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch();
        Map<String, AuditLogRecord> lastOf = new HashMap<>();
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
}
