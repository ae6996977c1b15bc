package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.validation.VoucherCodes;
import org.ybdesk.protocol.ErrorBody;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.voucher.VoucherResolution;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.Vouchers;

/**
 * E-vouchers at the reference province (issue 13): loaded from CSV with every problem listed, resolved for a desk
 * against the voucher table and the registry (the registry's name wins), unknown, expired and malformed codes
 * refused with Chinese reasons, a token required. Real PostgreSQL, the real server in process.
 */
class VoucherTest {
    /** 2026-11-20 18:00 Beijing. */
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 20, 18, 0, 0, 0, ProvinceDb.ZONE).toInstant(),
            ProvinceDb.ZONE);
    static final String PERSON_CODE = VoucherCodes.of(VoucherCodes.Kind.PERSON, "1A2B3C4D5E6F7G8H9J0K1L2M3N4P5Q");
    static final String STRANGER_CODE = VoucherCodes.of(VoucherCodes.Kind.PERSON, "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ1");
    static final String UNIT_CODE = VoucherCodes.of(VoucherCodes.Kind.UNIT, "000000000000000000000000000007");
    static final String EXPIRED_CODE = VoucherCodes.of(VoucherCodes.Kind.PERSON, "EXP1RED0000000000000000000000A");

    private static String resolveBody(String code) {
        return "{\"code\":\"" + code + "\"}";
    }

    @Test
    void resolvesPersonsAndUnitsAgainstTheRegistryAndRefusesUnknownExpiredAndMalformedCodes() throws Exception {
        try (ServerFixture f = new ServerFixture(CLOCK)) {
            ServerFixture.DeskClient desk = f.desk("230102001", "230102", "道里区医保中心一号窗口");
            String pid = ServerFixture.pid("230102", 7);
            String ucc = ServerFixture.ucc("91230102MA1B2C3D4X");
            assertThat(ServerFixture.codes(desk.upload(desk.person(pid, "张三"), desk.unit(ucc, "哈尔滨道里某某公司"))))
                    .containsExactly("OK", "OK");
            String csv = "code,kind,id_number,name,valid_until\n"
                    + PERSON_CODE + ",PERSON," + pid + ",张叁,2030-12-31\n"
                    + UNIT_CODE + ",UNIT," + ucc + ",某某公司,2030-12-31\n"
                    + STRANGER_CODE + ",PERSON," + ServerFixture.pid("230103", 9) + ",李四,2030-12-31\n"
                    + EXPIRED_CODE + ",PERSON," + ServerFixture.pid("230102", 8) + ",王五,2026-11-19\n";
            Vouchers.Loaded loaded = new Vouchers(f.db).load(in(csv));
            assertThat(loaded).isEqualTo(new Vouchers.Loaded(4, 0));

            String url = f.base() + Protocol.PATH_VOUCHER_RESOLVE;
            HttpResponse<String> ok = f.post(desk.token, url, resolveBody(PERSON_CODE.toLowerCase()));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            VoucherResolution r = ServerFixture.read(ok.body(), VoucherResolution.class);
            // the registry's name and ID type win over the voucher table's
            assertThat(r).isEqualTo(new VoucherResolution(PERSON_CODE, "PERSON", "RESIDENT_ID", pid, "张三",
                    "2030-12-31", true, "INSURED", "230102"));

            VoucherResolution u = ServerFixture.read(f.post(desk.token, url, resolveBody(UNIT_CODE)).body(),
                    VoucherResolution.class);
            assertThat(u.kind()).isEqualTo("UNIT");
            assertThat(u.idNumber()).isEqualTo(ucc);
            assertThat(u.name()).isEqualTo("哈尔滨道里某某公司");
            assertThat(u.idType()).isNull();

            // not in the registry: the voucher table's own name, registered false
            VoucherResolution s = ServerFixture.read(f.post(desk.token, url, resolveBody(STRANGER_CODE)).body(),
                    VoucherResolution.class);
            assertThat(s.registered()).isFalse();
            assertThat(s.name()).isEqualTo("李四");
            assertThat(s.idType()).isEqualTo("RESIDENT_ID");

            HttpResponse<String> expired = f.post(desk.token, url, resolveBody(EXPIRED_CODE));
            assertThat(expired.statusCode()).isEqualTo(422);
            ErrorBody e = ServerFixture.read(expired.body(), ErrorBody.class);
            assertThat(e.errCode()).isEqualTo(Protocol.VOUCHER_EXPIRED);
            assertThat(e.errMsg()).contains("2026-11-19", "失效");

            String unknownCode = VoucherCodes.of(VoucherCodes.Kind.PERSON, "NNNNNNNNNNNNNNNNNNNNNNNNNNNNNN");
            HttpResponse<String> unknown = f.post(desk.token, url, resolveBody(unknownCode));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(ServerFixture.read(unknown.body(), ErrorBody.class).errMsg()).contains(unknownCode, "没有");

            // a mistyped code (check character) and an ID number are not voucher codes
            String typo = PERSON_CODE.substring(0, 31) + (PERSON_CODE.charAt(31) == '0' ? '1' : '0');
            for (String bad : new String[] {typo, pid}) {
                HttpResponse<String> inv = f.post(desk.token, url, resolveBody(bad));
                assertThat(inv.statusCode()).as(bad).isEqualTo(400);
                ErrorBody b = ServerFixture.read(inv.body(), ErrorBody.class);
                assertThat(b.errCode()).isEqualTo(Protocol.VOUCHER_INVALID);
                assertThat(b.errMsg()).contains("医保电子凭证");
            }
            assertThat(f.post(desk.token, url, "{}").statusCode()).isEqualTo(400);
            // authorised by the desk's token like every endpoint
            assertThat(f.post(null, url, resolveBody(PERSON_CODE)).statusCode()).isEqualTo(401);
            assertThat(f.post("not-a-token", url, resolveBody(PERSON_CODE)).statusCode()).isEqualTo(401);
            // every lookup of the desk is logged (D155: logged, not rate-limited)
            assertThat(new Vouchers(f.db).lookups(desk.desk.id())).isEqualTo(7);

            // loading again replaces a row
            assertThat(new Vouchers(f.db).load(in(PERSON_CODE + ",PERSON," + pid + ",张三,2031-12-31\n")))
                    .isEqualTo(new Vouchers.Loaded(0, 1));
        }
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryLineNamed() throws Exception {
        try (ServerFixture f = new ServerFixture(CLOCK)) {
            String pid = ServerFixture.pid("230102", 3);
            String csv = PERSON_CODE + ",PERSON," + pid + ",张三,2030-12-31\n"
                    + UNIT_CODE + ",PERSON," + pid + ",张三,2030-12-31\n"            // 2: kind vs letter
                    + PERSON_CODE.substring(0, 30) + ",PERSON," + pid + ",张三,2030-12-31\n" // 3: short code
                    + STRANGER_CODE + ",PERSON," + pid.substring(0, 17) + ",张三,2030-12-31\n" // 4: 17-digit ID
                    + EXPIRED_CODE + ",UNIT,91230102MA1B2C3D40,某公司,2030-02-30\n"            // 5: many
                    + PERSON_CODE + ",PERSON," + pid + ",张三,2030-12-31\n"                     // 6: duplicate
                    + "only,three,columns\n";                                                  // 7
            assertThatThrownBy(() -> new Vouchers(f.db).load(in(csv)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("6 处问题").hasMessageContaining("未导入任何凭证")
                    .hasMessageContaining("第 2 行").hasMessageContaining("以 U 开头")
                    .hasMessageContaining("第 3 行").hasMessageContaining("应为 32 位")
                    .hasMessageContaining("第 4 行").hasMessageContaining("证件号码有误")
                    .hasMessageContaining("第 5 行").hasMessageContaining("2030-02-30")
                    .hasMessageContaining("第 6 行").hasMessageContaining("重复")
                    .hasMessageContaining("第 7 行").hasMessageContaining("应有 5 列");
            assertThat(f.count("voucher")).isZero();
            assertThatThrownBy(() -> new Vouchers(f.db).load(in("# nothing\n\n")))
                    .hasMessageContaining("没有任何凭证");
        }
    }

    @Test
    void theCommandLineLoadsAFileAndRefusesABadOneWithoutAStackTrace(@TempDir Path dir) throws Exception {
        ProvinceDb db = TestPostgres.newDatabase(CLOCK);
        String url = db.dsl().configuration().connectionProvider().acquire().getMetaData().getURL();
        db.close();
        LocalPostgres pg = TestPostgres.server();
        Path good = dir.resolve("vouchers.csv");
        Files.writeString(good, "\uFEFFcode,kind,id,name,valid_until\n" + PERSON_CODE + ",PERSON,"
                + ServerFixture.pid("230102", 5) + ",张三,2030-12-31\n", StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, PERSON_CODE + ",PERSON,12345678901234567,张三,2030-12-31\n", StandardCharsets.UTF_8);
        String[] conn = {"--jdbc-url", url, "--db-user", pg.user(), "--db-password", pg.password()};

        Run ok = run("voucher", "load", good.toString(), conn[0], conn[1], conn[2], conn[3], conn[4], conn[5]);
        assertThat(ok.code).as(ok.err).isZero();
        assertThat(ok.out).contains("added=1", "replaced=0");
        Run refused = run("voucher", "load", bad.toString(), conn[0], conn[1], conn[2], conn[3], conn[4], conn[5]);
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.err).contains("第 1 行", "证件号码有误").doesNotContain("Exception", "\tat ");
        Run missing = run("voucher", "load", dir.resolve("none.csv").toString(), conn[0], conn[1], conn[2], conn[3],
                conn[4], conn[5]);
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).contains("读不到文件");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            picocli.CommandLine cl = ProvinceServerMain.commandLine();
            cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
        }
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
