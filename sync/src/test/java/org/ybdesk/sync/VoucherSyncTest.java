package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.VoucherCodes;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.province.ProvinceServer;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.Vouchers;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.CaseService.VoucherCheck;
import org.ybdesk.service.CaseService.VoucherUse;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;
import org.ybdesk.service.VoucherService;

/**
 * E-vouchers between a real desk (H2 file) and the real province (in process, PostgreSQL): online the code resolves
 * to the registered applicant and the case is VERIFIED; offline the case is taken in 待核验 (PENDING) and the next
 * sync round verifies it; a code of another person, an unknown code and an expired one become MISMATCH with the
 * detail, listed for the supervisor; a province that does not answer is given up after the voucher timeout.
 */
class VoucherSyncTest {
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

    /** The province on the desks' fixed clock (the vouchers' validity is judged on it). */
    private ProvinceServer province() {
        LocalPostgres pg = Province.postgres();
        String name = "vch_" + ProcessHandle.current().pid() + "_" + DBS.incrementAndGet();
        pg.createDatabase(name);
        ProvinceDb db = new ProvinceDb(pg.jdbcUrl(name), pg.user(), pg.password(), DeskFixture.CLOCK);
        open.add(db);
        ProvinceServer server = ProvinceServer.start(db, "127.0.0.1", 0);
        open.add(server);
        this.db = db;
        return server;
    }

    private ProvinceDb db;

    private SyncConfig register(ProvinceServer server) {
        Desks.Registration reg = server.desks().add("230102001", "230102", "道里区医保中心一号窗口");
        return new SyncConfig("http://127.0.0.1:" + server.port(), reg.desk().windowNo(), reg.token())
                .withTimeoutSeconds(60);
    }

    private Desk desk() {
        Desk d = DeskFixture.open(dir.resolve("desk"), Mode.PRODUCTION);
        Actor admin = d.users().login("admin", "passadmin1");
        d.users().add("head", "负责人戊", "passhead11", EnumSet.of(Role.HEAD), DeskFixture.residentId("19700101"),
                admin);
        open.add(d);
        return d;
    }

