package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.db.Outbox;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.RegistryConflict;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.province.ProvinceServer;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.ReferenceStore;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SetupService;
import org.ybdesk.service.SyncStore;

/**
 * Issue 13 on the desk side, against the real province in this JVM (a random port, the sync tests' PostgreSQL): a
 * registry conflict reaches both agencies' desks as a task with both occurrence times, and a back-filled filing the
 * province answers "not yet" (its registration arrives in the same batch after it) stays pending and goes at the
 * next round instead of becoming a 退回任务.
 */
class RegistryConflictSyncTest {
    private static final AtomicInteger DBS = new AtomicInteger();
    /** 南岗's desk works on 3 November (its registration happened first); 道里's is the fixture's 16 November. */
    private static final Clock EARLIER = Clock.fixed(Instant.parse("2026-11-03T01:30:00Z"), Desk.ZONE);

    @TempDir
    Path dir;
    private ProvinceDb db;
    private ProvinceServer server;
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private void startProvince() {
        var pg = Province.postgres();
        String name = "conflict_" + ProcessHandle.current().pid() + "_" + DBS.incrementAndGet();
        pg.createDatabase(name);
        db = new ProvinceDb(pg.jdbcUrl(name), pg.user(), pg.password());
        new ReferenceStore(db).seedIfEmpty();
        server = ProvinceServer.start(db, "127.0.0.1", 0);
    }

    private SyncConfig register(String agency, String admdvs, String name) {
        Desks.Registration r = server.desks().add(agency, admdvs, name);
        return new SyncConfig("http://127.0.0.1:" + server.port(), r.desk().windowNo(), r.token())
                .withTimeoutSeconds(30);
    }

    private SyncEngine engine(Desk d, SyncConfig c) {
        // a short feed wait: closing the engine does not wait out a long poll
        SyncEngine e = new SyncEngine(d, Optional.of(c), Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 1);
        open.add(e);
        return e;
    }

    /** A desk of 南岗 (another agency than the fixture's 道里) on {@code clock}, with an administrator and a 负责人. */
    private Desk nangang(Clock clock, int window) {
        Desk d = Desk.open(dir.resolve("nangang"), Mode.PRODUCTION, clock);
        open.add(d);
        d.setup().initAgency(new SetupService.AgencySetup("230103001", "230103", "哈尔滨市南岗区医疗保障中心",
                "南岗区医保中心", "0451-82661234", window), null);
        d.users().add("admin", "管理员丙", "passadmin1", EnumSet.of(Role.ADMIN), DeskFixture.residentId("19760101"),
                null);
        Actor admin = d.users().login("admin", "passadmin1");
        d.users().add("clerk", "窗口丁", "passclerk1", EnumSet.of(Role.CLERK), DeskFixture.residentId("19860101"), admin);
        return d;
    }

