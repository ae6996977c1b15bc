package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.ProvinceServer;
import org.ybdesk.province.TlsKeys;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;

/**
 * The desk's side of issue 9 item 8, against the real server on real PostgreSQL: HTTPS with a self-signed
 * certificate the desk trusts through its trust-store setting; plain {@code http://} to another machine refused when
 * configured and before connecting; a message the province refuses for its content (a NUL in a name) is marked
 * refused and the outbox moves on.
 */
class ProvinceSecurityTest {
    private static final AtomicInteger DBS = new AtomicInteger();

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private ProvinceDb database() {
        LocalPostgres pg = Province.postgres();
        String name = "sec_" + ProcessHandle.current().pid() + "_" + DBS.incrementAndGet();
        pg.createDatabase(name);
        ProvinceDb db = new ProvinceDb(pg.jdbcUrl(name), pg.user(), pg.password());
        open.add(db);
        return db;
    }

    private Desk desk(String folder) {
        Desk d = DeskFixture.open(dir.resolve(folder), Mode.PRODUCTION);
        open.add(d);
        return d;
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedWhenConfiguredAndBeforeConnecting() {
        for (String url : List.of("http://192.0.2.10:8765", "http://province.example.cn", "HTTP://10.1.2.3:80/",
                "http://127.0.0.1.example.cn:8765", "http://[2001:db8::1]:8765")) {
            assertThatThrownBy(() -> SyncConfig.save(dir.resolve("c"), new SyncConfig(url, 1, "token")))
                    .as(url).isInstanceOf(ServiceException.class).hasMessageContaining("http://")
                    .hasMessageContaining("https://");
            // a configuration file edited by hand: the client refuses before opening any connection
            ProvinceClient client = new ProvinceClient(new SyncConfig(url, 1, "token").withTimeoutSeconds(30));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> client.registry(0, 10)).isInstanceOf(Unanswered.class)
                    .hasMessageContaining("https://");
            assertThat(client.healthy()).isFalse();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("no connection attempted").isLessThan(2_000);
        }
        for (String url : List.of("http://127.0.0.1:8765", "http://localhost:8765", "http://[::1]:8765",
                "http://127.10.20.30:1", "https://province.example.cn")) {
            assertThat(SyncConfig.save(dir.resolve("c"), new SyncConfig(url, 1, "token")).serverUrl()).isEqualTo(url);
            assertThat(new SyncConfig(url, 1, "token").plainHttpRefusal()).as(url).isNull();
        }
        assertThat(SyncConfig.load(dir.resolve("c")).orElseThrow().serverUrl())
                .isEqualTo("https://province.example.cn");
    }

