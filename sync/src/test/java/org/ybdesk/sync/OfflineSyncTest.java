package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.db.Outbox;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;

/**
 * Sync without a provincial server: unconfigured, sandbox, a closed port, a server that accepts and never answers
 * (a real socket), the refusal tasks of the store, backoff and configuration. Real H2 files throughout.
 */
class OfflineSyncTest {
    @TempDir
    Path dir;

    @Test
    void sandboxEngineRefusesToStartAndTheSandboxHasNoOutbox() {
        try (Desk sandbox = DeskFixture.open(dir, Mode.SANDBOX)) {
            DeskFixture.registerPersons(sandbox, DeskFixture.clerk(sandbox), 2);
            assertThat(new SyncStore(sandbox).counts().pending()).isZero();
            assertThatThrownBy(() -> new SyncEngine(sandbox, Optional.of(new SyncConfig("http://127.0.0.1:9", 1, "t")),
                    Duration.ofMillis(10), Duration.ofMillis(100)))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("培训环境");
            assertThatThrownBy(() -> SyncEngine.forDesk(sandbox, dir)).isInstanceOf(ServiceException.class);
            assertThatThrownBy(() -> new SyncStore(sandbox).pending(10)).isInstanceOf(ServiceException.class);
        }
    }

    @Test
    void unconfiguredDeskSaysItIsOffline() throws Exception {
        try (Desk desk = DeskFixture.open(dir, Mode.PRODUCTION); SyncEngine engine = SyncEngine.forDesk(desk, dir)) {
            DeskFixture.registerPersons(desk, DeskFixture.clerk(desk), 1);
            SyncReport r = engine.syncNow().get(10, TimeUnit.SECONDS);
            assertThat(r.configured()).isFalse();
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("未配置省平台");
            SyncStatus s = engine.status();
            assertThat(s.configured()).isFalse();
            assertThat(s.online()).isFalse();
            assertThat(s.pending()).isEqualTo(1);
        }
    }

