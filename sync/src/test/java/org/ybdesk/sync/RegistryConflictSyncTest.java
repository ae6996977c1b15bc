package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.db.Outbox;
import org.ybdesk.protocol.RegistryConflict;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.province.ProvinceServer;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.ReferenceStore;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SetupService;
import org.ybdesk.service.SyncStore;

/**
 * Issue 13 on the desk side, against the real province in this JVM (a random port, the sync tests' PostgreSQL): a
 * registry conflict reaches both agencies' desks as a task with both occurrence times, and work back-filled after an
 * outage and entered out of order is judged by when it happened: a filing the province answers "not yet" stays
 * pending and goes at the next round instead of becoming a 退回任务.
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

    /**
     * The story through the real intake: 道里 was down from 2 to 6 November and took paper; on the 16th a
     * clerk back-fills (补录) a filing (paper of 3 November 11:00) and then the registration it depends on (paper of
     * 3 November 09:00) — out of order. Meanwhile 南岗 registered the same person live on the 16th and reached the
     * province first. The province judges by occurrence: 道里's registration, which happened first, holds the registry
     * (both agencies get the conflict with both times), and the filing waits one round ("not yet": the registry held
     * 南岗's later registration when it arrived) and is accepted the next, with its paper's time.
     */
    @Test
    void backFilledWorkEnteredOutOfOrderIsJudgedByWhenItHappened() throws Exception {
        startProvince();
        SyncConfig cfgA = register("230102001", "230102", "道里区医保中心");
        SyncConfig cfgB = register("230103001", "230103", "南岗区医保中心");
        Desk a = DeskFixture.open(dir.resolve("daoli"), Mode.PRODUCTION, cfgA.windowNo());
        open.add(a);
        Desk b = nangang(DeskFixture.CLOCK, cfgB.windowNo());
        String id = DeskFixture.residentId("19820315");
        registerPerson(b, b.users().login("clerk", "passclerk1"), id, "赵六");
        assertThat(engine(b, cfgB).syncNow().get(60, TimeUnit.SECONDS).ok()).isTrue();

        Actor adminA = a.users().login("admin", "passadmin1");
        Actor clerk = DeskFixture.clerk(a);
        a.outages().add("2026-11-02 08:00", "2026-11-06 08:00", null, "系统切换", "哈医保〔2026〕1号", adminA);
        String filing = a.cases().intake(backfilled(a, 13, id, "赵六", Map.of(), "2026-11-03 11:00", "纸-11"),
                CaseService.IntakeDecision.ACCEPT, List.of(), null, clerk, false).summary().caseNo();
        String registration = a.cases().intake(backfilled(a, 2, id, "赵六",
                        Map.of("personCategory", "在职职工", "changeType", "增加"), "2026-11-03 09:00", "纸-10"),
                CaseService.IntakeDecision.ACCEPT, List.of(), null, clerk, false).summary().caseNo();
        a.cases().act(registration, Command.of(CaseAction.REVIEW), null, clerk);
        a.cases().act(registration, Command.of(CaseAction.CLOSE), null, clerk);

        SyncEngine ea = engine(a, cfgA);
        SyncReport first = ea.syncNow().get(60, TimeUnit.SECONDS);
        long filingSeq = seqOf(a, "CASE", filing);
        assertThat(first.refused()).as("nothing refused for good").isZero();
        assertThat(status(a, filingSeq)).as("the filing waits").isEqualTo(Outbox.PENDING);
        assertThat(a.db().dsl().select(OUTBOX.LAST_ERROR).from(OUTBOX).where(OUTBOX.SEQ.eq(filingSeq))
                .fetchOne(OUTBOX.LAST_ERROR)).contains("暂缓");
        assertThat(status(a, seqOf(a, "PERSON", id))).isEqualTo(Outbox.ACKED);
        assertThat(db.dsl().fetchValue("select insured_agency_code || ' ' || cast(occurred_at as varchar) from "
                + "registry_person where id_number = '" + id + "'"))
                .as("the registration that happened first holds the registry")
                .isEqualTo("230102001 2026-11-03 09:00:00");

        SyncReport second = ea.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(second.ok()).isTrue();
        assertThat(status(a, filingSeq)).isEqualTo(Outbox.ACKED);
        assertThat(new SyncStore(a).quarantined()).isEmpty();
        assertThat(db.dsl().fetchValue("select cast(occurred_at as varchar) from province_case where case_no = '"
                + filing + "'")).isEqualTo("2026-11-03 11:00:00");
        assertThat(new SyncStore(a).conflicts(true, adminA)).singleElement().satisfies(c -> {
            assertThat(c.holderHere()).isTrue();
            assertThat(SyncStore.describe(c)).contains("2026-11-03 09:00:00", "纸-10", "南岗区医保中心");
        });
        assertThat(engine(b, cfgB).syncNow().get(60, TimeUnit.SECONDS).ok()).isTrue();
        assertThat(new SyncStore(b).conflicts(true, b.users().login("admin", "passadmin1"))).singleElement()
                .satisfies(c -> assertThat(c.holderHere()).isFalse());
        assertThat(a.verifyAudit().ok()).isTrue();
    }

    /** An application as a clerk back-fills it after an outage: its paper's real time and reference. */
    private static CaseService.NewCase backfilled(Desk d, int item, String id, String name, Map<String, String> given,
                                                  String occurredAt, String paperRef) {
        CaseService.NewCase req = CaseData.newCase(d, item, name, id);
        Map<String, String> fields = new java.util.LinkedHashMap<>(req.fields());
        fields.putAll(given);
        return new CaseService.NewCase(item, req.applicant(), fields, req.materials(), null, null, null)
                .with(CaseService.Circumstances.NONE.withBackfill(new CaseService.Backfilled(
                        java.time.LocalDateTime.parse(occurredAt, org.ybdesk.service.OutageService.TIME), paperRef)));
    }

    private static long seqOf(Desk d, String type, String entity) {
        return d.db().dsl().select(OUTBOX.SEQ).from(OUTBOX).where(OUTBOX.ENTITY_TYPE.eq(type),
                OUTBOX.ENTITY_ID.eq(entity)).orderBy(OUTBOX.SEQ).limit(1).fetchOne(OUTBOX.SEQ);
    }

    private static String status(Desk d, long seq) {
        return d.db().dsl().select(OUTBOX.STATUS).from(OUTBOX).where(OUTBOX.SEQ.eq(seq)).fetchOne(OUTBOX.STATUS);
    }
}