    @Test
    void theDeskSyncsOverHttpsTrustingTheServersSelfSignedCertificate() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("tls"));
        Path password = keys.resolve("password");
        Files.writeString(password, "s3cret-for-test\n", StandardCharsets.UTF_8);
        Path store = keys.resolve("province.p12");
        Path cert = keys.resolve("province.pem");
        TlsKeys.create(store, TlsKeys.readPassword(password), List.of("localhost", "127.0.0.1"), 30, cert);
        assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----");

        ProvinceDb db = database();
        ProvinceServer server = ProvinceServer.start(db, "127.0.0.1", 0,
                new ProvinceServer.Tls(store, TlsKeys.readPassword(password)));
        open.add(server);
        assertThat(server.scheme()).isEqualTo("https");
        Desks.Registration reg = server.desks().add("230102001", "230102", "道里区医保中心一号窗口");
        String url = "https://localhost:" + server.port();
        SyncConfig trusting = SyncConfig.save(dir.resolve("cfg"),
                new SyncConfig(url, reg.desk().windowNo(), reg.token(), cert, null, 0, 0, 30));

        // the desk's own client over a real TLS connection: health, a pull, and an upload of real outbox messages
        ProvinceClient client = new ProvinceClient(SyncConfig.load(dir.resolve("cfg")).orElseThrow());
        assertThat(client.healthy()).isTrue();
        assertThat(client.registry(0, 10).persons()).isEmpty();
        Desk d = desk("a");
        Actor clerk = DeskFixture.clerk(d);
        DeskFixture.registerPersons(d, clerk, 3);
        Uploader.Report report = new Uploader(new SyncStore(d), client).run();
        assertThat(report.complete()).as(String.valueOf(report.error())).isTrue();
        assertThat(report.acked()).isEqualTo(3);
        assertThat(client.registry(0, 10).persons()).hasSize(3);

        // by IP address too (the certificate names 127.0.0.1)
        assertThat(new ProvinceClient(new SyncConfig("https://127.0.0.1:" + server.port(), reg.desk().windowNo(),
                reg.token(), cert, null, 0, 0, 30)).healthy()).isTrue();
        // without trusting the certificate the handshake fails: nothing is sent
        ProvinceClient untrusting = new ProvinceClient(new SyncConfig(url, reg.desk().windowNo(), reg.token())
                .withTimeoutSeconds(30));
        assertThat(untrusting.healthy()).isFalse();
        assertThatThrownBy(() -> untrusting.registry(0, 10)).isInstanceOf(Unanswered.class);
        // the server speaks HTTPS only: plain HTTP to its port gets no answer
        assertThat(new ProvinceClient(new SyncConfig("http://127.0.0.1:" + server.port(), 1, "t")
                .withTimeoutSeconds(30)).healthy()).isFalse();
        assertThat(trusting.trustStore()).isEqualTo(cert);
    }

    @Test
    void aMessageRefusedForItsContentIsMarkedRefusedAndTheOutboxMovesOn() {
        ProvinceDb db = database();
        ProvinceServer server = ProvinceServer.start(db, "127.0.0.1", 0);
        open.add(server);
        Desks.Registration reg = server.desks().add("230102001", "230102", "道里区医保中心一号窗口");
        SyncConfig cfg = new SyncConfig("http://127.0.0.1:" + server.port(), reg.desk().windowNo(), reg.token())
                .withTimeoutSeconds(60);
        Desk d = desk("b");
        Actor clerk = DeskFixture.clerk(d);
        DeskFixture.registerPersons(d, clerk, 3);
        // a message as an older desk version could have queued it: a NUL and a right-to-left override in the name
        long poisoned = d.db().dsl().select(OUTBOX.SEQ).from(OUTBOX).orderBy(OUTBOX.SEQ).offset(1).limit(1)
                .fetchOne(OUTBOX.SEQ);
        String payload = d.db().dsl().select(OUTBOX.PAYLOAD_JSON).from(OUTBOX).where(OUTBOX.SEQ.eq(poisoned))
                .fetchOne(OUTBOX.PAYLOAD_JSON);
        d.db().dsl().update(OUTBOX).set(OUTBOX.PAYLOAD_JSON,
                payload.replace("\"name\":\"", "\"name\":\"\\u0000\\u202E")).where(OUTBOX.SEQ.eq(poisoned)).execute();

        Uploader uploader = new Uploader(new SyncStore(d), new ProvinceClient(cfg));
        Uploader.Report report = uploader.run();
        assertThat(report.complete()).as(String.valueOf(report.error())).isTrue();
        assertThat(report.acked()).isEqualTo(2);
        assertThat(report.refused()).isEqualTo(1);
        SyncStore.Counts counts = new SyncStore(d).counts();
        assertThat(counts.pending()).isZero();
        assertThat(counts.refused()).isEqualTo(1);
        assertThat(new SyncStore(d).messages(10)).filteredOn(m -> m.seq() == poisoned).singleElement()
                .satisfies(m -> assertThat(m.errCode()).isEqualTo("UNSAFE_TEXT"));

        // later work goes through as before: the refused message blocks nothing
        DeskFixture.registerPersons(d, clerk, 2);
        Uploader.Report next = uploader.run();
        assertThat(next.complete()).isTrue();
        assertThat(next.acked()).isEqualTo(2);
        assertThat(new SyncStore(d).counts().pending()).isZero();
        assertThat(server.desks().list()).hasSize(1);
    }

    @Test
    void aBatchTheServerFindsTooLargeIsSplitAndItsOversizedMessagesAreRefusedAlone() {
        ProvinceDb db = database();
        ProvinceServer server = ProvinceServer.start(db, "127.0.0.1", 0);
        open.add(server);
        Desks.Registration reg = server.desks().add("230102001", "230102", "道里区医保中心一号窗口");
        SyncConfig cfg = new SyncConfig("http://127.0.0.1:" + server.port(), reg.desk().windowNo(), reg.token())
                .withTimeoutSeconds(120);
        Desk d = desk("c");
        Actor clerk = DeskFixture.clerk(d);
        DeskFixture.registerPersons(d, clerk, 4);
        // three queued messages of 12 MiB each (as a faulty desk version could have written them): 36 MiB together,
        // over the server's 32 MiB body limit. The uploader sends the stored typed change (D102), so the padding is in
        // a property the change has (an unknown one would not travel)
        String padding = "x".repeat(12 * 1024 * 1024);
        List<Long> seqs = d.db().dsl().select(OUTBOX.SEQ).from(OUTBOX).orderBy(OUTBOX.SEQ).limit(3)
                .fetch(OUTBOX.SEQ);
        for (long seq : seqs) {
            String payload = d.db().dsl().select(OUTBOX.PAYLOAD_JSON).from(OUTBOX).where(OUTBOX.SEQ.eq(seq))
                    .fetchOne(OUTBOX.PAYLOAD_JSON);
            d.db().dsl().update(OUTBOX).set(OUTBOX.PAYLOAD_JSON, payload.replace("\"name\":\"", "\"name\":\"" + padding))
                    .where(OUTBOX.SEQ.eq(seq)).execute();
        }
        Uploader.Report report = new Uploader(new SyncStore(d), new ProvinceClient(cfg)).run();
        assertThat(report.complete()).as(String.valueOf(report.error())).isTrue();
        assertThat(report.refused()).isEqualTo(3);
        assertThat(report.acked()).isEqualTo(1);
        assertThat(new SyncStore(d).counts().pending()).isZero();
        assertThat(new SyncStore(d).messages(10)).filteredOn(m -> seqs.contains(m.seq()))
                .allSatisfy(m -> assertThat(m.errCode()).isEqualTo("INPUT_TOO_LARGE"));
    }
}
