package org.ybdesk.core.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.lifecycle.CaseAction.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.ActionRecord;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.lifecycle.TransitionRefused;
import org.ybdesk.core.money.Money;

/**
 * A copy of a case held elsewhere follows the holder's steps through the same effects (issue 12): every flow family
 * replayed from the steps another desk decided ends exactly where the original ended — state, the state 补正 returns
 * to, dates, pauses, amounts and the persons of the history.
 */
class CaseFileReplayTest {
    static final Money LARGE = CaseFileTest.LARGE;
    static final Actor CLERK = CaseFileTest.CLERK;
    static final Actor REVIEWER = CaseFileTest.REVIEWER;
    static final Actor RECHECKER = CaseFileTest.RECHECKER;
    static final Actor FINANCE = CaseFileTest.FINANCE;
    static final Actor HEAD = new Actor(6, "负责人戊", Set.of(Role.HEAD), "230102199601010015");
    static final Actor ALL = new Actor(7, "全能己", Set.of(Role.CLERK, Role.REVIEWER, Role.RECHECKER, Role.HEAD,
            Role.FINANCE), "230102197001010016");

    /** The original case at its holder and the steps it reported. */
    record Run(CaseFile original, List<CaseFile.ReportedStep> reported) {
    }

    /** Decides each command at the "holder" (one working day apart) and reports each step as the desk would. */
    static Run decideAll(CaseFile start, List<Object[]> steps) {
        CaseFile c = start;
        List<CaseFile.ReportedStep> out = new ArrayList<>();
        LocalDate day = CaseFileTest.MON;
        for (Object[] s : steps) {
            Actor a = (Actor) s[0];
            Command cmd = (Command) s[1];
            CaseFile.Step step = c.decide(a, cmd, day, LARGE);
            out.add(new CaseFile.ReportedStep(step.command().action(), step.transition().from(),
                    step.transition().to(), day, OffsetDateTime.of(day.atTime(10, 0), ZoneOffset.ofHours(8)),
                    a.name(), a.personId(), step.command().reasons(), step.command().amount()));
            c = step.after();
            day = day.plusDays(1);
        }
        return new Run(c, out);
    }

    static CaseFile replayAll(CaseFile start, List<CaseFile.ReportedStep> steps) {
        CaseFile c = start;
        for (CaseFile.ReportedStep r : steps) {
            c = c.replay(r).after();
        }
        return c;
    }

    static void assertSameCase(CaseFile copy, CaseFile original) {
        assertThat(copy.state()).isEqualTo(original.state());
        assertThat(copy.resumeState()).isEqualTo(original.resumeState());
        assertThat(copy.dates()).isEqualTo(original.dates());
        assertThat(copy.amounts()).isEqualTo(original.amounts());
        assertThat(copy.pauses()).isEqualTo(original.pauses());
        assertThat(copy.history()).extracting(ActionRecord::action)
                .containsExactlyElementsOf(original.history().stream().map(ActionRecord::action).toList());
        assertThat(copy.history()).extracting(ActionRecord::personId)
                .containsExactlyElementsOf(original.history().stream().map(ActionRecord::personId).toList());
        assertThat(copy.history()).extracting(ActionRecord::actorId).containsOnly(CaseFile.REMOTE_ACTOR_ID);
        assertThat(copy.nextAction()).isEqualTo(original.nextAction());
    }

    static Object[] step(Actor a, Command c) {
        return new Object[] {a, c};
    }

    @Test
    void instantItemAcceptedAndClosedAtTheWindow() {
        CaseFile start = CaseFileTest.received(7, MaterialStatus.PAPER);
        Run run = decideAll(start, List.of(step(CLERK, Command.of(ACCEPT)), step(CLERK, Command.of(CLOSE))));
        assertThat(run.original().state()).isEqualTo(CaseState.CLOSED);
        assertSameCase(replayAll(start, run.reported()), run.original());
    }

    @Test
    void reviewChainWithPaymentPaysTheConfirmedAmount() {
        CaseFile start = CaseFileTest.received(17, MaterialStatus.PAPER);
        Money amount = Money.ofFen(123_456);
        Run run = decideAll(start, List.of(step(CLERK, Command.of(ACCEPT)),
                step(REVIEWER, Command.withAmount(REVIEW, amount)), step(RECHECKER, Command.withAmount(RECHECK, amount)),
                step(FINANCE, Command.of(PAY)), step(CLERK, Command.of(CLOSE))));
        assertThat(run.original().amounts().paid()).isEqualTo(amount);
        CaseFile copy = replayAll(start, run.reported());
        assertSameCase(copy, run.original());
        assertThat(copy.amounts().confirmed()).isEqualTo(amount);
        assertThat(copy.dates().closedOn()).isEqualTo(CaseFileTest.MON.plusDays(4));
    }

