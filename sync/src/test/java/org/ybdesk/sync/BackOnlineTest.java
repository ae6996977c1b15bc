package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SyncStore;

/**
 * Back online → syncing within 10 s (issue 12, item 5; D125): the real server (a separate process) is killed, the
 * engine's round finds it gone and probes its health every 5 s instead of backing off for minutes; the clerk keeps
 * working; the server comes back on the same port and the queued messages are at the province within seconds of it
 * answering. Real engine timings (5 s probe, 2 s backoff base, 5 min cap, 60 s interval).
 */
class BackOnlineTest {
    @TempDir
    Path dir;

    private Province province;
    private Desk desk;
    private SyncEngine engine;

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
    void aDeskWhoseProvinceComesBackStartsSyncingWithinTenSeconds() throws Exception {
        province = Province.start(dir);
        SyncConfig cfg = province.registerDesk("道里区医保中心一号窗口").withTimeoutSeconds(5);
        desk = DeskFixture.open(dir.resolve("a"), Mode.PRODUCTION);
        Actor clerk = DeskFixture.clerk(desk);
        SyncStore store = new SyncStore(desk);
        engine = new SyncEngine(desk, Optional.of(cfg), Duration.ofSeconds(2), Duration.ofMinutes(5));
        engine.start();
        DeskFixture.registerPersons(desk, clerk, 2);
        engine.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(store.counts().pending()).isZero();
        assertThat(engine.online()).isTrue();

        province.kill();
        SyncReport down = engine.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(down.ok()).isFalse();
        assertThat(engine.online()).isFalse();
        DeskFixture.registerPersons(desk, clerk, 5); // the window works on while the province is away
        Thread.sleep(7_000); // longer than a probe interval: the desk keeps probing, nothing is lost
        assertThat(store.counts().pending()).isEqualTo(5);

        province.startProcess();
        long answering = System.nanoTime();
        while (store.counts().pending() > 0 && System.nanoTime() - answering < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(50);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answering);
        System.out.println("MEASURE back online -> queue uploaded: " + ms + " ms");
        assertThat(store.counts().pending()).isZero();
        assertThat(ms).as("from the province answering again to the queue uploaded").isLessThan(10_000);
        assertThat(engine.online()).isTrue();
        assertThat(province.count("select count(*) from registry_person")).isEqualTo(7);
    }
}