    @Test
    void connectionRefusedKeepsMessagesPendingCountsAttemptsAndStoresTheError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Desk desk = DeskFixture.open(dir, Mode.PRODUCTION)) {
            DeskFixture.registerPersons(desk, DeskFixture.clerk(desk), 3);
            SyncStore store = new SyncStore(desk);
            Uploader up = new Uploader(store, new ProvinceClient(new SyncConfig("http://127.0.0.1:" + port, 7, "tok")
                    .withTimeoutSeconds(2)));
            for (int i = 1; i <= 2; i++) {
                Uploader.Report r = up.run();
                assertThat(r.complete()).isFalse();
                assertThat(r.error()).contains("无法连接省平台");
                assertThat(r.acked() + r.refused()).isZero();
            }
            assertThat(store.counts().pending()).isEqualTo(3);
            assertThat(store.messages(10)).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(Outbox.PENDING);
                assertThat(m.attempts()).isEqualTo(2);
                assertThat(m.lastError()).contains("无法连接省平台");
            });
            assertThat(store.state().lastError()).contains("无法连接省平台");
            assertThat(store.state().lastSuccessAt()).isNull();
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheEngineGoesOffline() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket stall = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!stall.isClosed()) {
                    try {
                        Socket s = stall.accept();
                        held.add(s);
                        InputStream in = s.getInputStream();
                        Thread reader = new Thread(() -> {
                            try {
                                while (in.read() >= 0) {
                                    // read the request and never answer
                                }
                            } catch (java.io.IOException ignored) {
                                // closed
                            }
                        });
                        reader.setDaemon(true);
                        reader.start();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SyncConfig cfg = new SyncConfig("http://127.0.0.1:" + stall.getLocalPort(), 7, "tok").withTimeoutSeconds(1);
            try (Desk desk = DeskFixture.open(dir, Mode.PRODUCTION);
                 SyncEngine engine = new SyncEngine(desk, Optional.of(cfg), Duration.ofMillis(50),
                         Duration.ofMillis(200))) {
                DeskFixture.registerPersons(desk, DeskFixture.clerk(desk), 2);
                SyncStore store = new SyncStore(desk);
                long t0 = System.nanoTime();
                Uploader.Report r = new Uploader(store, new ProvinceClient(cfg)).run();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(r.error()).contains("没有应答");
                assertThat(ms).isBetween(900L, 5_000L);
                assertThat(held).isNotEmpty();
                assertThat(store.messages(10)).allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));

                SyncReport round = engine.syncNow().get(20, TimeUnit.SECONDS);
                assertThat(round.ok()).isFalse();
                assertThat(engine.status().online()).isFalse();
                assertThat(engine.status().pending()).isEqualTo(2);
                assertThat(engine.status().lastError()).isNotBlank();
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void refusalsBecomeOneTaskPerCaseAndHandlingIsAudited() {
        try (Desk desk = DeskFixture.open(dir, Mode.PRODUCTION)) {
            var clerk = DeskFixture.clerk(desk);
            List<String> ids = DeskFixture.registerPersons(desk, clerk, 3);
            SyncStore store = new SyncStore(desk);
            List<SyncStore.PendingMessage> p = store.pending(10);
            assertThat(p).extracting(SyncStore.PendingMessage::seq).isSorted().hasSize(3);
            assertThat(p.get(0).operator()).isEqualTo("clerk");
            assertThat(p.get(0).operatorName()).isEqualTo("窗口乙");
            List<SyncStore.Answer> answers = List.of(
                    new SyncStore.Answer(p.get(0).seq(), true, "ACK1", null, null),
                    new SyncStore.Answer(p.get(1).seq(), false, null, "ALREADY_INSURED", "该人员已在其他窗口参保登记"),
                    new SyncStore.Answer(p.get(2).seq(), true, "ACK3", null, null));
            assertThat(store.recordAnswers(answers)).isEqualTo(3);
            assertThat(store.recordAnswers(answers)).as("recording again changes nothing").isZero();
            SyncStore.Counts c = store.counts();
            assertThat(c.pending()).isZero();
            assertThat(c.acked()).isEqualTo(2);
            assertThat(c.refused()).isEqualTo(1);
            assertThat(c.openTasks()).isEqualTo(1);
            SyncStore.Task t = store.openTaskFor("PERSON", ids.get(1)).orElseThrow();
            assertThat(t.messages()).singleElement().satisfies(m -> {
                assertThat(m.errCode()).isEqualTo("ALREADY_INSURED");
                assertThat(m.errMsg()).contains("其他窗口");
            });
            long auditBefore = desk.verifyAudit().rows();
            assertThatThrownBy(() -> store.handleTask(t.id(), " ", clerk)).isInstanceOf(ServiceException.class);
            SyncStore.Task handled = store.handleTask(t.id(), "已告知申请人，按异地参保处理", clerk);
            assertThat(handled.status()).isEqualTo(SyncStore.TASK_HANDLED);
            assertThat(desk.verifyAudit().ok()).isTrue();
            assertThat(desk.verifyAudit().rows()).isEqualTo(auditBefore + 1);
            assertThatThrownBy(() -> store.handleTask(t.id(), "again", clerk)).isInstanceOf(ServiceException.class);
            assertThat(store.counts().openTasks()).isZero();
        }
    }

    @Test
    void backoffDoublesIsCappedAndJittered() {
        try (Desk desk = DeskFixture.open(dir, Mode.PRODUCTION);
             SyncEngine e = new SyncEngine(desk, Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(60))) {
            for (int f = 1; f <= 12; f++) {
                long full = Math.min(60_000L, 2_000L << (f - 1));
                Duration d = e.backoff(f);
                assertThat(d.toMillis()).as("failure %d", f).isBetween(full / 2, full);
            }
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int i = 0; i < 20; i++) {
                seen.add(e.backoff(10).toMillis());
            }
            assertThat(seen).as("jittered").hasSizeGreaterThan(1);
        }
    }

    @Test
    void configurationIsSavedOwnerOnlyAndCheckedAllAtOnce() throws Exception {
        Files.writeString(dir.resolve("config.properties"), "other.key=keep\n");
        SyncConfig.save(dir, new SyncConfig("https://yb.hlj.example:8443/", 12, "secret-token"));
        SyncConfig c = SyncConfig.load(dir).orElseThrow();
        assertThat(c.base()).isEqualTo("https://yb.hlj.example:8443");
        assertThat(c.windowNo()).isEqualTo(12);
        assertThat(c.token()).isEqualTo("secret-token");
        assertThat(c.toString()).doesNotContain("secret-token");
        assertThat(Files.readString(dir.resolve("config.properties"))).contains("other.key=keep");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config.properties"))))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> SyncConfig.save(dir, new SyncConfig("ftp://x", 1000, " ")))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.problems()).hasSize(3));
        assertThat(SyncConfig.load(dir.resolve("nowhere"))).isEmpty();
    }

    @Test
    void theWindowNumberOfAnOlderConfigurationAndOfOlderDesksJsonStillReads() throws Exception {
        // a config.properties of the previous release: sync.desk-no (D104)
        Files.writeString(dir.resolve("config.properties"), "sync.server-url=http://127.0.0.1:8765\nsync.desk-no=7\n");
        SyncConfig old = SyncConfig.load(dir).orElseThrow();
        assertThat(old.windowNo()).isEqualTo(7);
        SyncConfig.save(dir, new SyncConfig("http://127.0.0.1:8765", old.windowNo(), "t0k"));
        assertThat(Files.readString(dir.resolve("config.properties"))).contains("sync.window-no=7")
                .doesNotContain("sync.desk-no");
        assertThat(SyncConfig.load(dir).orElseThrow().windowNo()).isEqualTo(7);
        // JSON of the previous release: dev_no; this release writes window_no
        var json = org.ybdesk.protocol.ProtocolJson.mapper();
        var reg = json.readValue("{\"agency_code\":\"230102001\",\"admdvs\":\"230102\",\"dev_no\":3,"
                + "\"name\":\"一号窗口\",\"token\":\"t\"}", org.ybdesk.protocol.DeskRegistration.class);
        assertThat(reg.windowNo()).isEqualTo(3);
        assertThat(json.writeValueAsString(reg)).contains("\"window_no\":3").doesNotContain("dev_no");
        var env = json.readValue("{\"infno\":\"4101\",\"dev_no\":\"003\",\"seq\":1}",
                org.ybdesk.protocol.Envelope.class);
        assertThat(env.windowNo()).isEqualTo("003");
        assertThat(json.writeValueAsString(env)).contains("\"window_no\":\"003\"").doesNotContain("dev_no");
    }
}
