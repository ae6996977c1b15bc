package org.ybdesk.core.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.calendar.DeadlineEngine;
import org.ybdesk.core.calendar.DeadlineInput;
import org.ybdesk.core.calendar.Pause;
import org.ybdesk.core.calendar.WorkingCalendar;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.lifecycle.TransitionRefused;
import org.ybdesk.core.money.Money;

/**
 * The case file decides every step without a database: the materials gate of 受理, amounts and their confirmation,
 * separation of duties by person, pauses and the inputs of the deadline, and the case after each step.
 */
class CaseFileTest {
    static final Catalog CATALOG = Catalog.loadDefault();
    static final LocalDate MON = LocalDate.of(2026, 11, 2);
    static final Money LARGE = Money.ofFen(5_000_000);
    static final Actor CLERK = new Actor(1, "窗口甲", Set.of(Role.CLERK), "230102198001010011");
    /** Another account of the clerk's own person. */
    static final Actor CLERK_AS_REVIEWER = new Actor(2, "窗口甲", Set.of(Role.REVIEWER), "230102198001010011");
    static final Actor REVIEWER = new Actor(3, "审核乙", Set.of(Role.REVIEWER), "230102198501010012");
    static final Actor RECHECKER = new Actor(4, "复核丙", Set.of(Role.RECHECKER), "230102199001010013");
    static final Actor FINANCE = new Actor(5, "财务丁", Set.of(Role.FINANCE), "230102199501010014");

    static CaseFile received(int itemNo, MaterialStatus each) {
        ServiceItem item = CATALOG.item(itemNo);
        Map<Integer, MaterialStatus> given = new LinkedHashMap<>();
        if (each != null) {
            item.materials().forEach(m -> given.put(m.no(), each));
        }
        return CaseFile.received("C1", "A1", item, CATALOG.version(),
                new CaseFile.Applicant(item.applicantKind(), "110101199003070018", "张三", null, null, null), "大厅",
                Map.of(), given, null, null, MON);
    }

    @Test
    void anApplicationListsEveryMaterialAndWaitsForAcceptance() {
        CaseFile c = received(17, null);
        assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
        assertThat(c.materials()).hasSize(c.item().materials().size()).containsValue(MaterialStatus.MISSING);
        assertThat(c.materials().values()).containsOnly(MaterialStatus.MISSING);
        assertThat(c.nextRole()).isEqualTo(Role.CLERK);
        assertThat(c.deadlineInput()).isEmpty();
        assertThat(c.catalogVersion()).isEqualTo(CATALOG.version());
        assertThat(CaseFile.unknownMaterials(c.item(), Map.of(99, MaterialStatus.PAPER)))
                .singleElement().asString().contains("没有第 99 项材料");
    }

