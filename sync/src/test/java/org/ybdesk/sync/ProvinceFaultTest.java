package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.protocol.UploadRequest;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SyncStore;

/**
 * The desk against the REAL provincial server (a separate {@code java} process of module province-server) on a real
 * PostgreSQL on loopback: the server killed with SIGKILL in the middle of a batch, connection refused while it is
 * down, the same batch delivered twice, the desk "killed" after the server's answer and before its local commit (a
 * fresh engine on the same H2 file then), and two desks registering the same person. After recovery every change is
 * on the server exactly once and in the order of occurrence, and the desk's ACKED/REFUSED/PENDING counts agree with
 * the server's tables (read with plain JDBC).
 */
class ProvinceFaultTest {
    @TempDir
    Path dir;

    private Province province;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (province != null) {
            province.close();
        }
    }

    private Desk desk(String folder) {
        Desk d = DeskFixture.open(dir.resolve(folder), Mode.PRODUCTION);
        open.add(d);
        return d;
    }

    private SyncEngine engine(Desk d, SyncConfig c) {
        SyncEngine e = new SyncEngine(d, Optional.of(c), Duration.ofMillis(50), Duration.ofMillis(500));
        open.add(e);
        return e;
    }

    /**
     * A person item that is neither an out-of-area filing (those need the applicant insured in the province) nor a
     * registration or change (the applicants here are registered already: a second registration is refused at 受理,
     * and a change needs the registered value, D91).
     */
    private static int personItem(Desk d) {
        return d.catalog().items().stream()
                .filter(i -> i.applicantKind() == ApplicantKind.PERSON && i.group() != ItemGroup.OUT_OF_AREA_FILING
                        && i.group() != ItemGroup.REGISTRATION && i.group() != ItemGroup.CHANGE)
                .mapToInt(ServiceItem::no).findFirst().orElseThrow();
    }

    /** Persons and cases (three registrations, a receipt, its acceptance), interleaved: {@code n} rounds of 5 messages. */
    private static List<String> work(Desk d, Actor clerk, int n) {
        int item = personItem(d);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = DeskFixture.registerPersons(d, clerk, 3).get(0);
            String no = CaseData.create(d, item, DeskFixture.name(0), id, clerk).summary().caseNo();
            d.cases().act(no, Command.of(CaseAction.ACCEPT), null, clerk);
            cases.add(no);
        }
        return cases;
    }

    /** Every message of the desk is on the server once, in seq order 1..n, and the counts agree. */
    private void assertAgrees(Desk d, SyncConfig c) throws Exception {
        SyncStore.Counts counts = new SyncStore(d).counts();
        long deskId = province.count("select id from desk where window_no = ?", c.windowNo());
        List<String> seqs = province.strings("select seq from received_message where desk_id = ? "
                + "order by cast(substring(ack_id from 16) as bigint)", deskId);
        int total = counts.pending() + counts.acked() + counts.refused();
        assertThat(counts.pending()).as("nothing left pending").isZero();
        assertThat(seqs).as("every message once, in the order of occurrence").hasSize(total);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(Long.parseLong(seqs.get(i))).isEqualTo(i + 1L);
        }
        assertThat(province.count("select count(*) from received_message where desk_id = ? and status = 'ACCEPTED'",
                deskId)).isEqualTo(counts.acked());
        assertThat(province.count("select count(*) from received_message where desk_id = ? and status = 'REFUSED'",
                deskId)).isEqualTo(counts.refused());
    }

    @Test
    void serverKilledMidBatchThenRefusedConnectionThenRecoveryDeliversEverythingOnceInOrder() throws Exception {
        province = Province.start(dir);
        SyncConfig cfg = province.registerDesk("道里区医保中心一号窗口");
        Desk d = desk("a");
        Actor clerk = DeskFixture.clerk(d);
        List<String> cases = work(d, clerk, 80); // 400 messages, one batch
        SyncStore store = new SyncStore(d);
        assertThat(store.counts().pending()).isEqualTo(400);

        Uploader up = new Uploader(store, new ProvinceClient(cfg));
        CompletableFuture<Uploader.Report> running = CompletableFuture.supplyAsync(up::run);
        long deskId = province.count("select id from desk where window_no = ?", cfg.windowNo());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // the batch is one transaction (D112): kill the server while that transaction is writing, before its commit
        while (province.count("select count(*) from pg_stat_activity where datname = current_database() "
                + "and backend_xid is not null and pid <> pg_backend_pid()") == 0) {
            assertThat(System.nanoTime()).as("server started applying the batch").isLessThan(deadline);
            Thread.sleep(2);
        }
        Thread.sleep(50);
        province.kill();
        Uploader.Report cut = running.get(60, TimeUnit.SECONDS);
        long applied = province.count("select count(*) from received_message where desk_id = ?", deskId);
        assertThat(cut.complete()).isFalse();
        assertThat(cut.acked() + cut.refused()).as("no answer, nothing recorded").isZero();
        assertThat(applied).as("all or nothing: the batch's transaction never committed").isZero();
        assertThat(store.counts().pending()).isEqualTo(400);
        assertThat(store.counts().failing()).isEqualTo(400);

        // while it is down: connection refused, still pending, attempts grow
        Uploader.Report refused = up.run();
        assertThat(refused.error()).contains("无法连接省平台");
        assertThat(store.messages(1).get(0).attempts()).isEqualTo(2);
        SyncEngine engine = engine(d, cfg);
        assertThat(engine.syncNow().get(60, TimeUnit.SECONDS).ok()).isFalse();
        assertThat(engine.status().online()).isFalse();

        province.startProcess();
        SyncReport r = engine.syncNow().get(120, TimeUnit.SECONDS);
        assertThat(r.error()).isNull();
        assertThat(r.upload().acked()).isEqualTo(400);
        assertThat(r.upload().duplicates()).as("nothing of the killed batch was applied: no duplicates")
                .isEqualTo((int) applied);
        assertThat(engine.status().online()).isTrue();
        assertThat(engine.status().lastSuccessAt()).isNotNull();
        assertAgrees(d, cfg);
        assertThat(province.count("select count(*) from province_case where desk_id = ?", deskId))
                .isEqualTo(cases.size());
        for (String no : List.of(cases.get(0), cases.get(cases.size() - 1))) {
            assertThat(province.strings("select action from case_step where case_no = ? order by id", no))
                    .containsExactly("RECEIVE", "ACCEPT");
        }
        // the pulls ran too: calendar years and the catalog from the server
        assertThat(r.pull().referenceEntries()).isPositive();
        assertThat(store.state().referenceVersion()).isPositive();
        assertThat(store.state().registryVersion()).isPositive();
    }

    @Test
    void deskKilledAfterTheAnswerBeforeItsCommitResendsAndGetsDuplicatesOnce() throws Exception {
        province = Province.start(dir);
        SyncConfig cfg = province.registerDesk("道里区医保中心二号窗口").withBatchSize(50);
        Path folder = dir.resolve("b");
        List<String> cases;
        try (Desk d = DeskFixture.open(folder, Mode.PRODUCTION)) {
            cases = work(d, DeskFixture.clerk(d), 20); // 100 messages, two batches of 50
            Uploader up = new Uploader(new SyncStore(d), new ProvinceClient(cfg));
            up.setAfterResponse(resp -> {
                throw new IllegalStateException("desk killed after the answer, before the commit");
            });
            assertThatThrownBy(up::run).hasMessageContaining("desk killed");
            assertThat(new SyncStore(d).counts().pending()).as("nothing recorded").isEqualTo(100);
        }
        long deskId = province.count("select id from desk where window_no = ?", cfg.windowNo());
        assertThat(province.count("select count(*) from received_message where desk_id = ?", deskId))
                .as("the first batch reached the server").isEqualTo(50);

        Desk again = desk("b");
        SyncReport r = engine(again, cfg).syncNow().get(120, TimeUnit.SECONDS);
        assertThat(r.error()).isNull();
        assertThat(r.upload().acked()).isEqualTo(100);
        assertThat(r.upload().duplicates()).isEqualTo(50);
        assertAgrees(again, cfg);
        assertThat(province.count("select count(*) from province_case where desk_id = ?", deskId))
                .isEqualTo(cases.size());
    }

    @Test
    void theSameBatchDeliveredTwiceIsAppliedOnce() throws Exception {
        province = Province.start(dir);
        SyncConfig cfg = province.registerDesk("道里区医保中心三号窗口");
        Desk d = desk("c");
        work(d, DeskFixture.clerk(d), 4);
        SyncStore store = new SyncStore(d);
        ProvinceClient client = new ProvinceClient(cfg);
        var agency = store.identity();
        var envelopes = store.pending(100).stream().map(m -> Uploader.envelope(agency, cfg.windowNo(), m)).toList();
        UploadResponse first = client.upload(new UploadRequest(envelopes));
        UploadResponse second = client.upload(new UploadRequest(envelopes));
        assertThat(first.results()).hasSize(20).allMatch(UploadResult::accepted).noneMatch(UploadResult::duplicate);
        assertThat(second.results()).hasSize(20).allMatch(UploadResult::duplicate);
        assertThat(second.results()).extracting(UploadResult::infRefmsgid)
                .containsExactlyElementsOf(first.results().stream().map(UploadResult::infRefmsgid).toList());
        Uploader.Report r = new Uploader(store, client).run();
        assertThat(r.acked()).isEqualTo(20);
        assertThat(r.duplicates()).isEqualTo(20);
        assertThat(store.pending(1)).isEmpty();
        assertAgrees(d, cfg);
    }

    @Test
    void twoDesksRegisterTheSamePersonTheSecondGetsATaskWithTheServersReason() throws Exception {
        province = Province.start(dir);
        SyncConfig cfgA = province.registerDesk("道里区医保中心");
        SyncConfig cfgB = province.registerDesk("道里区医保中心四号窗口");
        Desk a = desk("a");
        Desk b = desk("b");
        String id = DeskFixture.registerPersons(a, DeskFixture.clerk(a), 1).get(0);
        var clerkB = DeskFixture.clerk(b);
        b.registry().registerPerson(new org.ybdesk.service.RegistryService.PersonInput(
                org.ybdesk.core.registry.IdType.RESIDENT_ID, id, "同一人", null, null,
                org.ybdesk.core.registry.InsuranceType.EMPLOYEE, null, null, null, null, null), clerkB);
        DeskFixture.registerPersons(b, clerkB, 2);

        assertThat(engine(a, cfgA).syncNow().get(60, TimeUnit.SECONDS).ok()).isTrue();
        SyncEngine eb = engine(b, cfgB);
        SyncReport rb = eb.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(rb.error()).isNull();
        assertThat(rb.refused()).isEqualTo(1);
        assertThat(rb.upload().acked()).as("the refusal does not stop the queue").isEqualTo(2);
        SyncStore storeB = new SyncStore(b);
        SyncStore.Task task = storeB.openTaskFor("PERSON", id).orElseThrow();
        assertThat(task.messages()).singleElement().satisfies(m -> {
            assertThat(m.errCode()).isEqualTo("ALREADY_INSURED");
            assertThat(m.errMsg()).contains(id).contains("道里区医保中心");
        });
        assertThat(eb.status().openTasks()).isEqualTo(1);
        assertThat(eb.status().refused()).isEqualTo(1);
        assertAgrees(a, cfgA);
        assertAgrees(b, cfgB);
        // re-sending is idempotent: same refusal, no second task
        assertThat(eb.syncNow().get(60, TimeUnit.SECONDS).refused()).isZero();
        assertThat(storeB.openTasks(10)).hasSize(1);
        // the registry delta then brings the province's record of that person to desk B
        assertThat(b.registry().findPerson(id).orElseThrow().name()).isEqualTo(
                a.registry().findPerson(id).orElseThrow().name());
        storeB.handleTask(task.id(), "已告知申请人：已在道里区医保中心参保", clerkB);
        assertThat(storeB.counts().openTasks()).isZero();
    }
}
