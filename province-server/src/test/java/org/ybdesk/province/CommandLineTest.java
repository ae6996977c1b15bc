package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.protocol.DeskRegistration;
import picocli.CommandLine;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;

class CommandLineTest {
    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new ProvinceServerMain()).execute(args);
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void deskAddPrintsANumberAndATokenThatAuthenticatesAndReferenceImportBumpsTheVersion(@TempDir Path dir)
            throws Exception {
        ProvinceDb db = TestPostgres.newDatabase(); // creates and migrates a database; the CLI opens it again
        String url = db.dsl().configuration().connectionProvider().acquire().getMetaData().getURL();
        db.close();
        LocalPostgres pg = TestPostgres.server();
        String[] conn = {"--jdbc-url", url, "--db-user", pg.user(), "--db-password", pg.password()};

        String first = run(concat(new String[]{"desk", "add", "--agency", "230102001", "--admdvs", "230102",
                "--name", "哈尔滨市道里区医疗保障中心", "--json"}, conn));
        DeskRegistration reg = ServerFixture.read(first.trim(), DeskRegistration.class);
        assertThat(reg.windowNo()).isEqualTo(1);
        assertThat(reg.token()).hasSizeGreaterThanOrEqualTo(43);
        String second = run(concat(new String[]{"desk", "add", "--agency", "230102001", "--admdvs", "230102",
                "--name", "哈尔滨市道里区医疗保障中心"}, conn));
        assertThat(second).contains("window_no=02", "token=");

        try (ProvinceDb again = new ProvinceDb(url, pg.user(), pg.password())) {
            Desks desks = new Desks(again);
            assertThat(desks.authenticate(reg.token())).get().extracting(Desks.Desk::windowNo).isEqualTo(1);
            assertThat(desks.authenticate(reg.token() + "x")).isEmpty();
            // only the hash is stored
            assertThat(again.dsl().fetchCount(org.jooq.impl.DSL.table("desk"),
                    org.jooq.impl.DSL.field("token_hash").eq(reg.token()))).isZero();
            assertThat(again.dsl().fetchCount(org.jooq.impl.DSL.table("desk"),
                    org.jooq.impl.DSL.field("token_hash").eq(Tokens.hash(reg.token())))).isOne();
        }

        Path file = dir.resolve("2027.yaml");
        Files.writeString(file, "year: 2027\nholidays: []\nmakeUpWorkdays: []\n", StandardCharsets.UTF_8);
        String imported = run(concat(new String[]{"reference", "import", "--kind", "CALENDAR", "--key", "2027",
                file.toString()}, conn));
        assertThat(imported).startsWith("version=");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void tlsInitMakesAKeyStoreTheServerServesHttpsWithAndACertificateClientsTrust(@TempDir Path dir)
            throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "another-s3cret\n", StandardCharsets.UTF_8);
        String out = run("tls", "init", "--keystore", dir.resolve("k.p12").toString(), "--password-file",
                pw.toString(), "--cert", dir.resolve("c.pem").toString(), "--host", "localhost,127.0.0.1");
        assertThat(out).contains("keystore=", "cert=");
        ProvinceDb db = TestPostgres.newDatabase();
        try (ProvinceServer server = ProvinceServer.start(db, "127.0.0.1", 0,
                new ProvinceServer.Tls(dir.resolve("k.p12"), TlsKeys.readPassword(pw)))) {
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (var in = Files.newInputStream(dir.resolve("c.pem"))) {
                trust.setCertificateEntry("province", java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(in));
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            var http = java.net.http.HttpClient.newBuilder().sslContext(ssl).build();
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://localhost:"
                    + server.port() + org.ybdesk.protocol.Protocol.PATH_HEALTH)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.sslSession()).isPresent();
        } finally {
            db.close();
        }
    }
}