    @Test
    void paymentReportedWithoutAnAmountPaysTheDecidedOne() {
        CaseFile start = CaseFileTest.received(23, MaterialStatus.PAPER);
        Money amount = Money.ofFen(50_000);
        Run run = decideAll(start, List.of(step(CLERK, Command.of(ACCEPT)),
                step(REVIEWER, Command.withAmount(REVIEW, amount))));
        CaseFile copy = replayAll(start, run.reported());
        CaseFile paid = copy.replay(new CaseFile.ReportedStep(PAY, CaseState.REVIEWED, CaseState.PAID,
                CaseFileTest.MON.plusDays(3), null, "财务丁", FINANCE.personId(), List.of(), null)).after();
        assertThat(paid.amounts().paid()).isEqualTo(amount);
    }

    @Test
    void supplementBeforeAcceptanceAndAfterAcceptancePausesTheClockAlike() {
        // designation (25): 补正 after 受理 pauses the clock and returns to 评估中
        CaseFile start = CaseFileTest.received(25, MaterialStatus.PAPER);
        Run run = decideAll(start, List.of(step(CLERK, Command.withReasons(REQUEST_SUPPLEMENT, List.of("缺营业执照"))),
                step(CLERK, Command.of(RESUME)), step(CLERK, Command.of(ACCEPT)),
                step(CLERK, Command.withReasons(REQUEST_SUPPLEMENT, List.of("缺平面图")))));
        assertThat(run.original().state()).isEqualTo(CaseState.SUPPLEMENTING);
        assertThat(run.original().resumeState()).isEqualTo(CaseState.ACCEPTED);
        CaseFile copy = replayAll(start, run.reported());
        assertSameCase(copy, run.original());
        assertThat(copy.pauses()).singleElement().satisfies(p -> assertThat(p.isOpen()).isTrue());
        CaseFile.ReportedStep resume = new CaseFile.ReportedStep(RESUME, CaseState.SUPPLEMENTING, CaseState.ACCEPTED,
                CaseFileTest.MON.plusDays(9), null, CLERK.name(), CLERK.personId(), List.of(), null);
        CaseFile resumed = copy.replay(resume).after();
        assertThat(resumed.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(resumed.pauses()).singleElement().satisfies(p -> assertThat(p.to())
                .isEqualTo(CaseFileTest.MON.plusDays(9)));
    }

    @Test
    void transferKeepsItsOutPhaseDate() {
        CaseFile start = CaseFileTest.received(10, MaterialStatus.PAPER);
        Run run = decideAll(start, List.of(step(CLERK, Command.of(ACCEPT)), step(CLERK, Command.of(TRANSFER_OUT)),
                step(CLERK, Command.of(TRANSFER_IN)), step(FINANCE, Command.withAmount(MOVE_BALANCE,
                        Money.ofFen(9_900)))));
        assertThat(run.original().state()).isEqualTo(CaseState.CLOSED);
        CaseFile copy = replayAll(start, run.reported());
        assertSameCase(copy, run.original());
        assertThat(copy.dates().transferredOutOn()).isEqualTo(CaseFileTest.MON.plusDays(1));
    }

    @Test
    void designationRectifyingThenEvaluatedPublicizedAndSigned() {
        CaseFile start = CaseFileTest.received(26, MaterialStatus.PAPER);
        Run first = decideAll(start, List.of(step(CLERK, Command.of(ACCEPT)),
                step(REVIEWER, Command.withReasons(EVALUATE_FAIL, List.of("设备不全")))));
        assertThat(first.original().state()).isEqualTo(CaseState.RECTIFYING);
        CaseFile copy = replayAll(start, first.reported());
        assertSameCase(copy, first.original());
        assertThat(copy.dates().rectifyingSince()).isEqualTo(CaseFileTest.MON.plusDays(1));
        // after three months: evaluated, publicized, signed — reported on those days
        LocalDate later = CaseFileTest.MON.plusMonths(4);
        List<CaseFile.ReportedStep> rest = List.of(
                new CaseFile.ReportedStep(EVALUATE, CaseState.RECTIFYING, CaseState.PUBLICIZING, later, null,
                        REVIEWER.name(), REVIEWER.personId(), List.of(), null),
                new CaseFile.ReportedStep(PUBLICIZE, CaseState.PUBLICIZING, CaseState.NEGOTIATING, later.plusDays(1),
                        null, CLERK.name(), CLERK.personId(), List.of(), null),
                new CaseFile.ReportedStep(SIGN, CaseState.NEGOTIATING, CaseState.CLOSED, later.plusDays(2), null,
                        HEAD.name(), HEAD.personId(), List.of(), null));
        CaseFile done = replayAll(copy, rest);
        assertThat(done.state()).isEqualTo(CaseState.CLOSED);
        assertThat(done.dates().closedOn()).isEqualTo(later.plusDays(2));
        assertThat(done.nextAction()).isNull();
    }

    @Test
    void aStepFromAnotherStateIsRefusedWithAClearReason() {
        CaseFile start = CaseFileTest.received(17, MaterialStatus.PAPER);
        CaseFile.ReportedStep review = new CaseFile.ReportedStep(REVIEW, CaseState.ACCEPTED, CaseState.REVIEWED,
                CaseFileTest.MON, null, "审核乙", REVIEWER.personId(), List.of(), Money.ofFen(100));
        assertThatThrownBy(() -> start.replay(review)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(start.caseNo()).hasMessageContaining("已受理").hasMessageContaining("待受理");
        // a report whose target state the rules do not lead to
        CaseFile accepted = start.replay(new CaseFile.ReportedStep(ACCEPT, CaseState.RECEIVED, CaseState.ACCEPTED,
                CaseFileTest.MON, null, "窗口甲", CLERK.personId(), List.of(), null)).after();
        assertThatThrownBy(() -> accepted.replay(new CaseFile.ReportedStep(REVIEW, CaseState.ACCEPTED,
                CaseState.CLOSED, CaseFileTest.MON, null, "审核乙", REVIEWER.personId(), List.of(),
                Money.ofFen(100)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("重新获取");
        // an action the state does not allow at all
        assertThatThrownBy(() -> accepted.replay(new CaseFile.ReportedStep(PAY, CaseState.ACCEPTED, CaseState.PAID,
                CaseFileTest.MON, null, "财务丁", FINANCE.personId(), List.of(), Money.ofFen(100))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTownshipAcceptorCannotReviewAtTheCountyUnderAnotherAccount() {
        // accepted at the township by person P (account 1 there); the county copy knows only P's ID number
        CaseFile start = CaseFileTest.received(17, MaterialStatus.PAPER);
        CaseFile copy = start.replay(new CaseFile.ReportedStep(ACCEPT, CaseState.RECEIVED, CaseState.ACCEPTED,
                CaseFileTest.MON, null, CLERK.name(), CLERK.personId(), List.of(), null)).after();
        // at the county P has account 2 (any id, even the township's id 1 belongs to someone else there)
        Actor samePersonAtCounty = new Actor(42, "窗口甲", Set.of(Role.REVIEWER), CLERK.personId());
        assertThatThrownBy(() -> copy.decide(samePersonAtCounty, Command.withAmount(REVIEW, Money.ofFen(100)),
                CaseFileTest.MON, LARGE)).isInstanceOf(TransitionRefused.class).hasMessageContaining("受理人不得");
        // the county account whose local id happens to be the township acceptor's id is another person: allowed
        Actor otherPersonSameId = new Actor(1, "审核乙", Set.of(Role.REVIEWER), REVIEWER.personId());
        assertThat(copy.decide(otherPersonSameId, Command.withAmount(REVIEW, Money.ofFen(100)), CaseFileTest.MON,
                LARGE).after().state()).isEqualTo(CaseState.REVIEWED);
    }

    @Test
    void nextActionIsTheStageTheCaseWaitsFor() {
        CaseFile c = CaseFileTest.received(17, MaterialStatus.PAPER);
        assertThat(c.nextAction()).isEqualTo(ACCEPT);
        CaseFile accepted = c.decide(CLERK, Command.of(ACCEPT), CaseFileTest.MON, LARGE).after();
        assertThat(accepted.nextAction()).isEqualTo(REVIEW);
        CaseFile reviewed = accepted.decide(ALL, Command.withAmount(REVIEW, Money.ofFen(10)), CaseFileTest.MON, LARGE)
                .after();
        assertThat(reviewed.nextAction()).isEqualTo(RECHECK);
        CaseAction none = c.decide(CLERK, Command.withReasons(REFUSE, List.of("不符合条件")), CaseFileTest.MON, LARGE)
                .after().nextAction();
        assertThat(none).isNull();
    }
}
