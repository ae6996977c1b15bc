package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.province.store.RegistryPulls;
import org.ybdesk.province.store.Uploads;

class ConcurrentUploadTest {
    ServerFixture f;

    @BeforeEach
    void start() {
        f = new ServerFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** Uploads each desk's batches from its own thread, all starting together. */
    private static List<List<UploadResponse>> together(List<ServerFixture.DeskClient> desks,
                                                       List<List<List<Envelope>>> batches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(desks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<UploadResponse>>> futures = new ArrayList<>();
            for (int i = 0; i < desks.size(); i++) {
                var d = desks.get(i);
                var mine = batches.get(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    List<UploadResponse> out = new ArrayList<>();
                    for (List<Envelope> b : mine) {
                        out.add(d.upload(b));
                    }
                    return out;
                }));
            }
            go.countDown();
            List<List<UploadResponse>> out = new ArrayList<>();
            for (Future<List<UploadResponse>> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<List<Envelope>> chunks(List<Envelope> all, int size) {
        List<List<Envelope>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    @Test
    void twoDesksRegisteringOverlappingPersonsAtOnceLoseAndDoubleNothing() throws Exception {
        var a = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        var b = f.desk("230103001", "230103", "哈尔滨市南岗区医疗保障中心");
        int common = 150;
        int own = 150;
        List<Envelope> fromA = new ArrayList<>();
        List<Envelope> fromB = new ArrayList<>();
        for (int i = 0; i < common + own; i++) {
            // A registers the common persons first ascending, B descending: they meet in the middle
            fromA.add(i < common ? a.person(ServerFixture.pid("230100", i), ServerFixture.name("共", i))
                    : a.person(ServerFixture.pid("230102", i), ServerFixture.name("甲", i)));
            int j = common + own - 1 - i;
            fromB.add(j < common ? b.person(ServerFixture.pid("230100", j), ServerFixture.name("共", j))
                    : b.person(ServerFixture.pid("230103", j), ServerFixture.name("乙", j)));
        }

        var responses = together(List.of(a, b), List.of(chunks(fromA, 50), chunks(fromB, 50)));

        Map<String, List<String>> outcomes = new HashMap<>();
        List<List<Envelope>> sent = List.of(fromA, fromB);
        for (int d = 0; d < 2; d++) {
            List<UploadResult> results = responses.get(d).stream().flatMap(r -> r.results().stream()).toList();
            assertThat(results).hasSize(common + own);
            for (int i = 0; i < results.size(); i++) {
                String id = sent.get(d).get(i).input().get("idNumber").asText();
                UploadResult r = results.get(i);
                assertThat(r.msgid()).isEqualTo(sent.get(d).get(i).msgid());
                outcomes.computeIfAbsent(id, k -> new ArrayList<>()).add(!r.accepted() ? r.errCode()
                        : r.errCode() == null ? "OK" : "OK+" + r.errCode());
            }
        }
        long commonIds = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("230100")).count();
        assertThat(commonIds).isEqualTo(common);
        outcomes.forEach((id, list) -> {
            if (id.startsWith("230100")) {
                // two agencies: the second to arrive makes a registry conflict (D134), accepted
                assertThat(list).as(id).containsExactlyInAnyOrder("OK", "OK+REGISTRY_CONFLICT");
            } else {
                assertThat(list).as(id).containsExactly("OK");
            }
        });
        assertThat(f.count("registry_person")).isEqualTo(common + 2 * own);
        assertThat(f.count("registry_conflict")).isEqualTo(common);
        // whichever arrived first, the registry holds the registration that occurred first
        assertThat(f.db.dsl().fetchCount(org.jooq.impl.DSL.table("registry_conflict c join registry_person p "
                + "on p.id_number = c.record_key"), org.jooq.impl.DSL.condition(
                "p.msgid = c.holder_msgid and c.holder_occurred_at <= c.other_occurred_at"))).isEqualTo(common);
        assertThat(f.count("received_message")).isEqualTo(2 * (common + own));
        // every registry change has its own version, and versions follow commit order (a pull from 0 sees all)
        assertThat(((Number) f.db.dsl().fetchValue("select count(distinct version) from registry_person")).longValue())
                .isEqualTo(common + 2L * own);
        RegistryPulls pulls = new RegistryPulls(f.db);
        assertThat(pulls.since(a.desk.admdvs(), 0, 5_000).persons().size()
                + pulls.since(b.desk.admdvs(), 0, 5_000).persons().size()).isEqualTo(common + 2 * own);
    }

    @Test
    void oneDeskSendingTheSameBatchTwiceAtOnceAppliesEachMessageOnce() throws Exception {
        var d = f.desk("230104001", "230104", "道外区医疗保障中心");
        List<Envelope> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(d.person(ServerFixture.pid("230104", i), ServerFixture.name("丙", i)));
        }
        var responses = together(List.of(d, d), List.of(List.of(batch), List.of(batch)));
        List<UploadResult> first = responses.get(0).get(0).results();
        List<UploadResult> second = responses.get(1).get(0).results();
        for (int i = 0; i < batch.size(); i++) {
            assertThat(first.get(i).accepted()).isTrue();
            assertThat(second.get(i).accepted()).isTrue();
            assertThat(first.get(i).duplicate() ^ second.get(i).duplicate()).as("exactly one original").isTrue();
            assertThat(first.get(i).infRefmsgid()).isEqualTo(second.get(i).infRefmsgid());
        }
        assertThat(((Number) f.db.dsl().fetchValue(
                "select count(*) from registry_person where id_number like '230104%'")).longValue()).isEqualTo(100L);
    }
}
