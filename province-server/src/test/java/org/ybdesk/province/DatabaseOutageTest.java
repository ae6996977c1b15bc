package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.ErrorBody;
import org.ybdesk.protocol.Health;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;

/** With its database gone the server says DOWN and answers uploads with 5xx (not an answer: the desk retries). */
class DatabaseOutageTest {
    @Test
    void healthIsDownAndUploadsAre5xxWhileTheDatabaseIsGone() throws Exception {
        Path root = Files.createTempDirectory("ybdesk-outage-pg");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        LocalPostgres pg = LocalPostgres.start(root.resolve("pg"));
        pg.createDatabase("outage");
        try (ProvinceDb db = new ProvinceDb(pg.jdbcUrl("outage"), pg.user(), pg.password());
             ProvinceServer server = ProvinceServer.start(db, "127.0.0.1", 0)) {
            var desk = server.desks().add("230102001", "230102", "哈尔滨市道里区医疗保障中心");
            var http = java.net.http.HttpClient.newHttpClient();
            var health = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + Protocol.PATH_HEALTH)).build();
            assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            pg.close();

            HttpResponse<String> down = http.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(ServerFixture.read(down.body(), Health.class).status()).isEqualTo(Health.DOWN);
            var upload = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.port() + Protocol.PATH_UPLOAD))
                    .header(Protocol.AUTH_HEADER, Protocol.BEARER + desk.token())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"messages\":[]}")).build();
            HttpResponse<String> r = http.send(upload, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isGreaterThanOrEqualTo(500);
            assertThat(ServerFixture.read(r.body(), ErrorBody.class).errMsg()).contains("稍后重试");
        } finally {
            pg.close();
            TestPostgres.deleteTree(root);
        }
    }
}
