package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.protocol.org.ReassignResult;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;

/**
 * Desks of one agency through the real province (a separate process on PostgreSQL), each a real H2 folder: another
 * desk's upload reaches a desk through the feed's long poll in under 2 s; a supervisor puts a lost desk's case back
 * into the agency's pool; two desks claim it at the same moment and exactly one wins, the other is told who holds
 * it. Needs the province's organisation endpoints (branch h-srv) and the desk's holdings (branch h-hold).
 */
class HandoffTest {
    @TempDir
    Path dir;

    private Province province;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (province != null) {
            province.close();
        }
    }

    /** Desk "a", "b", "c" have windows 1, 2, 3: the order the tests register them at the province. */
    private Desk desk(String folder) {
        int window = folder.length() == 1 ? folder.charAt(0) - 'a' + 1 : 1;
        Desk d = DeskFixture.open(dir.resolve(folder), Mode.PRODUCTION, window);
        if (d.users().list().stream().noneMatch(u -> u.username().equals("reviewer"))) {
            Actor admin = d.users().login("admin", "passadmin1");
            d.users().add("reviewer", "审核丁" + folder, "passreview1", EnumSet.of(Role.REVIEWER),
                    DeskFixture.residentId("19800101"), admin);
            d.users().add("head", "负责人戊" + folder, "passhead11", EnumSet.of(Role.HEAD),
                    DeskFixture.residentId("19700101"), admin);
        }
        open.add(d);
        return d;
    }

    private SyncEngine engine(Desk d, SyncConfig c) {
        SyncEngine e = new SyncEngine(d, Optional.of(c), Duration.ofMillis(200), Duration.ofSeconds(2));
        open.add(e);
        return e;
    }

    private static int personItem(Desk d) {
        return d.catalog().items().stream()
                .filter(i -> i.applicantKind() == ApplicantKind.PERSON && i.group() != ItemGroup.OUT_OF_AREA_FILING
                        && i.group() != ItemGroup.REGISTRATION && i.group() != ItemGroup.CHANGE)
                .mapToInt(ServiceItem::no).findFirst().orElseThrow();
    }

    private static String acceptedCase(Desk d) {
        Actor clerk = DeskFixture.clerk(d);
        String id = DeskFixture.registerPersons(d, clerk, 1).get(0);
        String no = CaseData.create(d, personItem(d), DeskFixture.name(0), id, clerk).summary().caseNo();
        d.cases().act(no, Command.of(CaseAction.ACCEPT), null, clerk);
        return no;
    }

    @Test
    void anotherDesksUploadReachesThisDeskThroughTheLongPollInUnderTwoSeconds() throws Exception {
        province = Province.start(dir);
        SyncConfig cfgA = province.registerDesk("道里区医保中心一号窗口");
        SyncConfig cfgB = province.registerDesk("道里区医保中心二号窗口");
        Desk a = desk("a");
        Desk b = desk("b");
        SyncEngine engineB = engine(b, cfgB);
        CompletableFuture<Long> seen = new CompletableFuture<>();
        List<String> wanted = new ArrayList<>();
        engineB.addCaseListener((Set<String> nos) -> {
            synchronized (wanted) {
                if (!wanted.isEmpty() && nos.contains(wanted.get(0))) {
                    seen.complete(System.nanoTime());
                }
            }
        });
        engineB.start();
        engineB.syncNow().get(60, TimeUnit.SECONDS);
        assertThat(engineB.online()).isTrue();
        Thread.sleep(1_000); // the feed request is waiting at the province now

        String no = acceptedCase(a);
        synchronized (wanted) {
            wanted.add(no);
        }
        Uploader.Report up = new Uploader(new org.ybdesk.service.SyncStore(a), new ProvinceClient(cfgA)).run();
        long uploaded = System.nanoTime();
        assertThat(up.complete()).as(String.valueOf(up.error())).isTrue();
        assertThat(up.acked()).as(refusals(a)).isEqualTo(3);
        long at = seen.get(10, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(at - uploaded);
        System.out.println("MEASURE upload at desk A -> applied at desk B (long poll): " + ms + " ms");
        assertThat(ms).isLessThan(2_000);
        assertThat(b.holdings().holder(no)).hasValueSatisfying(h -> assertThat(h.windowNo())
                .isEqualTo(cfgA.windowNo()));
    }

    @Test
    void aLostDesksCaseGoesToThePoolAndOfTwoSimultaneousClaimsExactlyOneWins() throws Exception {
        province = Province.start(dir);
        SyncConfig cfgA = province.registerDesk("道里区医保中心一号窗口");
        SyncConfig cfgB = province.registerDesk("道里区医保中心二号窗口");
        SyncConfig cfgC = province.registerDesk("道里区医保中心三号窗口");
        Desk a = desk("a");
        Desk b = desk("b");
        Desk c = desk("c");
        String no = acceptedCase(a);
        Uploader.Report upA = new Uploader(new org.ybdesk.service.SyncStore(a), new ProvinceClient(cfgA)).run();
        assertThat(upA.acked()).as(refusals(a)).isEqualTo(3);

        Handoffs hb = new Handoffs(b, Optional.of(cfgB));
        Handoffs hc = new Handoffs(c, Optional.of(cfgC));
        assertThat(hb.holder(no).holder().windowNo()).isEqualTo(cfgA.windowNo());
        // a reviewer may not reassign; the head may, with a reason, online
        Actor reviewerB = b.users().login("reviewer", "passreview1");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> hb.reassign(cfgA.windowNo(), null,
                List.of(no), "一号窗口电脑损坏", reviewerB))).isInstanceOf(ServiceException.class)
                .hasMessageContaining("负责人或管理员");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> hb.reassign(cfgA.windowNo(), null,
                List.of(no), " ", b.users().login("head", "passhead11")))).isInstanceOf(ServiceException.class)
                .hasMessageContaining("改派原因");
        ReassignResult moved = hb.reassign(cfgA.windowNo(), null, List.of(no), "一号窗口电脑损坏，由负责人退回待领取",
                b.users().login("head", "passhead11"));
        assertThat(moved.moved()).singleElement().satisfies(h -> assertThat(h.inPool()).isTrue());

        Actor reviewerC = c.users().login("reviewer", "passreview1");
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Object> claimB = CompletableFuture.supplyAsync(() -> claim(go, hb, no, reviewerB));
        CompletableFuture<Object> claimC = CompletableFuture.supplyAsync(() -> claim(go, hc, no, reviewerC));
        go.countDown();
        Object rb = claimB.get(60, TimeUnit.SECONDS);
        Object rc = claimC.get(60, TimeUnit.SECONDS);
        List<Object> results = List.of(rb, rc);
        assertThat(results).filteredOn(r -> r instanceof ServiceException).as("exactly one loses").hasSize(1);
        assertThat(results).filteredOn(r -> !(r instanceof ServiceException)).as("exactly one wins").hasSize(1);
        boolean bWon = !(rb instanceof ServiceException);
        String winnerName = bWon ? "道里区医保中心二号窗口" : "道里区医保中心三号窗口";
        ServiceException lost = (ServiceException) (bWon ? rc : rb);
        assertThat(lost.getMessage()).as("the loser is told who holds it").contains(winnerName);
        int winnerWindow = bWon ? cfgB.windowNo() : cfgC.windowNo();
        assertThat((bWon ? hc : hb).holder(no).holder().windowNo()).isEqualTo(winnerWindow);
        assertThat(province.count("select count(*) from received_message where case_no = ?", no)).isEqualTo(2);
    }

    /** The province's reasons for the desk's refused messages (shown when a test fails). */
    static String refusals(Desk d) {
        return new org.ybdesk.service.SyncStore(d).messages(100).stream().filter(m -> m.refused())
                .map(m -> m.seq() + " " + m.errCode() + " " + m.lastError()).toList().toString();
    }

    private static Object claim(CountDownLatch go, Handoffs h, String no, Actor actor) {
        try {
            go.await();
            return h.claim(no, actor);
        } catch (ServiceException e) {
            return e;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void offlineAClaimIsRefusedInChineseAndTheHolderComesFromTheDesk() {
        Desk d = desk("offline");
        Handoffs h = new Handoffs(d, Optional.of(new SyncConfig("http://127.0.0.1:" + Province.freePort(), 1, "t")
                .withTimeoutSeconds(2)));
        Actor reviewer = d.users().login("reviewer", "passreview1");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> h.claim("2301020012026111601000001",
                reviewer))).isInstanceOf(ServiceException.class).hasMessageStartingWith("领取需要连接省平台");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> h.reassign(1, null, null, "电脑损坏",
                d.users().login("head", "passhead11")))).isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("改派需要连接省平台");
    }
}
