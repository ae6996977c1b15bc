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
            int code = ProvinceServerMain.commandLine().execute(args);
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

    @Test
    void agenciesAndWindowsFromTheCommandLineWithChineseReasonsForBadInput() throws Exception {
        ProvinceDb db = TestPostgres.newDatabase();
        String url = db.dsl().configuration().connectionProvider().acquire().getMetaData().getURL();
        db.close();
        LocalPostgres pg = TestPostgres.server();
        String[] conn = {"--jdbc-url", url, "--db-user", pg.user(), "--db-password", pg.password()};
        assertThat(run(concat(new String[]{"agency", "add", "--code", "230102000", "--name", "道里区医保中心",
                "--admdvs", "230102", "--level", "COUNTY"}, conn))).contains("agency=230102000");
        assertThat(run(concat(new String[]{"desk", "add", "--agency", "230102101", "--admdvs", "230102", "--name",
                "新农镇一号窗口", "--window", "3", "--level", "TOWNSHIP", "--parent", "230102000", "--agency-name",
                "新农镇医保服务站"}, conn))).contains("window_no=03");
        assertThat(run(concat(new String[]{"agency", "list"}, conn)))
                .contains("230102101\tTOWNSHIP\t230102\t230102000\t新农镇医保服务站");
        assertThat(run(concat(new String[]{"desk", "replace", "--agency", "230102101", "--window", "3"}, conn)))
                .contains("window_no=03", "token=");
        // bad input: exit code 2, one Chinese sentence on stderr naming what to fix, no stack trace
        assertThat(fails(concat(new String[]{"agency", "add", "--code", "230102102", "--name", "某镇", "--admdvs",
                "230102", "--level", "CITY", "--parent", "999"}, conn))).contains("上级经办机构 999 未登记")
                .doesNotContain("Exception", "\tat ");
        assertThat(fails(concat(new String[]{"desk", "add", "--agency", "230102101", "--admdvs", "230102", "--name",
                "新农镇二号窗口", "--window", "100"}, conn))).contains("1～99");
        assertThat(fails(concat(new String[]{"desk", "replace", "--agency", "230102101", "--window", "9"}, conn)))
                .contains("没有第 09 号窗口");
    }

    private static String fails(String... args) {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cl = ProvinceServerMain.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(cl.execute(args)).isEqualTo(2);
        } finally {
            System.setOut(old);
        }
        return err.toString();
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
