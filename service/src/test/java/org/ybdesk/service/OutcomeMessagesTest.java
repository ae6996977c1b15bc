package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Availability;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Lifecycle;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * Issue 10, item 11, through the service: {date} is the day of the outcome (not the day received), {bank} the bank
 * the clerk recorded, {payee} the account holder only when it is not the applicant, no doubled punctuation.
 */
class OutcomeMessagesTest {
    private static final Set<CaseAction> NEGATIVE = EnumSet.of(CaseAction.REFUSE, CaseAction.REJECT,
            CaseAction.REQUEST_SUPPLEMENT, CaseAction.EVALUATE_FAIL);

    @TempDir
    Path dir;
    DeskFixture f;

    @BeforeEach
    void open() {
        f = new DeskFixture(dir, LocalDate.of(2026, 11, 2));
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Runs the case's positive steps to the end, one working day apart from Tuesday 2026-11-03. */
    CaseView runToEnd(String caseNo) {
        CaseView v = f.desk.cases().show(caseNo, null);
        LocalDate day = LocalDate.of(2026, 11, 3);
        while (!v.summary().state().terminal()) {
            f.clock.setDay(day);
            Availability next = f.desk.cases().show(caseNo, f.allRounder).actions().stream()
                    .filter(a -> !NEGATIVE.contains(a.action())).findFirst().orElseThrow();
            Role role = Lifecycle.possible(f.item(v.summary().itemNo()), v.summary().state()).get(next.action());
            // the amount is decided at 审核 and confirmed at 复核; 支付 pays it (D87)
            boolean decides = Lifecycle.decidesAmountAtReview(f.item(v.summary().itemNo()))
                    && (next.action() == CaseAction.REVIEW || next.action() == CaseAction.RECHECK);
            Command cmd = decides ? Command.withAmount(next.action(), Money.ofFen(12_345)) : Command.of(next.action());
            v = f.desk.cases().act(caseNo, cmd, null, f.actorFor(role));
            day = day.plusDays(1);
        }
        return v;
    }

    @Test
    void aRejectionIsDatedTheDayOfTheRejectionWithoutDoubledPunctuation() {
        CaseView v = f.create(16, DeskFixture.person("王八"), Map.of(), f.clerk);
        f.desk.cases().act(v.summary().caseNo(), Command.of(CaseAction.ACCEPT), null, f.clerk);
        f.clock.setDay(LocalDate.of(2026, 11, 5));
        CaseView r = f.desk.cases().act(v.summary().caseNo(), Command.withReasons(CaseAction.REJECT,
                List.of("诊断证明不符合病种认定标准。", "缺少近6个月病历；")), null, f.reviewer);
        assertThat(r.summary().state()).isEqualTo(CaseState.REJECTED);
        assertThat(r.messages().get(0).text())
                .isEqualTo("【道里区医保中心】尊敬的王八，您于2026年11月5日，办理的门诊慢特病种待遇申请认定未通过。"
                        + "原因为：诊断证明不符合病种认定标准；缺少近6个月病历。如有疑问，请咨询0451-84661234（电话）。");
    }

    @Test
    void aReimbursementToTheApplicantsOwnAccountNamesTheBankAndTheOutcomeDay() {
        String card = Samples.bankCard();
        Map<String, String> fields = Map.of("bankName", "中国工商银行", "bankAccountNumber", card);
        CaseView v = f.create(17, DeskFixture.person("周五"), fields, f.clerk);
        CaseView done = runToEnd(v.summary().caseNo());
        assertThat(done.summary().state()).isEqualTo(CaseState.CLOSED);
        LocalDate closed = done.events().get(done.events().size() - 1).at().toLocalDate();
        String day = closed.getYear() + "年" + closed.getMonthValue() + "月" + closed.getDayOfMonth() + "日";
        assertThat(done.messages()).anySatisfy(m -> assertThat(m.text())
                .contains("您申请的门（急）诊费用报销已于" + day + "完成，报销金额123.45元，已划入中国工商银行尾号为" + card.substring(card.length() - 4) + "的账户")
                .doesNotContain("2026年11月2日").doesNotContain("周五的"));
    }

    @Test
    void anotherAccountHoldersNameIsTheOnlyPayeeNamed() {
        String card = Samples.bankCard();
        Map<String, String> fields = Map.of("bankName", "中国农业银行", "bankAccountNumber", card,
                "bankAccountName", "周六");
        CaseView v = f.create(17, DeskFixture.person("周五"), fields, f.clerk);
        CaseView done = runToEnd(v.summary().caseNo());
        assertThat(done.messages()).anySatisfy(m -> assertThat(m.text())
                .contains("已划入周六的中国农业银行尾号为" + card.substring(card.length() - 4) + "的账户"));
    }
}
