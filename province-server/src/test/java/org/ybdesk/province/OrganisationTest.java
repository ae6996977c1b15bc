package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.ErrorBody;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.ReferenceData;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.protocol.org.CaseFeed;
import org.ybdesk.protocol.org.CaseHistory;
import org.ybdesk.protocol.org.CaseSummary;
import org.ybdesk.protocol.org.CountyCases;
import org.ybdesk.protocol.org.DeskInfo;
import org.ybdesk.protocol.org.FeedEntry;
import org.ybdesk.protocol.org.ReassignResult;
import org.ybdesk.province.store.Agencies;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.ReferenceStore;

/**
 * Issue 12 at the province, over real HTTP and PostgreSQL: a township service point under a county agency, two
 * county windows, and an unrelated county. Hand-off (forward, release, claim, reassign), holder enforcement, the
 * per-case order, the feed (visibility, long poll), the county view, who a desk is, and batches in one transaction.
 */
class OrganisationTest {
    static final String COUNTY = "230102000";
    static final String TOWNSHIP = "230102101";
    static final String OTHER = "230199000";
    /** The server's fixed clock: 2026-11-20 18:00 in Beijing (the desks' envelopes are of that day). */
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 20, 18, 0, 0, 0, ProvinceDb.ZONE).toInstant(),
            ProvinceDb.ZONE);

    ServerFixture f;
    ServerFixture.DeskClient town;
    ServerFixture.DeskClient c1;
    ServerFixture.DeskClient c2;
    ServerFixture.DeskClient other;
    LocalDate day = LocalDate.of(2026, 11, 20);
    int next;

    @BeforeEach
    void start() {
        f = new ServerFixture(CLOCK);
        Agencies agencies = new Agencies(f.db);
        agencies.add(COUNTY, "哈尔滨市道里区医疗保障中心", "230102", "COUNTY", null);
        agencies.add(TOWNSHIP, "道里区新农镇医保服务站", "230102", "TOWNSHIP", COUNTY);
        agencies.add(OTHER, "某县医疗保障中心", "230199", "COUNTY", null);
        town = f.desk(TOWNSHIP, "230102", "新农镇一号窗口");
        c1 = f.desk(COUNTY, "230102", "县中心审核一");
        c2 = f.desk(COUNTY, "230102", "县中心审核二");
        other = f.desk(OTHER, "230199", "某县一号窗口");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    String newCase() {
        return ServerFixture.caseNo(TOWNSHIP, day, 1, ++next);
    }

    Envelope receive(String caseNo) {
        Map<String, Object> in = new HashMap<>();
        in.put("caseNo", caseNo);
        in.put("agencyCode", TOWNSHIP);
        in.put("itemNo", 17);
        in.put("catalogVersion", "2026.1");
        in.put("applicantKind", "PERSON");
        in.put("applicantIdNumber", ServerFixture.pid("230102", next));
        in.put("applicantName", "李四");
        in.put("action", "RECEIVE");
        in.put("toState", "ACCEPTED");
        in.put("onDay", day.toString());
        in.put("dueOn", "2026-12-18");
        in.put("channel", "医保服务大厅");
        return town.envelope("4101", in);
    }

    static Envelope step(ServerFixture.DeskClient d, String caseNo, String action, String from, String to,
                         Long amount) {
        Map<String, Object> in = new HashMap<>(Map.of("caseNo", caseNo, "itemNo", 17, "action", action,
                "fromState", from, "toState", to, "actorName", "王审核", "dueOn", "2026-12-18"));
        if (amount != null) {
            in.put("amountFen", amount);
        }
        return d.envelope("4102", in);
    }

    static Envelope forward(ServerFixture.DeskClient d, String caseNo, String level, String nextAction) {
        return d.envelope("4106", Map.of("caseNo", caseNo, "toLevel", level, "nextAction", nextAction,
                "state", "ACCEPTED", "actorName", "张经办", "reason", "下一环节审核由县级经办机构办理"));
    }

    static Envelope released(ServerFixture.DeskClient d, String caseNo, String nextAction) {
        return d.envelope("4107", Map.of("caseNo", caseNo, "nextAction", nextAction, "actorName", "王审核"));
    }

    HttpResponse<String> claim(ServerFixture.DeskClient d, String caseNo) {
        return f.post(d.token, f.base() + Protocol.PATH_CASES + "/" + caseNo + "/claim",
                "{\"opter\":\"wang\",\"opter_name\":\"王审核\"}");
    }

    <T> T get(ServerFixture.DeskClient d, String path, Class<T> type) {
        HttpResponse<String> r = f.get(d.token, path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ServerFixture.read(r.body(), type);
    }

    String holderDesk(String caseNo) {
        Object v = f.db.dsl().fetchValue("select d.name from province_case c left join desk d on d.id = "
                + "c.holder_desk_id where c.case_no = ?", caseNo);
        return v == null ? null : v.toString();
    }

    String holderAgency(String caseNo) {
        return String.valueOf(f.db.dsl().fetchValue("select holder_agency from province_case where case_no = ?",
                caseNo));
    }

    /** A case accepted at the township and forwarded to the county's pool for review. */
    String forwardedCase() {
        String no = newCase();
        assertThat(ServerFixture.codes(town.upload(receive(no), forward(town, no, "COUNTY", "REVIEW"))))
                .containsExactly("OK", "OK");
        return no;
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void aTownshipForwardGoesToItsCountysPoolAndOnlyTheHolderActs() {
        String no = forwardedCase();
        assertThat(holderAgency(no)).isEqualTo(COUNTY);
        assertThat(holderDesk(no)).isNull();
        // the township no longer holds it; the county's desks do not either before they claim it
        UploadResult late = town.upload(step(town, no, "REVIEW", "ACCEPTED", "REVIEWED", null)).results().get(0);
        assertThat(late.errCode()).isEqualTo("NOT_HOLDER");
        assertThat(late.errMsg()).contains(no, "哈尔滨市道里区医疗保障中心", "待审核", "等待该机构的窗口领取");
        assertThat(ServerFixture.codes(c1.upload(step(c1, no, "REVIEW", "ACCEPTED", "REVIEWED", null))))
                .containsExactly("NOT_HOLDER");
        assertThat(claim(c1, no).statusCode()).isEqualTo(200);
        assertThat(ServerFixture.codes(c1.upload(step(c1, no, "REVIEW", "ACCEPTED", "REVIEWED", null))))
                .containsExactly("OK");
        UploadResult notMine = c2.upload(step(c2, no, "RECHECK", "REVIEWED", "RECHECKED", null)).results().get(0);
        assertThat(notMine.errCode()).isEqualTo("NOT_HOLDER");
        assertThat(notMine.errMsg()).contains("第 02 号窗口", "第 01 号窗口", "县中心审核一");
        assertThat(f.db.dsl().fetchValue("select state from province_case where case_no = ?", no))
                .isEqualTo("REVIEWED");
    }

    @Test
    void twoConcurrentClaimsExactlyOneWinsAndTheLoserIsToldWhoHoldsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            String no = forwardedCase();
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> {
                await(go);
                return claim(c1, no);
            });
            CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> {
                await(go);
                return claim(c2, no);
            });
            go.countDown();
            List<HttpResponse<String>> both = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
            assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
            HttpResponse<String> lost = both.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            HttpResponse<String> won = both.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            String winner = holderDesk(no);
            ErrorBody e = ServerFixture.read(lost.body(), ErrorBody.class);
            assertThat(e.errCode()).isEqualTo("CASE_HELD");
            assertThat(e.errMsg()).contains(no, winner, "哈尔滨市道里区医疗保障中心", "号窗口");
            CaseHistory h = ServerFixture.read(won.body(), CaseHistory.class);
            assertThat(h.holder().deskName()).isEqualTo(winner);
            assertThat(h.entries()).extracting(FeedEntry::kind).containsExactly("CHANGE", "CHANGE", "CLAIM");
            // the holder claiming again is idempotent: same holder, no second CLAIM entry
            ServerFixture.DeskClient holder = winner.equals(c1.desk.name()) ? c1 : c2;
            HttpResponse<String> again = claim(holder, no);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(ServerFixture.read(again.body(), CaseHistory.class).entries()).hasSize(3);
        }
    }

    @Test
    void forwardingResolvesTheLevelAndIsRefusedWhenNoAgencyHasIt() {
        // a case of the county itself forwarded to CITY: the county has no parent → refused, nothing changes
        String own = ServerFixture.caseNo(COUNTY, day, 1, 1);
        Map<String, Object> in = new HashMap<>(Map.of("caseNo", own, "agencyCode", COUNTY, "itemNo", 17,
                "applicantKind", "PERSON", "applicantIdNumber", ServerFixture.pid("230102", 900),
                "action", "RECEIVE", "toState", "ACCEPTED"));
        UploadResponse r = c1.upload(c1.envelope("4101", in), forward(c1, own, "CITY", "APPROVE"),
                step(c1, own, "REVIEW", "ACCEPTED", "REVIEWED", null));
        // one batch, one transaction: the refused message in the middle is answered in order, the others applied
        assertThat(ServerFixture.codes(r)).containsExactly("OK", "NO_TARGET_AGENCY", "OK");
        assertThat(r.results().get(1).errMsg()).contains(own, "市级", COUNTY);
        assertThat(holderDesk(own)).isEqualTo("县中心审核一");
        assertThat(holderAgency(own)).isEqualTo(COUNTY);
        assertThat(f.db.dsl().fetchValue("select count(*) from case_step where case_no = ?", own).toString())
                .isEqualTo("2");
        assertThat(f.db.dsl().fetchValue("select status from received_message where msgid = ?",
                r.results().get(1).msgid())).isEqualTo("REFUSED");
        // the county forwards a township case back down: the accepting agency has that level
        String no = forwardedCase();
        assertThat(claim(c2, no).statusCode()).isEqualTo(200);
        assertThat(ServerFixture.codes(c2.upload(forward(c2, no, "TOWNSHIP", "CLOSE")))).containsExactly("OK");
        assertThat(holderAgency(no)).isEqualTo(TOWNSHIP);
        assertThat(holderDesk(no)).isNull();
    }

    @Test
    void releaseAndClaimCycleOnlineAndThroughTheOutbox() {
        String no = forwardedCase();
        assertThat(claim(c1, no).statusCode()).isEqualTo(200);
        // released through the outbox (4107): back to the county's pool, waiting for 复核
        assertThat(ServerFixture.codes(c1.upload(step(c1, no, "REVIEW", "ACCEPTED", "REVIEWED", null),
                released(c1, no, "RECHECK")))).containsExactly("OK", "OK");
        assertThat(holderDesk(no)).isNull();
        HttpResponse<String> c2claim = claim(c2, no);
        assertThat(c2claim.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.read(c2claim.body(), CaseHistory.class).holder().nextAction()).isEqualTo("RECHECK");
        // released online by the holder; a desk that does not hold it cannot release it
        HttpResponse<String> notHolder = f.post(c1.token, f.base() + Protocol.PATH_CASES + "/" + no + "/release", "");
        assertThat(notHolder.statusCode()).isEqualTo(409);
        assertThat(notHolder.body()).contains("NOT_HOLDER", "县中心审核二");
        HttpResponse<String> rel = f.post(c2.token, f.base() + Protocol.PATH_CASES + "/" + no + "/release",
                "{\"opter\":\"li\",\"opter_name\":\"李复核\"}");
        assertThat(rel.statusCode()).as(rel.body()).isEqualTo(200);
        CaseHistory h = ServerFixture.read(rel.body(), CaseHistory.class);
        assertThat(h.holder().inPool()).isTrue();
        FeedEntry last = h.entries().get(h.entries().size() - 1);
        assertThat(last.kind()).isEqualTo(FeedEntry.CHANGE);
        assertThat(last.infno()).isEqualTo("4107");
        assertThat(last.msgid()).isNull();
        assertThat(last.input().get("nextAction").asText()).isEqualTo("RECHECK");
        assertThat(claim(c1, no).statusCode()).isEqualTo(200);
        assertThat(ServerFixture.codes(c1.upload(step(c1, no, "RECHECK", "REVIEWED", "RECHECKED", null))))
                .containsExactly("OK");
        // a township desk cannot claim from the county's pool
        String pooled = forwardedCase();
        HttpResponse<String> wrongPool = claim(town, pooled);
        assertThat(wrongPool.statusCode()).isEqualTo(403);
        assertThat(ServerFixture.read(wrongPool.body(), ErrorBody.class).errMsg()).contains(pooled, "不能领取");
    }

    @Test
    void reassignMovesALostDesksCasesWithinTheAgencyWithAReason() {
        String a = forwardedCase();
        String b = forwardedCase();
        assertThat(claim(c1, a).statusCode()).isEqualTo(200);
        assertThat(claim(c1, b).statusCode()).isEqualTo(200);
        String url = f.base() + Protocol.PATH_REASSIGN;
        HttpResponse<String> noReason = f.post(c2.token, url, "{\"from_window\":1,\"reason\":\" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.read(noReason.body(), ErrorBody.class).errMsg()).contains("原因");
        // another agency's desk: its own window 1 holds none of these cases
        HttpResponse<String> foreign = f.post(other.token, url, "{\"from_window\":1,\"reason\":\"电脑损坏\"}");
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.read(foreign.body(), ReassignResult.class).moved()).isEmpty();
        assertThat(holderDesk(a)).isEqualTo("县中心审核一");
        HttpResponse<String> unknownWindow = f.post(c2.token, url, "{\"from_window\":7,\"reason\":\"电脑损坏\"}");
        assertThat(unknownWindow.statusCode()).isEqualTo(404);
        // to the pool
        HttpResponse<String> ok = f.post(c2.token, url, "{\"from_window\":1,\"case_nos\":[\"" + a
                + "\"],\"reason\":\"一号窗口电脑损坏\",\"opter\":\"zhao\",\"opter_name\":\"赵主管\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ServerFixture.read(ok.body(), ReassignResult.class).moved()).singleElement()
                .satisfies(h -> assertThat(h.inPool()).isTrue());
        assertThat(holderDesk(a)).isNull();
        assertThat(holderDesk(b)).isEqualTo("县中心审核一");
        // to a named desk
        HttpResponse<String> toDesk = f.post(c2.token, url,
                "{\"from_window\":1,\"to_window\":2,\"reason\":\"一号窗口电脑损坏\"}");
        assertThat(ServerFixture.read(toDesk.body(), ReassignResult.class).moved()).singleElement()
                .satisfies(h -> assertThat(h.windowNo()).isEqualTo(2));
        assertThat(holderDesk(b)).isEqualTo("县中心审核二");
        // kept in the history, seen by the accepting township
        CaseFeed feed = get(town, Protocol.PATH_FEED + "?since=0", CaseFeed.class);
        assertThat(feed.entries()).filteredOn(e -> e.kind().equals(FeedEntry.REASSIGN))
                .extracting(FeedEntry::caseNo, FeedEntry::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, "一号窗口电脑损坏"),
                        org.assertj.core.groups.Tuple.tuple(b, "一号窗口电脑损坏"));
    }

    @Test
    void theFeedShowsAPartysCasesWithoutItsOwnUploadsAndNothingToOthers() {
        String no = forwardedCase();
        assertThat(claim(c1, no).statusCode()).isEqualTo(200);
        c1.upload(step(c1, no, "REVIEW", "ACCEPTED", "REVIEWED", null),
                step(c1, no, "PAY", "REVIEWED", "PAID", 123_45L));
        CaseFeed townFeed = get(town, Protocol.PATH_FEED + "?since=0", CaseFeed.class);
        // the township's own two uploads are not sent back; the claim and the county's steps are
        assertThat(townFeed.entries()).extracting(FeedEntry::kind).containsExactly("CLAIM", "CHANGE", "CHANGE");
        assertThat(townFeed.entries().get(2).input().get("amountFen").asLong()).isEqualTo(12_345L);
        assertThat(townFeed.entries().get(2).holder().acceptorAgencyCode()).isEqualTo(TOWNSHIP);
        assertThat(townFeed.entries().get(2).holder().acceptorWindowNo()).isEqualTo(1);
        assertThat(townFeed.version()).isEqualTo(townFeed.entries().get(2).version());
        // the county's other desk sees everything of the case (the township's steps, the claim, c1's steps)
        CaseFeed c2Feed = get(c2, Protocol.PATH_FEED + "?since=0", CaseFeed.class);
        assertThat(c2Feed.entries()).hasSize(5);
        // paging
        CaseFeed page = get(c2, Protocol.PATH_FEED + "?since=0&limit=2", CaseFeed.class);
        assertThat(page.more()).isTrue();
        assertThat(get(c2, Protocol.PATH_FEED + "?since=" + page.version(), CaseFeed.class).entries()).hasSize(3);
        // an unrelated agency sees nothing, and may not read the case
        assertThat(get(other, Protocol.PATH_FEED + "?since=0", CaseFeed.class).entries()).isEmpty();
        HttpResponse<String> forbidden = f.get(other.token, Protocol.PATH_CASES + "/" + no);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(f.get(town.token, Protocol.PATH_CASES + "/" + ServerFixture.caseNo(TOWNSHIP, day, 9, 99))
                .statusCode()).isEqualTo(404);
        assertThat(f.get(town.token, Protocol.PATH_FEED + "?wait=31").statusCode()).isEqualTo(400);
    }

    @Test
    void aLongPollReturnsSoonAfterACommitAddsAnEntry() throws Exception {
        CaseFeed before = get(c2, Protocol.PATH_FEED + "?since=0", CaseFeed.class);
        CompletableFuture<HttpResponse<String>> poll = CompletableFuture.supplyAsync(() ->
                f.get(c2.token, Protocol.PATH_FEED + "?since=" + before.version() + "&wait=20"));
        Thread.sleep(1_000);
        assertThat(poll).isNotDone();
        String no = newCase();
        town.upload(receive(no), forward(town, no, "COUNTY", "REVIEW"));
        long committed = System.nanoTime();
        HttpResponse<String> r = poll.get(20, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - committed) / 1_000_000;
        assertThat(ms).as("ms from the commit to the poll's answer").isLessThan(1_000);
        CaseFeed feed = ServerFixture.read(r.body(), CaseFeed.class);
        assertThat(feed.entries()).extracting(FeedEntry::caseNo).contains(no);
        // nothing new: the poll waits its time and answers empty
        long t0 = System.nanoTime();
        CaseFeed empty = get(c2, Protocol.PATH_FEED + "?since=" + feed.version() + "&wait=1", CaseFeed.class);
        assertThat(empty.entries()).isEmpty();
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(900L, 5_000L);
    }

    @Test
    void theCountyViewCoversItsSubtreeAndATownshipDeskMayNotAskForIt() {
        String no = forwardedCase();
        assertThat(claim(c1, no).statusCode()).isEqualTo(200);
        c1.upload(step(c1, no, "REVIEW", "ACCEPTED", "REVIEWED", null));
        String otherCase = ServerFixture.caseNo(OTHER, day, 1, 1);
        other.upload(other.caseReceived(otherCase, 17, ServerFixture.pid("230199", 1)));
        CountyCases view = get(c2, Protocol.PATH_COUNTY + "?since=0", CountyCases.class);
        assertThat(view.cases()).extracting(s -> s.caseNo()).containsExactly(no);
        var s = view.cases().get(0);
        assertThat(s.itemNo()).isEqualTo(17);
        assertThat(s.state()).isEqualTo("REVIEWED");
        assertThat(s.dueOn()).isEqualTo("2026-12-18");
        assertThat(s.receivedOn()).isEqualTo("2026-11-20");
        assertThat(s.channel()).isEqualTo("医保服务大厅");
        assertThat(s.catalogVersion()).isEqualTo("2026.1");
        assertThat(s.holder().deskName()).isEqualTo("县中心审核一");
        assertThat(s.steps()).extracting(CaseSummary.Step::action).containsExactly("RECEIVE", "REVIEW");
        assertThat(view.desks()).extracting(CountyCases.DeskCoverage::name)
                .containsExactlyInAnyOrder("新农镇一号窗口", "县中心审核一", "县中心审核二");
        assertThat(view.desks()).filteredOn(d -> d.name().equals("新农镇一号窗口")).singleElement()
                .satisfies(d -> assertThat(d.lastUploadAt()).isEqualTo("2026-11-20 18:00:00"));
        assertThat(view.desks()).filteredOn(d -> d.name().equals("县中心审核二")).singleElement()
                .satisfies(d -> assertThat(d.lastUploadAt()).isNull());
        // since its version: nothing new
        assertThat(get(c2, Protocol.PATH_COUNTY + "?since=" + view.version(), CountyCases.class).cases()).isEmpty();
        HttpResponse<String> township = f.get(town.token, Protocol.PATH_COUNTY + "?since=0");
        assertThat(township.statusCode()).isEqualTo(403);
        assertThat(ServerFixture.read(township.body(), ErrorBody.class).errMsg()).contains("县级及以上");
        // the county reads a township case it is an ancestor of, before it was ever forwarded
        String early = newCase();
        town.upload(receive(early));
        assertThat(f.get(c1.token, Protocol.PATH_CASES + "/" + early).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeskLearnsWhoItIsAndItsLastCaseNumbersAndDuplicatesChangeNothing() {
        List<Envelope> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(receive(newCase()));
        }
        UploadResponse first = town.upload(batch);
        assertThat(ServerFixture.codes(first)).containsExactly("OK", "OK", "OK");
        long steps = f.db.dsl().fetchCount(org.jooq.impl.DSL.table("case_step"));
        UploadResponse again = town.upload(batch);
        assertThat(again.results()).allMatch(UploadResult::duplicate);
        assertThat(again.results()).extracting(UploadResult::infRefmsgid)
                .containsExactlyElementsOf(first.results().stream().map(UploadResult::infRefmsgid).toList());
        assertThat(f.db.dsl().fetchCount(org.jooq.impl.DSL.table("case_step"))).isEqualTo(steps);
        DeskInfo info = get(town, Protocol.PATH_DESK, DeskInfo.class);
        assertThat(info.windowNo()).isEqualTo(1);
        assertThat(info.agency().level()).isEqualTo("TOWNSHIP");
        assertThat(info.agency().parentCode()).isEqualTo(COUNTY);
        assertThat(info.lastCaseSeq()).containsExactly(Map.entry("2026-11-20", 3));
        // another window's number is not this desk's to issue
        UploadResult foreign = town.upload(town.caseReceived(ServerFixture.caseNo(TOWNSHIP, day, 2, 1), 17,
                ServerFixture.pid("230102", 77))).results().get(0);
        assertThat(foreign.errCode()).isEqualTo("FORBIDDEN_AGENCY");
        assertThat(foreign.errMsg()).contains("窗口号 02");
    }

    @Test
    void agenciesAndDesksAreRegisteredWithChineseReasonsAndPublishedAsReferenceData() {
        Agencies agencies = new Agencies(f.db);
        assertThatThrownBy(() -> agencies.add("230102102", "某镇", "230102", "TOWNSHIP", "999999999"))
                .hasMessageContaining("上级经办机构 999999999 未登记");
        assertThatThrownBy(() -> agencies.add("230102103", "某市", "230102", "CITY", COUNTY))
                .hasMessageContaining("不低于上级经办机构");
        assertThatThrownBy(() -> agencies.add("x!", "", "2301", "TOWN", null))
                .hasMessageContaining("经办机构编码").hasMessageContaining("名称").hasMessageContaining("医保区划")
                .hasMessageContaining("层级");
        assertThatThrownBy(() -> f.server.desks().add(COUNTY, "230102", "县中心", 100, null))
                .hasMessageContaining("1～99");
        assertThatThrownBy(() -> f.server.desks().add(COUNTY, "230102", "县中心", 2, null))
                .hasMessageContaining("第 02 号窗口已登记");
        assertThatThrownBy(() -> f.server.desks().add(COUNTY, "230103", "县中心", null, null))
                .hasMessageContaining("医保区划为 230102");
        // a missing agency is created as a county without parent, or as asked
        var r = f.server.desks().add("230102104", "230102", "某镇窗口", 5,
                new org.ybdesk.province.store.Desks.NewAgency("TOWNSHIP", COUNTY, "道里区某镇服务站"));
        assertThat(r.desk().windowNo()).isEqualTo(5);
        assertThat(agencies.find("230102104")).get().satisfies(a -> {
            assertThat(a.level()).isEqualTo("TOWNSHIP");
            assertThat(a.parentCode()).isEqualTo(COUNTY);
            assertThat(a.name()).isEqualTo("道里区某镇服务站");
        });
        ReferenceData ref = new ReferenceStore(f.db).since(0);
        assertThat(ref.entries()).filteredOn(e -> e.kind().equals(Protocol.REFERENCE_AGENCIES)).singleElement()
                .satisfies(e -> {
                    assertThat(e.key()).isEqualTo("all");
                    assertThat(e.content().toString()).contains("230102104", "道里区某镇服务站", OTHER);
                });
        assertThat(ref.entries()).filteredOn(e -> e.kind().equals(Protocol.REFERENCE_ROUTING)).singleElement()
                .satisfies(e -> {
                    assertThat(e.key()).isEqualTo("*");
                    assertThat(e.content().at("/items/17/ACCEPT").asText()).isEqualTo("TOWNSHIP");
                    assertThat(e.content().at("/items/17/*").asText()).isEqualTo("COUNTY");
                    assertThat(e.content().at("/items/12/*").asText()).isEqualTo("TOWNSHIP");
                    assertThat(e.content().at("/items/1").isMissingNode()).isTrue();
                });
        // a reinstalled window gets a new token and keeps its cases
        String no = forwardedCase();
        var replaced = f.server.desks().replace(TOWNSHIP, 1);
        assertThat(f.server.desks().authenticate(town.token)).isEmpty();
        assertThat(f.server.desks().authenticate(replaced.token())).get()
                .satisfies(d -> assertThat(d.id()).isEqualTo(town.desk.id()));
        assertThat(f.db.dsl().fetchValue("select desk_id from province_case where case_no = ?", no))
                .isEqualTo(town.desk.id());
        assertThatThrownBy(() -> f.server.desks().replace(TOWNSHIP, 9)).hasMessageContaining("没有第 09 号窗口");
    }

    @Test
    void routingImportsAreCheckedAgainstTheCatalogTheStagesAndTheLevels() {
        ReferenceStore ref = new ReferenceStore(f.db);
        String bad = "admdvs: '230102'\nitems:\n  '99': {ACCEPT: TOWNSHIP}\n  '17': {FOO: COUNTY, REVIEW: TOWN}\n";
        assertThatThrownBy(() -> ref.importFile(Protocol.REFERENCE_ROUTING, "230102",
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("事项编号“99”").hasMessageContaining("环节“FOO”")
                .hasMessageContaining("层级“TOWN”");
        assertThatThrownBy(() -> ref.importFile(Protocol.REFERENCE_ROUTING, "2301",
                new ByteArrayInputStream("items: {'17': {'*': COUNTY}}".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("键“2301”");
        String good = "items:\n  '17': {ACCEPT: TOWNSHIP, '*': COUNTY}\n";
        long v = ref.importFile(Protocol.REFERENCE_ROUTING, "230102",
                new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8)));
        assertThat(ref.since(v - 1).entries()).singleElement()
                .satisfies(e -> assertThat(e.content().get("admdvs").asText()).isEqualTo("230102"));
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
