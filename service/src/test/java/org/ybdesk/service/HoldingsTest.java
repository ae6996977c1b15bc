package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_MESSAGE;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.change.CaseForwarded;
import org.ybdesk.protocol.change.CaseReleased;
import org.ybdesk.protocol.change.ChangeKind;
import org.ybdesk.protocol.org.CaseFeed;
import org.ybdesk.protocol.org.CaseHistory;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.FeedEntry;
import org.ybdesk.protocol.org.ReassignRequest;
import org.ybdesk.protocol.org.ReassignResult;
import org.ybdesk.service.CaseService.IntakeDecision;

/**
 * Many desks, one organisation (issue 12): routing and hand-off in the step's transaction, refusal on cases held
 * elsewhere, copies rebuilt from the feed by the same rules (idempotent, audit verify green), results back at the
 * accepting desk, claims, releases, reassignment.
 */
class HoldingsTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;
    final List<DeskFixture> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(DeskFixture::close);
    }

    DeskFixture township() {
        DeskFixture f = OrgFixture.township(dir.resolve("township"), MONDAY, 2);
        open.add(f);
        return f;
    }

    DeskFixture county() {
        DeskFixture f = OrgFixture.county(dir.resolve("county"), MONDAY, 1);
        open.add(f);
        return f;
    }

    static String accept17(DeskFixture f, Actor clerk) {
        var item = f.item(17);
        Map<Integer, org.ybdesk.core.catalog.MaterialStatus> m = new java.util.LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), org.ybdesk.core.catalog.MaterialStatus.PAPER));
        return f.desk.cases().intake(new CaseService.NewCase(17, DeskFixture.person("周五"),
                Samples.fields(item, Map.of()), m, null, null, null), IntakeDecision.ACCEPT, List.of(), null, clerk,
                true).summary().caseNo();
    }

    static List<String> outboxTypes(DeskFixture f, String caseNo) {
        return f.desk.db().dsl().select(OUTBOX.MSG_TYPE).from(OUTBOX).where(OUTBOX.ENTITY_ID.eq(caseNo))
                .orderBy(OUTBOX.SEQ).fetch(OUTBOX.MSG_TYPE);
    }

    @Test
    void aStandaloneDeskRoutesNothing() {
        DeskFixture t = township();
        String no = accept17(t, t.clerk);
        assertThat(outboxTypes(t, no)).containsExactly("CASE_RECEIVED", "CASE_TRANSITION");
        assertThat(t.desk.cases().show(no, t.clerk).holding().handOff()).isNull();
        // agencies known but no routing: the stage stays here, and this desk has reviewers
        OrgFixture.organise(t, 1, false);
        String no2 = accept17(t, t.clerk);
        assertThat(outboxTypes(t, no2)).containsExactly("CASE_RECEIVED", "CASE_TRANSITION");
    }

    @Test
    void theTownshipForwardsReviewToTheCountyInTheAcceptancesTransaction() throws Exception {
        DeskFixture t = township();
        OrgFixture.organise(t, 1, true);
        String no = accept17(t, t.clerk);
        assertThat(outboxTypes(t, no)).containsExactly("CASE_RECEIVED", "CASE_TRANSITION", "CASE_FORWARDED");
        String payload = t.desk.db().dsl().select(OUTBOX.PAYLOAD_JSON).from(OUTBOX)
                .where(OUTBOX.ENTITY_ID.eq(no), OUTBOX.MSG_TYPE.eq("CASE_FORWARDED")).fetchOne(OUTBOX.PAYLOAD_JSON);
        CaseForwarded fw = (CaseForwarded) ChangeKind.CASE_FORWARDED.parse(payload);
        assertThat(fw.toLevel()).isEqualTo("COUNTY");
        assertThat(fw.nextAction()).isEqualTo("REVIEW");
        assertThat(fw.state()).isEqualTo("ACCEPTED");
        assertThat(fw.reason()).isEqualTo("下一环节审核通过由县级经办机构办理".replace("审核通过",
                CaseAction.REVIEW.label(t.item(17).flow())));
        var v = t.desk.cases().show(no, t.clerk);
        assertThat(v.holding().handOff()).isEqualTo("FORWARD");
        assertThat(v.holding().handOffLabel()).isEqualTo("待移交");
        // pending: nothing more may be done here until the province acknowledges
        assertThatThrownBy(() -> t.desk.cases().act(no, Command.withAmount(CaseAction.REVIEW, Money.ofFen(100)),
                null, t.reviewer)).hasMessageContaining("待移交，省平台确认前不能再办理");
        assertThat(t.desk.verifyAudit().problems()).isEmpty();

        // the province acknowledges: the case is no longer held here
        t.desk.db().write(tx -> {
            t.desk.holdings().handOffAnswered(tx, no, true);
            return null;
        });
        var after = t.desk.cases().show(no, t.clerk);
        assertThat(after.holding().heldHere()).isFalse();
        assertThat(after.holding().handOff()).isNull();
        assertThatThrownBy(() -> t.desk.cases().act(no, Command.withAmount(CaseAction.REVIEW, Money.ofFen(100)),
                null, t.reviewer)).hasMessageContaining("请先领取");
        assertThat(t.desk.verifyAudit().problems()).isEmpty();
    }

    @Test
    void aRefusedHandOffLeavesTheCaseHeldHere() {
        DeskFixture t = township();
        OrgFixture.organise(t, 1, true);
        String no = accept17(t, t.clerk);
        t.desk.db().write(tx -> {
            t.desk.holdings().handOffAnswered(tx, no, false);
            return null;
        });
        var v = t.desk.cases().show(no, t.clerk);
        assertThat(v.holding().heldHere()).isTrue();
        assertThat(v.holding().handOff()).isNull();
        // held again: a manual forward sends it once more
        t.desk.cases().forward(no, "县级审核", t.clerk);
        assertThat(outboxTypes(t, no)).containsExactly("CASE_RECEIVED", "CASE_TRANSITION", "CASE_FORWARDED",
                "CASE_FORWARDED");
        assertThat(t.desk.verifyAudit().problems()).isEmpty();
    }

    @Test
    void withoutAReviewerAtThisDeskTheCaseIsReleasedToTheAgencysPool() {
        DeskFixture c = county();
        OrgFixture.organise(c, 1, false);
        // nobody of this desk reviews
        c.desk.db().write(tx -> tx.update(APP_USER).set(APP_USER.ACTIVE, false)
                .where(APP_USER.ROLES.contains(Role.REVIEWER.name())).execute());
        String no = accept17(c, c.clerk);
        assertThat(outboxTypes(c, no)).containsExactly("CASE_RECEIVED", "CASE_TRANSITION", "CASE_RELEASED");
        CaseReleased r = (CaseReleased) ChangeKind.CASE_RELEASED.parse(c.desk.db().dsl().select(OUTBOX.PAYLOAD_JSON)
                .from(OUTBOX).where(OUTBOX.ENTITY_ID.eq(no), OUTBOX.MSG_TYPE.eq("CASE_RELEASED"))
                .fetchOne(OUTBOX.PAYLOAD_JSON));
        assertThat(r.nextAction()).isEqualTo("REVIEW");
        assertThat(c.desk.cases().show(no, c.clerk).holding().handOffLabel()).isEqualTo("待释放");
        // a forward by hand is refused: the routing keeps the stage at this level
        c.desk.db().write(tx -> {
            c.desk.holdings().handOffAnswered(tx, no, false);
            return null;
        });
        assertThatThrownBy(() -> c.desk.cases().forward(no, null, c.clerk)).hasMessageContaining("无需移交");
    }

    @Test
    void theCountyReviewsWhatTheTownshipAcceptedAndTheResultComesBack() {
        DeskFixture t = township();
        DeskFixture c = county();
        OrgFixture.organise(t, 1, true);
        OrgFixture.organise(c, 1, true);
        String no = accept17(t, t.clerk);
        t.desk.db().write(tx -> {
            t.desk.holdings().handOffAnswered(tx, no, true);
            return null;
        });

        // the county learns of the case through the feed: it waits in the county's pool under 审核
        CaseHolder pool = OrgFixture.pool(no, OrgFixture.COUNTY, OrgFixture.COUNTY_NAME, "REVIEW", OrgFixture.TOWNSHIP,
                2);
        List<FeedEntry> entries = OrgFixture.feed(t, OrgFixture.TOWNSHIP, 2, no, 0, 10, pool);
        CaseFeed page = new CaseFeed(12, false, entries);
        assertThat(c.desk.holdings().applyFeed(page)).isEmpty();
        int events = c.desk.db().dsl().fetchCount(CASE_EVENT);
        assertThat(c.desk.holdings().applyFeed(page)).isEmpty(); // the same page twice changes nothing
        assertThat(c.desk.db().dsl().fetchCount(CASE_EVENT)).isEqualTo(events);
        assertThat(c.desk.holdings().feedVersion()).isEqualTo(12);
        var copy = c.desk.cases().show(no, c.reviewer);
        assertThat(copy.summary().state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(copy.holding().copyKind()).isEqualTo("FULL");
        assertThat(copy.holding().heldHere()).isFalse();
        assertThat(copy.events()).extracting(e -> e.actorName()).containsExactly(t.clerk.name(), t.clerk.name());
        // in the county's 待审核 list, with where it came from; the count includes it
        assertThat(c.desk.workbench().waitingFor(c.reviewer, 50)).singleElement().satisfies(s -> {
            assertThat(s.caseNo()).isEqualTo(no);
            assertThat(s.holding().from()).contains(OrgFixture.TOWNSHIP_NAME).contains("2号窗口");
        });
        assertThat(c.desk.workbench().counts().toReview()).isEqualTo(1);
        // not claimed: read-only
        assertThatThrownBy(() -> c.desk.cases().act(no, Command.withAmount(CaseAction.REVIEW, Money.ofFen(100)),
                null, c.reviewer)).hasMessageContaining("待领取").hasMessageContaining("请先领取");
        assertThat(c.desk.verifyAudit().problems()).isEmpty();

        // claimed (the province's answer is the history)
        CaseHolder claimed = OrgFixture.desk(no, OrgFixture.COUNTY, OrgFixture.COUNTY_NAME, 1, "REVIEW",
                OrgFixture.TOWNSHIP, 2);
        var view = c.desk.holdings().recordClaim(new CaseHistory(claimed, entries), c.reviewer);
        assertThat(view.holding().heldHere()).isTrue();
        assertThat(c.desk.holdings().holder(no)).get().satisfies(h -> {
            assertThat(h.windowNo()).isEqualTo(1);
            assertThat(h.acceptorAgencyCode()).isEqualTo(OrgFixture.TOWNSHIP);
        });

        // the township's acceptor, with an account at the county under the same person ID, may not review
        Actor sameAcceptor = c.add("zhou.county", t.clerk.name(), t.clerk.personId(), c.admin, Role.REVIEWER);
        assertThatThrownBy(() -> c.desk.cases().act(no, Command.withAmount(CaseAction.REVIEW, Money.ofFen(88_800)),
                null, sameAcceptor)).hasMessageContaining("受理人不得");
        long countyBefore = OrgFixture.lastSeq(c);
        c.desk.cases().act(no, Command.withAmount(CaseAction.REVIEW, Money.ofFen(88_800)), null, c.reviewer);
        c.desk.cases().act(no, Command.withAmount(CaseAction.RECHECK, Money.ofFen(88_800)), null, c.rechecker);
        c.desk.cases().act(no, Command.of(CaseAction.PAY), null, c.finance);
        // the default routing keeps 办结 at the county too (every stage but acceptance and 补正): no hand-off
        c.desk.cases().act(no, Command.of(CaseAction.CLOSE), null, c.clerk);
        assertThat(outboxTypes(c, no)).containsExactly("CASE_TRANSITION", "CASE_TRANSITION", "CASE_TRANSITION",
                "CASE_TRANSITION");
        assertThat(c.desk.verifyAudit().problems()).isEmpty();

        // the township receives every later step: 审核, 复核, 支付 with its amount, 办结 with the applicant's message
        List<FeedEntry> results = OrgFixture.feed(c, OrgFixture.COUNTY, 1, no, countyBefore, 20, claimed);
        assertThat(t.desk.holdings().applyFeed(new CaseFeed(30, false, results))).isEmpty();
        var home = t.desk.cases().show(no, t.clerk);
        assertThat(home.summary().state()).isEqualTo(CaseState.CLOSED);
        assertThat(home.paid()).isEqualTo(Money.ofFen(88_800));
        assertThat(home.events()).extracting(e -> e.action()).containsExactly("RECEIVE", "ACCEPT", "REVIEW",
                "RECHECK", "PAY", "CLOSE");
        assertThat(home.events().get(2).remoteDesk()).isEqualTo(OrgFixture.COUNTY_NAME + " 1号窗口");
        assertThat(home.events().get(2).actorName()).isEqualTo(c.reviewer.name());
        assertThat(home.holding().copyKind()).isEqualTo("LOCAL");
        assertThat(home.holding().heldHere()).isFalse();
        assertThat(home.holding().holder()).isEqualTo(OrgFixture.COUNTY_NAME + " 1号窗口");
        assertThat(home.messages()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("SUCCESS");
            assertThat(m.text()).contains("888").doesNotContain("{");
        });
        assertThat(t.desk.verifyAudit().problems()).isEmpty();
        // no outbox message for what came from the province
        assertThat(outboxTypes(t, no)).containsExactly("CASE_RECEIVED", "CASE_TRANSITION", "CASE_FORWARDED");
        // the same results again: nothing applied twice
        int eventsHome = t.desk.db().dsl().fetchCount(CASE_EVENT);
        t.desk.holdings().applyFeed(new CaseFeed(30, false, results));
        assertThat(t.desk.db().dsl().fetchCount(CASE_EVENT)).isEqualTo(eventsHome);
    }

    @Test
    void aStepThatDoesNotFitTheCopyAsksForTheWholeHistory() throws Exception {
        DeskFixture t = township();
        DeskFixture c = county();
        OrgFixture.organise(t, 1, true);
        OrgFixture.organise(c, 1, true);
        String no = accept17(t, t.clerk);
        CaseHolder pool = OrgFixture.pool(no, OrgFixture.COUNTY, OrgFixture.COUNTY_NAME, "REVIEW", OrgFixture.TOWNSHIP,
                2);
        List<FeedEntry> entries = OrgFixture.feed(t, OrgFixture.TOWNSHIP, 2, no, 0, 1, pool);
        // without the application the county has no copy: the case is returned for its history
        assertThat(c.desk.holdings().applyFeed(new CaseFeed(3, false, entries.subList(1, entries.size()))))
                .containsExactly(no);
        assertThat(c.desk.db().dsl().fetchCount(CASE_FILE)).isZero();
        c.desk.holdings().applyHistory(new CaseHistory(pool, entries));
        assertThat(c.desk.cases().show(no, null).summary().state()).isEqualTo(CaseState.ACCEPTED);
        // a step reported from another state than the copy's
        var bad = ProtocolJson.mapper().readTree(ChangeKind.write(new org.ybdesk.protocol.change.CaseStepped(no,
                OrgFixture.TOWNSHIP, 17, null, null, null, null, "PAY", "RECHECKED", "PAID", null, "2026-11-03", null,
                "财务", null, 100L, null, null, null)));
        FeedEntry stray = new FeedEntry(50, no, FeedEntry.CHANGE, "X-1", "4102", null, OrgFixture.COUNTY, 3, null,
                "财务", null, bad, pool);
        assertThat(c.desk.holdings().applyFeed(new CaseFeed(50, false, List.of(stray)))).containsExactly(no);
        assertThat(c.desk.cases().show(no, null).summary().state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(c.desk.verifyAudit().problems()).isEmpty();
        // at the desk that made the case: the page still flows on; its history cannot rebuild a case made here
        assertThat(t.desk.holdings().applyFeed(new CaseFeed(50, false, List.of(stray)))).containsExactly(no);
        assertThat(t.desk.holdings().feedVersion()).isEqualTo(50);
        List<FeedEntry> withStray = new ArrayList<>(entries);
        withStray.add(stray);
        assertThatThrownBy(() -> t.desk.holdings().applyHistory(new CaseHistory(pool, withStray)))
                .isInstanceOf(ServiceException.class).hasMessageContaining(no).hasMessageContaining("重新获取");
        assertThat(t.desk.cases().show(no, null).summary().state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(t.desk.verifyAudit().problems()).isEmpty();
    }

    @Test
    void aSupervisorsReassignmentIsRecordedWithItsReason() {
        DeskFixture t = township();
        DeskFixture c = county();
        OrgFixture.organise(t, 1, true);
        OrgFixture.organise(c, 1, true);
        String no = accept17(t, t.clerk);
        CaseHolder atWindow3 = OrgFixture.desk(no, OrgFixture.COUNTY, OrgFixture.COUNTY_NAME, 3, "REVIEW",
                OrgFixture.TOWNSHIP, 2);
        c.desk.holdings().applyHistory(new CaseHistory(atWindow3, OrgFixture.feed(t, OrgFixture.TOWNSHIP, 2, no, 0, 1,
                atWindow3)));
        assertThat(c.desk.workbench().waitingFor(c.reviewer, 50)).isEmpty(); // held by another desk
        assertThat(c.desk.search().search(SearchService.Query.text(no))).singleElement()
                .satisfies(s -> assertThat(s.holding().holder()).contains("3号窗口"));
        CaseHolder toPool = OrgFixture.pool(no, OrgFixture.COUNTY, OrgFixture.COUNTY_NAME, "REVIEW",
                OrgFixture.TOWNSHIP, 2);
        c.desk.holdings().recordReassign(new ReassignRequest(3, null, null, "3号窗口电脑故障", "head", "负责人己"),
                new ReassignResult(List.of(toPool)), c.head);
        assertThat(c.desk.workbench().waitingFor(c.reviewer, 50)).singleElement();
        assertThat(c.desk.db().dsl().select(org.ybdesk.db.jooq.Tables.AUDIT_LOG.AFTER_JSON)
                .from(org.ybdesk.db.jooq.Tables.AUDIT_LOG)
                .where(org.ybdesk.db.jooq.Tables.AUDIT_LOG.ACTION.eq("CASE_REASSIGN")).fetchOne().value1())
                .contains("3号窗口电脑故障");
        assertThat(c.desk.verifyAudit().problems()).isEmpty();
        assertThat(c.desk.db().dsl().fetchCount(CASE_MESSAGE)).isZero();
    }
}