    @Test
    void missingRequiredMaterialsBlockAcceptanceWithEveryReasonAtOnce() {
        CaseFile c = received(17, null);
        MaterialSpec first = c.item().materials().get(0);
        assertThatThrownBy(() -> c.decide(CLERK, Command.of(CaseAction.ACCEPT), MON, LARGE))
                .isInstanceOf(TransitionRefused.class)
                .satisfies(e -> assertThat(((TransitionRefused) e).reasons()).hasSizeGreaterThanOrEqualTo(2)
                        .anySatisfy(r -> assertThat(r).contains(first.name()))
                        .anySatisfy(r -> assertThat(r).contains("一份也未收到")));
        // the materials gate is not asked again later: it belongs to 受理
        CaseFile.Step accepted = received(17, MaterialStatus.PAPER).decide(CLERK, Command.of(CaseAction.ACCEPT), MON,
                LARGE);
        assertThat(accepted.after().state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(accepted.after().dates().acceptedOn()).isEqualTo(MON);
        assertThat(accepted.after().history()).singleElement()
                .satisfies(h -> assertThat(h.personId()).isEqualTo(CLERK.personId()));
        assertThat(accepted.before().state()).as("the case decided on is not changed").isEqualTo(CaseState.RECEIVED);
    }

    @Test
    void aStepIsRefusedForTheWrongRoleAndForTheSamePersonUnderAnotherAccount() {
        CaseFile accepted = received(17, MaterialStatus.PAPER).decide(CLERK, Command.of(CaseAction.ACCEPT), MON,
                LARGE).after();
        Command review = Command.withAmount(CaseAction.REVIEW, Money.ofFen(12_000));
        assertThatThrownBy(() -> accepted.decide(CLERK, review, MON, LARGE)).isInstanceOf(TransitionRefused.class);
        assertThatThrownBy(() -> accepted.decide(CLERK_AS_REVIEWER, review, MON, LARGE))
                .hasMessageContaining("受理人不得");
        assertThat(accepted.decide(REVIEWER, review, MON, LARGE).after().amounts().review())
                .isEqualTo(Money.ofFen(12_000));
    }

    @Test
    void amountsAreTakenOnlyWhereTheRulesTakeThemAndLargeOnesNeedConfirmation() {
        CaseFile c = received(17, MaterialStatus.PAPER);
        assertThatThrownBy(() -> c.decide(CLERK, Command.withAmount(CaseAction.ACCEPT, Money.ofFen(100)), MON,
                LARGE)).hasMessageContaining("不需要填写金额");
        CaseFile accepted = c.decide(CLERK, Command.of(CaseAction.ACCEPT), MON, LARGE).after();
        Command large = Command.withAmount(CaseAction.REVIEW, Money.ofFen(6_000_000));
        assertThatThrownBy(() -> accepted.decide(REVIEWER, large, MON, LARGE))
                .hasMessageContaining("超过大额确认线").hasMessageContaining("50000.00");
        CaseFile reviewed = accepted.decide(REVIEWER, large.confirmingLarge(), MON, LARGE).after();
        CaseFile rechecked = reviewed.decide(RECHECKER,
                Command.withAmount(CaseAction.RECHECK, Money.ofFen(6_000_000)).confirmingLarge(), MON, LARGE).after();
        assertThat(rechecked.payable()).contains(Money.ofFen(6_000_000));
        // 支付 without a typed amount pays the confirmed one, and adds it to what was paid
        CaseFile.Step pay = rechecked.decide(FINANCE, Command.of(CaseAction.PAY), MON, LARGE);
        assertThat(pay.command().amount()).isEqualTo(Money.ofFen(6_000_000));
        assertThat(pay.after().amounts().paid()).isEqualTo(Money.ofFen(6_000_000));
        assertThat(pay.after().state()).isEqualTo(CaseState.PAID);
    }

    @Test
    void aSupplementAfterAcceptancePausesTheClockAndResumingClosesThePause() {
        // items 25/26: 补正 after 受理 stops the clock (D86)
        CaseFile accepted = received(25, MaterialStatus.PAPER).decide(CLERK, Command.of(CaseAction.ACCEPT), MON,
                LARGE).after();
        CaseFile paused = accepted.decide(CLERK, Command.withReasons(CaseAction.REQUEST_SUPPLEMENT,
                List.of("缺少房屋租赁合同")), MON.plusDays(3), LARGE).after();
        assertThat(paused.state()).isEqualTo(CaseState.SUPPLEMENTING);
        assertThat(paused.resumeState()).isEqualTo(CaseState.ACCEPTED);
        assertThat(paused.pauses()).containsExactly(Pause.open(MON.plusDays(3)));
        CaseFile resumed = paused.decide(CLERK, Command.of(CaseAction.RESUME), MON.plusDays(8), LARGE).after();
        assertThat(resumed.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(resumed.pauses()).containsExactly(new Pause(MON.plusDays(3), MON.plusDays(8)));
        DeadlineInput in = resumed.deadlineInput().orElseThrow();
        assertThat(in.acceptedOn()).isEqualTo(MON);
        assertThat(in.workingDays()).isEqualTo(resumed.item().timeLimit().workingDays());
        assertThat(in.pauses()).hasSize(1);
        assertThat(in.capMonths()).isEqualTo(3);
    }

    @Test
    void aTransferCountsItsSecondPhaseFromTheDayOfTransferOut() {
        CaseFile accepted = received(10, MaterialStatus.PAPER).decide(CLERK, Command.of(CaseAction.ACCEPT), MON,
                LARGE).after();
        assertThat(accepted.deadlineInput().orElseThrow().workingDays())
                .isEqualTo(accepted.item().timeLimit().transferOutWorkingDays());
        CaseFile out = accepted.decide(CLERK, Command.of(CaseAction.TRANSFER_OUT), MON.plusDays(4), LARGE).after();
        DeadlineInput in = out.deadlineInput().orElseThrow();
        assertThat(in.acceptedOn()).isEqualTo(MON.plusDays(4));
        assertThat(in.workingDays()).isEqualTo(out.item().timeLimit().transferInWorkingDays());
        WorkingCalendar cal = WorkingCalendar.loadDefault();
        assertThat(out.deadline(new DeadlineEngine(cal), MON.plusDays(4)).orElseThrow().dueDate())
                .isEqualTo(cal.addWorkingDays(MON.plusDays(4), in.workingDays()));
    }

    @Test
    void materialsChangeOnlyBeforeAcceptanceOrDuringSupplementByAClerk() {
        CaseFile c = received(17, null);
        int no = c.item().materials().get(0).no();
        CaseFile ticked = c.withMaterials(Map.of(no, MaterialStatus.ELECTRONIC), CLERK);
        assertThat(ticked.materials()).containsEntry(no, MaterialStatus.ELECTRONIC);
        assertThat(c.materials()).containsEntry(no, MaterialStatus.MISSING);
        assertThatThrownBy(() -> c.withMaterials(Map.of(no, MaterialStatus.PAPER, 99, MaterialStatus.PAPER),
                REVIEWER)).isInstanceOf(TransitionRefused.class)
                .satisfies(e -> assertThat(((TransitionRefused) e).reasons()).hasSize(2));
        CaseFile accepted = received(17, MaterialStatus.PAPER).decide(CLERK, Command.of(CaseAction.ACCEPT), MON,
                LARGE).after();
        assertThatThrownBy(() -> accepted.withMaterials(Map.of(no, MaterialStatus.PAPER), CLERK))
                .hasMessageContaining("已受理");
    }

    @Test
    void anEndedCaseHasNoClockAndNoNextRole() {
        CaseFile refused = received(17, null).decide(CLERK, Command.withReasons(CaseAction.REFUSE,
                List.of("不属于受理范围")), MON, LARGE).after();
        assertThat(refused.state()).isEqualTo(CaseState.REFUSED);
        assertThat(refused.dates().closedOn()).isEqualTo(MON);
        assertThat(refused.nextRole()).isNull();
        assertThat(refused.deadlineInput()).isEmpty();
        assertThat(refused.available(CLERK)).isEmpty();
    }
}