    private void load(String csv) throws Exception {
        new Vouchers(db).load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static int personItem(Desk d) {
        return d.catalog().items().stream()
                .filter(i -> i.applicantKind() == ApplicantKind.PERSON && i.group() != ItemGroup.OUT_OF_AREA_FILING
                        && i.group() != ItemGroup.REGISTRATION && i.group() != ItemGroup.CHANGE)
                .mapToInt(ServiceItem::no).findFirst().orElseThrow();
    }

    /** A case of {@code name}/{@code id} identified by {@code voucher} (as the window makes it). */
    private static String intake(Desk d, Actor clerk, String name, String id, VoucherUse voucher) {
        CaseService.NewCase plain = caseOf(d, name, id);
        return d.cases().create(plain.with(CaseService.Circumstances.NONE.withVoucher(voucher)), clerk).summary()
                .caseNo();
    }

    private static CaseService.NewCase caseOf(Desk d, String name, String id) {
        ServiceItem item = d.catalog().item(personItem(d));
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        Map<String, String> f = new LinkedHashMap<>();
        Set<String> prefilled = Set.of("name", "insuredName", "idType", "idNumber", "phone");
        item.leafFields().filter(s -> !prefilled.contains(s.key())).forEach(s -> f.putIfAbsent(s.key(),
                CaseData.value(s)));
        return new CaseService.NewCase(item.no(), new CaseService.Applicant(IdType.RESIDENT_ID, id, name,
                "13912345678"), f, m, null, null, null);
    }

    private static String code(String body) {
        return VoucherCodes.of(VoucherCodes.Kind.PERSON, body);
    }

    @Test
    void onlineTheCodeResolvesToTheRegisteredApplicantAndTheCaseIsVerified() throws Exception {
        ProvinceServer server = province();
        SyncConfig cfg = register(server);
        Desk d = desk();
        Actor clerk = DeskFixture.clerk(d);
        String id = DeskFixture.registerPersons(d, clerk, 1).get(0);
        assertThat(new Uploader(new SyncStore(d), new ProvinceClient(cfg)).run().acked()).isEqualTo(1);
        String voucher = code("ABCDEFGHJKLMNPQRSTUVWXYZ123456");
        load(voucher + ",PERSON," + id + ",凭证表里的名字,2030-12-31\n");

        ProvinceVouchers resolver = new ProvinceVouchers(Optional.of(cfg));
        // as the scanner types it: lower case, spaces
        VoucherService.Answer a = d.vouchers().resolve(" " + voucher.toLowerCase() + " ", resolver);
        assertThat(a.outcome()).as(String.valueOf(a.reason())).isEqualTo(VoucherService.Outcome.RESOLVED);
        assertThat(a.resolution().idNumber()).isEqualTo(id);
        assertThat(a.resolution().idType()).isEqualTo("RESIDENT_ID");
        assertThat(a.resolution().name()).isEqualTo(DeskFixture.name(0)); // the registry's name wins
        assertThat(VoucherService.sameApplicant(a.resolution(), ApplicantKind.PERSON, id)).isTrue();

        String no = intake(d, clerk, a.resolution().name(), a.resolution().idNumber(),
                new VoucherUse(voucher, VoucherCheck.VERIFIED));
        VoucherService.CaseVoucher v = d.vouchers().ofCase(no).orElseThrow();
        assertThat(v.check()).isEqualTo(VoucherCheck.VERIFIED);
        assertThat(v.checkLabel()).isEqualTo("已核验");
        assertThat(v.checkedAt()).isNotNull();
        assertThat(v.code()).isEqualTo(voucher);
        // nothing for the supervisor, and the audit chain vouches for the voucher columns
        assertThat(d.vouchers().toCheck(d.users().login("head", "passhead11"))).isEmpty();
        assertThat(d.verifyAudit().ok()).as(d.verifyAudit().toString()).isTrue();
        // a case without a voucher has none
        String plain = d.cases().create(caseOf(d, DeskFixture.name(0), id), clerk).summary().caseNo();
        assertThat(d.vouchers().ofCase(plain)).isEmpty();
        // a mistyped code is refused at once, without asking the province
        String typo = voucher.substring(0, 31) + (voucher.charAt(31) == '0' ? '1' : '0');
        VoucherService.Answer t = d.vouchers().resolve(typo, resolver);
        assertThat(t.outcome()).isEqualTo(VoucherService.Outcome.REFUSED);
        assertThat(t.reason()).contains("校验位");
        assertThat(new Vouchers(db).lookups(1)).isEqualTo(1);
    }

    @Test
    void offlineTheCaseIsPendingAndTheNextRoundVerifiesItOrListsTheMismatch() throws Exception {
        ProvinceServer server = province();
        SyncConfig cfg = register(server);
        Desk d = desk();
        Actor clerk = DeskFixture.clerk(d);
        List<String> ids = DeskFixture.registerPersons(d, clerk, 2);
        String own = code("OWNV0UCHER00000000000000000001".replace('O', 'Q'));
        String others = code("QTHERPERS0N000000000000000002A".substring(0, 30));
        String unknown = code("UNKN0WN00000000000000000000003");
        String expired = code("EXP1RED0000000000000000000004A".substring(0, 30));

        // offline: a province nobody answers at
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ProvinceVouchers offline = new ProvinceVouchers(Optional.of(new SyncConfig("http://127.0.0.1:" + closedPort,
                cfg.windowNo(), cfg.token())));
        VoucherService.Answer a = d.vouchers().resolve(own, offline);
        assertThat(a.outcome()).isEqualTo(VoucherService.Outcome.UNANSWERED);
        assertThat(a.reason()).isNotBlank();
        String pending = intake(d, clerk, DeskFixture.name(0), ids.get(0), new VoucherUse(own, VoucherCheck.PENDING));
        String wrongPerson = intake(d, clerk, DeskFixture.name(1), ids.get(1),
                new VoucherUse(others, VoucherCheck.PENDING));
        String notKnown = intake(d, clerk, DeskFixture.name(1), ids.get(1),
                new VoucherUse(unknown, VoucherCheck.PENDING));
        String tooOld = intake(d, clerk, DeskFixture.name(1), ids.get(1),
                new VoucherUse(expired, VoucherCheck.PENDING));
        assertThat(d.vouchers().ofCase(pending).orElseThrow().checkLabel()).isEqualTo("待核验");
        assertThat(d.vouchers().count(VoucherCheck.PENDING)).isEqualTo(4);
        Actor head = d.users().login("head", "passhead11");
        assertThat(d.vouchers().toCheck(head)).extracting(VoucherService.CaseVoucher::caseNo)
                .containsExactly(pending, wrongPerson, notKnown, tooOld);
        assertThatThrownBy(() -> d.vouchers().toCheck(clerk)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("负责人");

        // the province is loaded with the vouchers meanwhile (today is 2026-11-16 on the fixed clocks)
        load(own + ",PERSON," + ids.get(0) + ",某某,2030-12-31\n"
                + others + ",PERSON," + DeskFixture.residentId("19660606") + ",赵六,2030-12-31\n"
                + expired + ",PERSON," + ids.get(1) + ",某某,2026-11-15\n");

        // the next round (the engine's, as the window and ybdesk sync now run it) rechecks them
        SyncEngine engine = new SyncEngine(d, Optional.of(cfg), Duration.ofMillis(200), Duration.ofSeconds(2));
        open.add(engine);
        SyncReport report = engine.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(report.error()).isNull();
        assertThat(d.vouchers().ofCase(pending).orElseThrow().check()).isEqualTo(VoucherCheck.VERIFIED);
        VoucherService.CaseVoucher wp = d.vouchers().ofCase(wrongPerson).orElseThrow();
        assertThat(wp.check()).isEqualTo(VoucherCheck.MISMATCH);
        assertThat(wp.detail()).contains("赵六", "不是同一人", DeskFixture.name(1));
        assertThat(d.vouchers().ofCase(notKnown).orElseThrow().detail()).contains("没有", unknown);
        assertThat(d.vouchers().ofCase(tooOld).orElseThrow().detail()).contains("2026-11-15", "失效");
        // the supervisor's list: the three mismatches, nothing pending any more
        assertThat(d.vouchers().toCheck(head)).extracting(VoucherService.CaseVoucher::caseNo)
                .containsExactly(wrongPerson, notKnown, tooOld);
        assertThat(d.vouchers().count(VoucherCheck.MISMATCH)).isEqualTo(3);
        assertThat(d.vouchers().count(VoucherCheck.PENDING)).isZero();
        assertThat(d.verifyAudit().ok()).as(d.verifyAudit().toString()).isTrue();
        // a second round asks nothing again
        engine.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(new Vouchers(db).lookups(1)).isEqualTo(4);
    }

    @Test
    void aProvinceThatDoesNotAnswerIsGivenUpAfterTheVoucherTimeoutAndTheCaseStaysPending() throws Exception {
        Desk d = desk();
        Actor clerk = DeskFixture.clerk(d);
        String id = DeskFixture.registerPersons(d, clerk, 1).get(0);
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // accepts connections (the backlog) and never answers; the configured timeout is 60 s
            SyncConfig cfg = new SyncConfig("http://127.0.0.1:" + silent.getLocalPort(), 1, "t")
                    .withTimeoutSeconds(60);
            ProvinceVouchers r = new ProvinceVouchers(Optional.of(cfg));
            long t0 = System.nanoTime();
            VoucherService.Answer a = d.vouchers().resolve(code("SILENT00000000000000000000000A".replace('I', '1')),
                    r);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("MEASURE voucher resolution given up after " + ms + " ms");
            assertThat(a.outcome()).isEqualTo(VoucherService.Outcome.UNANSWERED);
            assertThat(ms).isBetween((long) Protocol.VOUCHER_TIMEOUT_SECONDS * 1000 - 200,
                    (long) Protocol.VOUCHER_TIMEOUT_SECONDS * 1000 + 3000);
            String no = intake(d, clerk, DeskFixture.name(0), id,
                    new VoucherUse(code("SILENT00000000000000000000000A".replace('I', '1')), VoucherCheck.PENDING));
            // the recheck stops at the first unanswered question and leaves the case pending
            VoucherService.Recheck rc = d.vouchers().recheckPending(r);
            assertThat(rc.asked()).isEqualTo(1);
            assertThat(rc.unanswered()).isNotBlank();
            assertThat(d.vouchers().ofCase(no).orElseThrow().check()).isEqualTo(VoucherCheck.PENDING);
        }
        // the intake refuses a voucher that does not fit: a unit's code for a person, a mismatch, a broken code
        CaseService.NewCase base = caseOf(d, DeskFixture.name(0), id);
        String unitCode = VoucherCodes.of(VoucherCodes.Kind.UNIT, "000000000000000000000000000007");
        assertThatThrownBy(() -> d.cases().create(base.with(CaseService.Circumstances.NONE.withVoucher(
                new VoucherUse(unitCode, VoucherCheck.VERIFIED))), clerk)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("单位的医保电子凭证");
        assertThatThrownBy(() -> d.cases().create(base.with(CaseService.Circumstances.NONE.withVoucher(
                new VoucherUse(code("ABCDEFGHJKLMNPQRSTUVWXYZ123456"), VoucherCheck.MISMATCH))), clerk))
                .isInstanceOf(ServiceException.class).hasMessageContaining("不能受理");
        assertThatThrownBy(() -> d.cases().create(base.with(CaseService.Circumstances.NONE.withVoucher(
                new VoucherUse("E123", VoucherCheck.PENDING))), clerk)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("应为 32 位");
    }
}
