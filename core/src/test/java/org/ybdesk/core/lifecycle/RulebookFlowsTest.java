package org.ybdesk.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.lifecycle.CaseAction.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.money.Money;

/**
 * Every item's flow as its 办理流程 writes it (issue 10, D85): the positive path from 待受理 to the end, the actions
 * possible after each step and the role that takes each, separation of duties among the stages that exist, amounts
 * decided at 审核 and confirmed at 复核, 补正 only before 受理 (after it only on 25/26), and the 3-month rectification
 * of 25/26. Pure: snapshots built step by step, a fixed day.
 */
@org.junit.jupiter.api.Tag("calendar")
class RulebookFlowsTest {
    static final Catalog CATALOG = Catalog.loadDefault();
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Money AMOUNT = Money.ofFen(123_456);

    /** The positive path of each item after 受理, as DECISIONS D85 tabulates it from the rulebook. */
    static final Map<Integer, List<CaseAction>> PATHS = new LinkedHashMap<>();

    static {
        for (int no : new int[] {1, 2, 3, 4, 5, 6}) {
            PATHS.put(no, List.of(ACCEPT, REVIEW, CLOSE));
        }
        for (int no : new int[] {7, 8, 11, 12, 13, 14, 15}) {
            PATHS.put(no, List.of(ACCEPT, CLOSE));
        }
        PATHS.put(9, List.of(ACCEPT, REVIEW, PAY, CLOSE));
        PATHS.put(10, List.of(ACCEPT, TRANSFER_OUT, TRANSFER_IN, MOVE_BALANCE));
        PATHS.put(16, List.of(ACCEPT, REVIEW, CLOSE));
        for (int no : new int[] {17, 18, 19, 20, 21, 22}) {
            PATHS.put(no, List.of(ACCEPT, REVIEW, RECHECK, PAY, CLOSE));
        }
        PATHS.put(23, List.of(ACCEPT, REVIEW, PAY, CLOSE));
        PATHS.put(24, List.of(ACCEPT, REVIEW, PAY, CLOSE));
        PATHS.put(25, List.of(ACCEPT, EVALUATE, PUBLICIZE, SIGN));
        PATHS.put(26, List.of(ACCEPT, EVALUATE, PUBLICIZE, SIGN));
        PATHS.put(27, List.of(ACCEPT, REVIEW, RECHECK, APPROVE, PAY, CLOSE));
        PATHS.put(28, List.of(ACCEPT, REVIEW, RECHECK, APPROVE, PAY, CLOSE));
    }

    /** A case driven through the pure lifecycle: the snapshot after each decided step. */
    static final class Sim {
        final ServiceItem item;
        CaseState state = CaseState.RECEIVED;
        CaseState resume;
        LocalDate rectifyingSince;
        Money review;
        Money confirmed;
        final List<ActionRecord> history = new ArrayList<>();
        final Money declared;

        Sim(int no) {
            item = CATALOG.item(no);
            declared = item.flow() == FlowVariant.SETTLEMENT ? AMOUNT : null;
        }

        CaseSnapshot snap() {
            return new CaseSnapshot(item, state, resume, history, rectifyingSince, declared, declared, review,
                    confirmed);
        }

        Transition act(Actor actor, Command cmd, LocalDate day) {
            Transition t = Lifecycle.decide(snap(), actor, cmd, day);
            if (cmd.action() == REVIEW) {
                review = cmd.amount();
            }
            if (cmd.action() == RECHECK) {
                confirmed = cmd.amount();
            }
            if (cmd.action() == REQUEST_SUPPLEMENT) {
                resume = t.from();
            }
            if (t.to() == CaseState.RECTIFYING) {
                rectifyingSince = day;
            }
            history.add(new ActionRecord(cmd.action(), actor.id(), actor.personId()));
            state = t.to();
            return t;
        }
    }

    static int people = 0;