    private static void registerPerson(Desk d, Actor clerk, String id, String name) {
        d.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, name, null, null, InsuranceType.RESIDENT,
                null, null, null, null, null), clerk);
    }

    @Test
    void bothAgenciesGetTheConflictWithBothOccurrenceTimesAndTheFirstOccurredHoldsTheRegistry() throws Exception {
        startProvince();
        SyncConfig cfgA = register("230102001", "230102", "道里区医保中心");
        SyncConfig cfgB = register("230103001", "230103", "南岗区医保中心");
        Desk a = DeskFixture.open(dir.resolve("daoli"), Mode.PRODUCTION, cfgA.windowNo());
        open.add(a);
        Desk b = nangang(EARLIER, cfgB.windowNo());
        String id = DeskFixture.residentId("19800101");
        registerPerson(a, DeskFixture.clerk(a), id, "李四");
        registerPerson(b, b.users().login("clerk", "passclerk1"), id, "李四");

        // 道里 reaches the province first; 南岗's registration, which happened on 3 November, arrives second
        SyncEngine ea = engine(a, cfgA);
        assertThat(ea.syncNow().get(60, TimeUnit.SECONDS).ok()).isTrue();
        SyncEngine eb = engine(b, cfgB);
        SyncReport rb = eb.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(rb.error()).isNull();
        assertThat(rb.refused()).as("a conflict is not a refusal: the outbox moves on").isZero();
        SyncStore storeB = new SyncStore(b);
        long seqB = seqOf(b, "PERSON", id);
        assertThat(status(b, seqB)).isEqualTo(Outbox.ACKED);
        assertThat(b.db().dsl().select(OUTBOX.ERR_CODE).from(OUTBOX).where(OUTBOX.SEQ.eq(seqB))
                .fetchOne(OUTBOX.ERR_CODE)).isEqualTo(UploadResult.REGISTRY_CONFLICT);
        // 道里's next round brings the conflict to it too
        assertThat(ea.syncNow().get(60, TimeUnit.SECONDS).ok()).isTrue();

        Actor headA = a.users().login("admin", "passadmin1");
        List<SyncStore.Conflict> seenA = new SyncStore(a).conflicts(true, headA);
        List<SyncStore.Conflict> seenB = storeB.conflicts(true, b.users().login("admin", "passadmin1"));
        assertThat(seenA).singleElement().satisfies(c -> {
            assertThat(c.holderHere()).isFalse();
            assertThat(c.open()).isTrue();
            RegistryConflict r = c.conflict();
            assertThat(r.key()).isEqualTo(id);
            assertThat(r.holder().agencyCode()).isEqualTo("230103001");
            assertThat(r.holder().occurredAt()).isEqualTo("2026-11-03 09:30:00");
            assertThat(r.other().agencyCode()).isEqualTo("230102001");
            assertThat(r.other().occurredAt()).isEqualTo("2026-11-16 10:00:00");
            assertThat(r.arrivedFirst()).isEqualTo(RegistryConflict.OTHER);
            assertThat(SyncStore.describe(c)).contains("李四", "230102", "南岗区医保中心", "2026-11-03 09:30:00",
                    "道里区医保中心", "2026-11-16 10:00:00", "后者先到达省平台", "本机构的登记未被采用")
                    .doesNotContain(id);
        });
        assertThat(seenB).singleElement().satisfies(c -> {
            assertThat(c.holderHere()).isTrue();
            assertThat(c.conflict().id()).isEqualTo(seenA.get(0).conflict().id());
            assertThat(SyncStore.describe(c)).contains("本机构持有该登记");
        });
        assertThat(ea.status().openTasks()).isEqualTo(1);
        assertThat(new SyncStore(b).counts().openTasks()).isEqualTo(1);
        // a clerk is not shown the conflicts (the supervisor resolves them with the other agency)
        assertThat(catchThrowable(() -> new SyncStore(a).conflicts(true, DeskFixture.clerk(a))))
                .isInstanceOf(ServiceException.class).hasMessageContaining("管理员或负责人");

        // resolved at 道里: handled with the note; later rounds neither duplicate nor reopen it
        new SyncStore(a).handleTask(seenA.get(0).taskId(), "已与南岗区医保中心协商，办理转移接续", headA);
        assertThat(ea.syncNow().get(60, TimeUnit.SECONDS).ok()).isTrue();
        assertThat(new SyncStore(a).conflicts(true, headA)).isEmpty();
        assertThat(new SyncStore(a).conflicts(false, headA)).singleElement()
                .satisfies(c -> assertThat(c.handledNote()).contains("转移接续"));
        assertThat(new SyncStore(a).counts().openTasks()).isZero();
    }

    @Test
    void aBackfilledFilingAnsweredNotYetStaysPendingAndGoesOnceItsRegistrationHasArrived() throws Exception {
        startProvince();
        SyncConfig cfg = register("230102001", "230102", "道里区医保中心");
        Desk d = DeskFixture.open(dir.resolve("daoli"), Mode.PRODUCTION, cfg.windowNo());
        open.add(d);
        Actor clerk = DeskFixture.clerk(d);
        String id = DeskFixture.residentId("19820101");
        // entered out of order after an outage: the filing (paper of 3 November 11:00) before the registration it
        // depends on (paper of 3 November 09:00); the back-fill details are written into the outbox rows as the
        // outage part's intake will write them
        String caseNo = CaseData.create(d, 13, "王五", id, clerk).summary().caseNo();
        registerPerson(d, clerk, id, "王五");
        backfill(d, "CASE", caseNo, "2026-11-03T11:00+08:00", "纸-11");
        backfill(d, "PERSON", id, "2026-11-03T09:00+08:00", "纸-10");

        SyncEngine e = engine(d, cfg);
        SyncReport first = e.syncNow().get(60, TimeUnit.SECONDS);
        SyncStore store = new SyncStore(d);
        long caseSeq = seqOf(d, "CASE", caseNo);
        assertThat(first.refused()).isZero();
        assertThat(first.upload().rejected()).isEqualTo(1);
        assertThat(status(d, caseSeq)).isEqualTo(Outbox.PENDING);
        assertThat(d.db().dsl().select(OUTBOX.LAST_ERROR).from(OUTBOX).where(OUTBOX.SEQ.eq(caseSeq))
                .fetchOne(OUTBOX.LAST_ERROR)).contains("尚未到达");
        assertThat(status(d, seqOf(d, "PERSON", id))).isEqualTo(Outbox.ACKED);

        SyncReport second = e.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(second.ok()).isTrue();
        assertThat(status(d, caseSeq)).isEqualTo(Outbox.ACKED);
        assertThat(store.counts().openTasks()).as("never a 退回任务").isZero();
        assertThat(store.quarantined()).isEmpty();
        assertThat(db.dsl().fetchValue("select cast(occurred_at as varchar) from province_case where case_no = '"
                + caseNo + "'")).isEqualTo("2026-11-03 11:00:00");
    }

    private static long seqOf(Desk d, String type, String entity) {
        return d.db().dsl().select(OUTBOX.SEQ).from(OUTBOX).where(OUTBOX.ENTITY_TYPE.eq(type),
                OUTBOX.ENTITY_ID.eq(entity)).orderBy(OUTBOX.SEQ).limit(1).fetchOne(OUTBOX.SEQ);
    }

    private static String status(Desk d, long seq) {
        return d.db().dsl().select(OUTBOX.STATUS).from(OUTBOX).where(OUTBOX.SEQ.eq(seq)).fetchOne(OUTBOX.STATUS);
    }

    /** The first outbox message of {@code entity} as back-filled: its occurrence time and the paper's reference. */
    private static void backfill(Desk d, String type, String entity, String occurredAt, String paperRef)
            throws Exception {
        long seq = seqOf(d, type, entity);
        String json = d.db().dsl().select(OUTBOX.PAYLOAD_JSON).from(OUTBOX).where(OUTBOX.SEQ.eq(seq))
                .fetchOne(OUTBOX.PAYLOAD_JSON);
        ObjectNode in = (ObjectNode) ProtocolJson.mapper().readTree(json);
        in.put("occurredAt", occurredAt);
        in.putObject("backfill").put("paperRef", paperRef).put("enteredAt", "2026-11-16T10:00:00")
                .put("enteredBy", "clerk");
        d.db().dsl().update(OUTBOX).set(OUTBOX.PAYLOAD_JSON, in.toString()).where(OUTBOX.SEQ.eq(seq)).execute();
    }
}
