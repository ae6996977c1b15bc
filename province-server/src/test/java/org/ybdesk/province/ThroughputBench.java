package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.UploadResponse;

/**
 * The server side of the sync benchmark: 10,000 messages (2,000 person registrations, 2,000 cases received and
 * 6,000 later steps) in batches of 500 from one desk over loopback must be applied within 30 s, after a warm-up of
 * 5,000 messages from another desk (a running server has compiled its paths).
 *
 * <p>A benchmark, not part of the test run (its name does not end in Test): on a quiet machine it shows the
 * server's throughput, on a crowded one it fails. Run it with
 * {@code mvn -B -ntp -pl province-server -am verify -Dtest=ThroughputBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ThroughputBench {
    ServerFixture f;

    @BeforeEach
    void start() {
        f = new ServerFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** 5 messages per person: registration, an out-of-area filing received, accepted, materials, closed. */
    private static List<Envelope> messages(ServerFixture.DeskClient d, String prefix, int persons) {
        List<Envelope> all = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            String id = ServerFixture.pid(prefix, i);
            all.add(d.person(id, ServerFixture.name("人", i)));
            // numbered for the day the receipt happens (the next envelope's minute)
            String caseNo = org.ybdesk.core.validation.CaseNumbers.format(d.desk.agencyCode(),
                    d.clock.plusMinutes(1).toLocalDate(), d.desk.windowNo(), i + 1);
            all.add(d.caseReceived(caseNo, 11 + i % 5, id));
            all.add(d.caseStep(caseNo, "ACCEPT", "RECEIVED", "ACCEPTED"));
            all.add(d.caseMaterials(caseNo));
            all.add(d.caseStep(caseNo, "CLOSE", "ACCEPTED", "CLOSED"));
        }
        return all;
    }

    private static double upload(ServerFixture.DeskClient d, List<Envelope> all) {
        long t0 = System.nanoTime();
        for (int i = 0; i < all.size(); i += 500) {
            UploadResponse r = d.upload(all.subList(i, Math.min(all.size(), i + 500)));
            assertThat(r.results()).allMatch(x -> x.accepted() && !x.duplicate());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** CPU seconds of the PostgreSQL cluster (the postmaster and its children) from /proc, in clock ticks of 10 ms. */
    private static double postgresCpuSeconds() {
        try {
            long postmaster = Long.parseLong(java.nio.file.Files.readAllLines(
                    TestPostgres.server().dataDir().resolve("postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = java.nio.file.Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(p.getFileName().toString());
                        if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a process that ended meanwhile
                    }
                }
            }
            return ticks / 100.0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private long walSyncs() {
        return ((Number) f.db.dsl().fetchValue("select wal_sync from pg_stat_wal")).longValue();
    }

    @Test
    void tenThousandMessagesInBatchesOf500() {
        // a fresh JVM compiles jOOQ, Jackson and Jetty paths first: warm up on another desk as a running server is
        var warm = f.desk("230103001", "230103", "哈尔滨市南岗区医疗保障中心");
        double cold = upload(warm, messages(warm, "230103", 1_000));
        var d = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        List<Envelope> all = messages(d, "230102", 2_000);
        assertThat(all).hasSize(10_000);
        System.out.printf("THROUGHPUT warm-up 5000 messages (cold JVM): %.2f s%n", cold);
        long syncsBefore = walSyncs();
        double pgBefore = postgresCpuSeconds();
        double jvmBefore = jvmCpuSeconds();
        long t0 = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < all.size(); i += 500) {
            UploadResponse r = d.upload(all.subList(i, i + 500));
            ok += (int) r.results().stream().filter(x -> x.accepted() && !x.duplicate()).count();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("THROUGHPUT 10000 messages in batches of 500: %.2f s (%.0f messages/s)%n", seconds,
                10_000 / seconds);
        double pgCpu = postgresCpuSeconds() - pgBefore;
        double jvmCpu = jvmCpuSeconds() - jvmBefore;
        System.out.printf("THROUGHPUT CPU for the 10000 messages: PostgreSQL %.2f s, JVM (server + test client) %.2f s"
                + "; load average %.1f%n", pgCpu, jvmCpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long syncs = walSyncs() - syncsBefore;
        System.out.printf("THROUGHPUT WAL syncs during the 10000 messages: %d%n", syncs);
        assertThat(ok).isEqualTo(10_000);
        // one synchronous commit per batch, not one per message (the other syncs are the WAL writer's own)
        assertThat(syncs).isLessThan(2_000);
        assertThat(f.count("case_step")).isEqualTo(12_000);
        assertThat(seconds).isLessThan(30.0);
    }
}