    /** A new person (own account, own staff ID number) holding every business role. */
    static Actor somebody() {
        people++;
        return new Actor(100 + people, "人员" + people, Set.of(Role.CLERK, Role.REVIEWER, Role.RECHECKER,
                Role.FINANCE, Role.HEAD), String.format("2301021980%02d%02d%04d", 1 + people % 12, 1 + people % 28,
                1000 + people));
    }

    static Command command(Sim s, CaseAction a) {
        boolean money = a == MOVE_BALANCE || (Lifecycle.decidesAmountAtReview(s.item) && (a == REVIEW || a == RECHECK));
        return new Command(a, List.of(), money ? AMOUNT : null);
    }

    @Test
    void everyItemHasAPath() {
        assertThat(PATHS.keySet()).containsExactlyInAnyOrderElementsOf(
                CATALOG.items().stream().map(ServiceItem::no).toList());
    }

    @ParameterizedTest(name = "item {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
            26, 27, 28})
    void itemFollowsItsProcessWithADifferentPersonAtEachStep(int no) {
        Sim s = new Sim(no);
        List<CaseAction> path = PATHS.get(no);
        for (CaseAction a : path) {
            Map<CaseAction, Role> possible = Lifecycle.possible(s.item, s.state);
            assertThat(possible).as("item %d in %s", no, s.state).containsKey(a);
            // 补正 after 受理 exists only for designation applications (25/26)
            if (s.state != CaseState.RECEIVED) {
                assertThat(possible.containsKey(REQUEST_SUPPLEMENT)).as("补正 after acceptance, item %d", no)
                        .isEqualTo(s.item.flow() == FlowVariant.DESIGNATION && s.state == CaseState.ACCEPTED);
            }
            Transition t = s.act(somebody(), command(s, a), DAY);
            if (a == path.get(path.size() - 1)) {
                assertThat(t.to()).isEqualTo(CaseState.CLOSED);
            }
        }
        assertThat(s.state).isEqualTo(CaseState.CLOSED);
        assertThat(Lifecycle.possible(s.item, s.state)).isEmpty();
    }

    @Test
    void itemsOneToSixAreReviewedAtTheWindowAndCanFailReview() {
        for (int no = 1; no <= 6; no++) {
            Sim s = new Sim(no);
            Actor clerk = new Actor(1, "窗口", Set.of(Role.CLERK), "230102198001010011");
            s.act(clerk, Command.of(ACCEPT), DAY);
            Map<CaseAction, Role> possible = Lifecycle.possible(s.item, s.state);
            assertThat(possible).containsExactly(Map.entry(REVIEW, Role.CLERK), Map.entry(REJECT, Role.CLERK));
            assertThatThrownBy(() -> s.act(clerk, Command.of(REJECT), DAY)).hasMessageContaining("须填写原因");
            Transition t = s.act(clerk, Command.withReasons(REJECT, List.of("材料不合规", "不符合办理条件")), DAY);
            assertThat(t.to()).isEqualTo(CaseState.REJECTED);
            assertThat(t.outcome()).isEqualTo(Outcome.FAILURE);
        }
        // the same clerk reviews and closes at the window (即时办结)
        Sim s = new Sim(3);
        Actor clerk = new Actor(1, "窗口", Set.of(Role.CLERK), "230102198001010011");
        s.act(clerk, Command.of(ACCEPT), DAY);
        s.act(clerk, Command.of(REVIEW), DAY);
        assertThat(Lifecycle.possible(s.item, s.state)).containsOnlyKeys(CLOSE);
        assertThat(s.act(clerk, Command.of(CLOSE), DAY).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void noApprovalWhereTheProcessHasNone() {
        for (int no : new int[] {9, 16, 17, 18, 19, 20, 21, 22, 23, 24}) {
            assertThat(CATALOG.item(no).stages()).as("item %d", no)
                    .doesNotContain(org.ybdesk.core.catalog.Stage.APPROVE);
        }
        assertThat(CATALOG.item(10).stages()).isEmpty();
        // a transfer goes from 受理 straight to 转出
        assertThat(Lifecycle.possible(CATALOG.item(10), CaseState.ACCEPTED)).containsOnlyKeys(TRANSFER_OUT, REJECT);
    }

    @ParameterizedTest(name = "item {0}")
    @ValueSource(ints = {9, 16, 17, 18, 22, 24, 27, 28})
    void onHighRiskItemsAcceptorReviewerAndRecheckerAreThreePersons(int no) {
        Sim s = new Sim(no);
        assertThat(s.item.riskLevel().requiresSeparationOfDuties()).isTrue();
        Actor acceptor = somebody();
        s.act(acceptor, Command.of(ACCEPT), DAY);
        assertThatThrownBy(() -> s.act(acceptor, command(s, REVIEW), DAY)).hasMessageContaining("受理人不得");
        Actor reviewer = somebody();
        s.act(reviewer, command(s, REVIEW), DAY);
        if (s.item.stages().contains(org.ybdesk.core.catalog.Stage.RECHECK)) {
            assertThatThrownBy(() -> s.act(acceptor, command(s, RECHECK), DAY)).hasMessageContaining("受理人不得");
            assertThatThrownBy(() -> s.act(reviewer, command(s, RECHECK), DAY))
                    .hasMessageContaining("复核须由审核人以外的人员办理");
            s.act(somebody(), command(s, RECHECK), DAY);
        }
        if (s.item.stages().contains(org.ybdesk.core.catalog.Stage.APPROVE)) {
            assertThatThrownBy(() -> s.act(reviewer, Command.of(APPROVE), DAY)).hasMessageContaining("审核人不得");
            s.act(somebody(), Command.of(APPROVE), DAY);
        }
        if (s.item.stages().contains(org.ybdesk.core.catalog.Stage.PAY)) {
            assertThatThrownBy(() -> s.act(reviewer, Command.of(PAY), DAY)).hasMessageContaining("不得同时办理");
            assertThatThrownBy(() -> s.act(acceptor, Command.of(PAY), DAY)).hasMessageContaining("不得同时办理");
            s.act(somebody(), Command.of(PAY), DAY);
        }
        s.act(acceptor, Command.of(CLOSE), DAY);
        assertThat(s.state).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void onMediumRiskItemsOnlyTheRecheckIsSeparated() {
        Sim s = new Sim(19);
        Actor one = somebody();
        s.act(one, Command.of(ACCEPT), DAY);
        s.act(one, command(s, REVIEW), DAY);
        assertThatThrownBy(() -> s.act(one, command(s, RECHECK), DAY)).hasMessageContaining("复核须由审核人以外");
        s.act(somebody(), command(s, RECHECK), DAY);
        s.act(one, Command.of(PAY), DAY);
        assertThat(s.state).isEqualTo(CaseState.PAID);
    }

    @Test
    void rolesAreChecked() {
        Sim s = new Sim(17);
        s.act(somebody(), Command.of(ACCEPT), DAY);
        Actor clerkOnly = new Actor(7, "窗口", Set.of(Role.CLERK), "230102198001010071");
        assertThatThrownBy(() -> s.act(clerkOnly, command(s, REVIEW), DAY)).hasMessageContaining("须由「审核」岗位");
    }

    // ------------------------------------------------------------------------------------------------ amounts

    @Test
    void amountIsEnteredAtReviewConfirmedAtRecheckAndPaidUnchanged() {
        Sim s = new Sim(18);
        s.act(somebody(), Command.of(ACCEPT), DAY);
        assertThatThrownBy(() -> s.act(somebody(), Command.of(REVIEW), DAY)).hasMessageContaining("须填写金额");
        assertThatThrownBy(() -> s.act(somebody(), Command.withAmount(REVIEW, Money.ZERO), DAY))
                .hasMessageContaining("须大于零");
        s.act(somebody(), Command.withAmount(REVIEW, Money.ofFen(880_000)), DAY);
        assertThat(s.review).isEqualTo(Money.ofFen(880_000));
        assertThatThrownBy(() -> s.act(somebody(), Command.of(RECHECK), DAY)).hasMessageContaining("须填写金额");
        assertThatThrownBy(() -> s.act(somebody(), Command.withAmount(RECHECK, Money.ofFen(880_001)), DAY))
                .hasMessageContaining("复核金额 8800.01 元与审核金额 8800.00 元不一致");
        s.act(somebody(), Command.withAmount(RECHECK, Money.ofFen(880_000)), DAY);
        assertThat(Lifecycle.payable(s.snap())).contains(Money.ofFen(880_000));
        assertThatThrownBy(() -> s.act(somebody(), Command.withAmount(PAY, Money.ofFen(900_000)), DAY))
                .hasMessageContaining("9000.00").hasMessageContaining("8800.00");
        // the confirmed amount itself may be named again
        assertThat(Lifecycle.decide(s.snap(), somebody(), Command.withAmount(PAY, Money.ofFen(880_000)), DAY).to())
                .isEqualTo(CaseState.PAID);
        s.act(somebody(), Command.of(PAY), DAY);
        assertThat(s.state).isEqualTo(CaseState.PAID);
    }

    @Test
    void withoutRecheckTheReviewAmountIsPaid() {
        for (int no : new int[] {9, 23, 24}) {
            Sim s = new Sim(no);
            s.act(somebody(), Command.of(ACCEPT), DAY);
            s.act(somebody(), Command.withAmount(REVIEW, Money.ofFen(30_000)), DAY);
            assertThat(Lifecycle.payable(s.snap())).as("item %d", no).contains(Money.ofFen(30_000));
            assertThatThrownBy(() -> s.act(somebody(), Command.withAmount(PAY, Money.ofFen(30_100)), DAY))
                    .hasMessageContaining("301.00").hasMessageContaining("300.00");
        }
    }

    @Test
    void settlementReviewRecordsTheSettledAmountNotAboveTheDeclared() {
        Sim s = new Sim(27);
        s.act(somebody(), Command.of(ACCEPT), DAY);
        assertThatThrownBy(() -> s.act(somebody(), Command.withAmount(REVIEW, AMOUNT.plus(Money.ofFen(1))), DAY))
                .hasMessageContaining("超过申报金额");
        Money settled = AMOUNT.minus(Money.ofFen(20_000)); // 拒付/扣除 200.00
        s.act(somebody(), Command.withAmount(REVIEW, settled), DAY);
        s.act(somebody(), Command.withAmount(RECHECK, settled), DAY);
        s.act(somebody(), Command.of(APPROVE), DAY);
        assertThat(Lifecycle.payable(s.snap())).contains(settled);
    }

    @Test
    void itemsWithoutPaymentTakeNoAmountAtReviewAndTheTransferKeepsItsOwn() {
        assertThat(Lifecycle.decidesAmountAtReview(CATALOG.item(16))).isFalse();
        assertThat(Lifecycle.decidesAmountAtReview(CATALOG.item(10))).isFalse();
        Sim s = new Sim(10);
        s.act(somebody(), Command.of(ACCEPT), DAY);
        s.act(somebody(), Command.of(TRANSFER_OUT), DAY);
        s.act(somebody(), Command.of(TRANSFER_IN), DAY);
        assertThatThrownBy(() -> s.act(somebody(), Command.of(MOVE_BALANCE), DAY)).hasMessageContaining("须填写金额");
        s.act(somebody(), Command.withAmount(MOVE_BALANCE, Money.ofFen(5)), DAY);
        assertThat(s.state).isEqualTo(CaseState.CLOSED);
    }

    // ------------------------------------------------------------------------------------------------ 补正

    @Test
    void supplementAfterAcceptanceOnlyForDesignationsAndItPausesTheClock() {
        for (ServiceItem item : CATALOG.items()) {
            Sim s = new Sim(item.no());
            Transition before = s.act(somebody(), Command.withReasons(REQUEST_SUPPLEMENT, List.of("缺少材料")), DAY);
            assertThat(before.pausesClock()).as("补正 before acceptance starts no clock, item %d", item.no()).isFalse();
            s.act(somebody(), Command.of(RESUME), DAY);
            s.act(somebody(), Command.of(ACCEPT), DAY);
            if (item.flow() == FlowVariant.DESIGNATION) {
                Transition after = s.act(somebody(), Command.withReasons(REQUEST_SUPPLEMENT, List.of("补充材料")), DAY);
                assertThat(after.pausesClock()).isTrue();
                assertThat(s.act(somebody(), Command.of(RESUME), DAY).resumesClock()).isTrue();
                assertThat(s.state).isEqualTo(CaseState.ACCEPTED);
            } else {
                assertThatThrownBy(() -> s.act(somebody(), Command.withReasons(REQUEST_SUPPLEMENT,
                        List.of("补充材料")), DAY)).as("item %d", item.no()).isInstanceOf(TransitionRefused.class)
                        .hasMessageContaining("不能执行「补正」");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ 整改

    @ParameterizedTest(name = "item {0}")
    @ValueSource(ints = {25, 26})
    void reEvaluationOnlyThreeMonthsAfterTheResultWasDeliveredAndAsOftenAsNeeded(int no) {
        Sim s = new Sim(no);
        LocalDate delivered = LocalDate.of(2026, 3, 10);
        s.act(somebody(), Command.of(ACCEPT), LocalDate.of(2026, 2, 2));
        Transition fail = s.act(somebody(), Command.withReasons(EVALUATE_FAIL, List.of("药品管理制度不全")), delivered);
        assertThat(fail.to()).isEqualTo(CaseState.RECTIFYING);
        assertThat(fail.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(Lifecycle.earliestReEvaluation(s.snap())).contains(LocalDate.of(2026, 6, 10));
        assertThat(Lifecycle.possible(s.item, s.state)).containsOnlyKeys(EVALUATE, EVALUATE_FAIL, REJECT);
        // the day before three months: refused, naming the earliest day
        assertThatThrownBy(() -> s.act(somebody(), Command.of(EVALUATE), LocalDate.of(2026, 6, 9)))
                .hasMessageContaining("整改期未满").hasMessageContaining("2026-03-10")
                .hasMessageContaining("2026-06-10");
        assertThatThrownBy(() -> s.act(somebody(), Command.withReasons(EVALUATE_FAIL, List.of("仍不合格")),
                LocalDate.of(2026, 4, 1))).hasMessageContaining("最早可于2026-06-10评估");
        // a second 不合格 after three months: back to 整改, a new period from its delivery
        Transition again = s.act(somebody(), Command.withReasons(EVALUATE_FAIL, List.of("仍不合格")),
                LocalDate.of(2026, 6, 10));
        assertThat(again.to()).isEqualTo(CaseState.RECTIFYING);
        assertThat(Lifecycle.earliestReEvaluation(s.snap())).contains(LocalDate.of(2026, 9, 10));
        assertThatThrownBy(() -> s.act(somebody(), Command.of(EVALUATE), LocalDate.of(2026, 9, 9)))
                .hasMessageContaining("2026-09-10");
        // long after: still allowed (any number of rounds, no upper limit)
        Transition ok = s.act(somebody(), Command.of(EVALUATE), LocalDate.of(2027, 3, 1));
        assertThat(ok.to()).isEqualTo(CaseState.PUBLICIZING);
        assertThat(ok.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void rectifyingCaseMayBeEndedAsRejectedAtAnyTime() {
        Sim s = new Sim(25);
        s.act(somebody(), Command.of(ACCEPT), DAY);
        s.act(somebody(), Command.withReasons(EVALUATE_FAIL, List.of("不合格")), DAY);
        Transition t = s.act(somebody(), Command.withReasons(REJECT, List.of("申请人放弃整改")), DAY.plusDays(3));
        assertThat(t.to()).isEqualTo(CaseState.REJECTED);
    }
}
