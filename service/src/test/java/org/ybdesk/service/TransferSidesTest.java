package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * Issue 13, item 10 both ways (D147–D149): a person arrives at desk A (转入: the clock from receiving 表8, the account
 * credited with 表8's amount), later moves on to desk B — A is the 转出地 (the balance off the account, status 转出, 表8
 * with the amount), B the 转入地 with A's 表8 typed in. Two real H2 folders; and the refund to a bank card.
 */
class TransferSidesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private static void register(DeskFixture f, Applicant ap) {
        f.desk.registry().registerPerson(new RegistryService.PersonInput(ap.idType(), ap.idNumber(), ap.name(), null,
                null, InsuranceType.EMPLOYEE, null, null, ap.phone(), null, null), f.clerk);
    }

    private static CaseView act(DeskFixture f, CaseView v, CaseAction a, org.ybdesk.core.lifecycle.Actor by) {
        return f.desk.cases().act(v.summary().caseNo(), Command.of(a), null, by);
    }

    private static Map<String, String> transferIn(String receivedOn, String amount) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("transferDirection", "转入");
        m.put("form8ReceivedOn", receivedOn);
        m.put("form8Amount", amount);
        return m;
    }

    private static Money balance(DeskFixture f, Applicant ap) {
        return f.desk.registry().findPerson(ap.idNumber()).orElseThrow().accountBalance();
    }

    @Test
    void outFromOneDeskAndInAtAnother() {
        Applicant ap = DeskFixture.person("陈十");
        try (DeskFixture a = new DeskFixture(dirA, DAY);
             DeskFixture b = new DeskFixture(dirB, DAY, "230103001", "哈尔滨市南岗区医疗保障中心", "南岗区医保中心")) {
            // --- A is the 转入地 first: the 5 working days run from the day 表8 arrived (Friday 2026-10-30)
            assertThatThrownBy(() -> a.desk.cases().act(a.create(10, ap, transferIn("2026-10-30", "3521.40"),
                    a.clerk).summary().caseNo(), Command.of(CaseAction.ACCEPT), null, a.clerk))
                    .hasMessageContaining("尚未在本地参保");
            register(a, ap);
            CaseView in = a.create(10, ap, transferIn("2026-10-30", "3521.40"), a.clerk);
            CaseView accepted = act(a, in, CaseAction.ACCEPT, a.clerk);
            assertThat(accepted.summary().deadline().dueDate()).isEqualTo(LocalDate.of(2026, 11, 6));
            assertThatThrownBy(() -> act(a, in, CaseAction.TRANSFER_OUT, a.clerk)).hasMessageContaining("转入");
            act(a, in, CaseAction.TRANSFER_IN, a.clerk);
            assertThatThrownBy(() -> a.desk.cases().act(in.summary().caseNo(), Command.withAmount(
                    CaseAction.MOVE_BALANCE, Money.parseYuan("3000").orElseThrow()), null, a.finance))
                    .hasMessageContaining("计入金额 3000.00 元与《信息表》个人账户实际转出资金 3521.40 元不一致");
            CaseView credited = act(a, in, CaseAction.MOVE_BALANCE, a.finance); // the amount is 表8's
            assertThat(credited.summary().state()).isEqualTo(CaseState.CLOSED);
            assertThat(balance(a, ap).toYuanString()).isEqualTo("3521.40");

            // --- two weeks later the person moves on: A is the 转出地
            a.clock.setDay(LocalDate.of(2026, 11, 16));
            Map<String, String> outFields = Map.of("transferDirection", "转出", "accountDisposal", "划转至转入地");
            CaseView out = a.create(10, ap, outFields, a.clerk);
            CaseView outAccepted = act(a, out, CaseAction.ACCEPT, a.clerk);
            // 转出 and 余额划转 within 10 working days of 受理
            assertThat(outAccepted.summary().deadline().dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(outAccepted.actions()).extracting(x -> x.action()).contains(CaseAction.TRANSFER_OUT)
                    .doesNotContain(CaseAction.TRANSFER_IN);
            CaseView transferred = act(a, out, CaseAction.TRANSFER_OUT, a.clerk);
            assertThat(transferred.summary().state()).isEqualTo(CaseState.TRANSFERRED_OUT);
            assertThat(transferred.summary().deadline().dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
            var person = a.desk.registry().findPerson(ap.idNumber()).orElseThrow();
            assertThat(person.accountBalance().fen()).isZero();
            assertThat(person.status()).isEqualTo(InsuredStatus.TRANSFERRED_OUT);
            // 表8 as printed: the balance taken off, in words and figures, and this region's period
            Map<String, String> form8 = a.desk.prints().model(out.summary().caseNo(), a.clerk).formValues();
            assertThat(form8).containsEntry("accountTransferAmount", "3521.40")
                    .containsEntry("accountTransferAmountInWords", "叁仟伍佰贰拾壹元肆角整")
                    .containsEntry("insuredPeriod", "2026年11月至2026年11月").containsEntry("contributionMonths", "1")
                    .containsEntry("transferOutAgencyName", "哈尔滨市道里区医疗保障中心")
                    .containsEntry("handledDate", "2026-11-16");
            assertThatThrownBy(() -> a.desk.cases().act(out.summary().caseNo(), Command.withAmount(
                    CaseAction.MOVE_BALANCE, Money.parseYuan("1").orElseThrow()), null, a.finance))
                    .hasMessageContaining("划转金额 1.00 元与转出时个人账户余额 3521.40 元不一致");
            CaseView moved = act(a, out, CaseAction.MOVE_BALANCE, a.finance);
            assertThat(moved.summary().state()).isEqualTo(CaseState.CLOSED);
            assertThat(moved.messages().get(0).text()).contains("办理的转移接续已完成");
            assertThat(balance(a, ap).fen()).isZero(); // the 转出 side moves money away, never credits it
            // a second 转出 of the same person is refused at 受理
            assertThatThrownBy(() -> act(a, a.create(10, ap, outFields, a.clerk), CaseAction.ACCEPT, a.clerk))
                    .hasMessageContaining("参保状态为「转出」");

            // --- B: the person joined B's insurance; B types in A's 表8, received on 2026-11-18
            b.clock.setDay(LocalDate.of(2026, 11, 19));
            register(b, ap);
            CaseView bIn = b.create(10, ap, transferIn("2026-11-18", form8.get("accountTransferAmount")), b.clerk);
            CaseView bAccepted = act(b, bIn, CaseAction.ACCEPT, b.clerk);
            assertThat(bAccepted.summary().deadline().dueDate()).isEqualTo(LocalDate.of(2026, 11, 25));
            act(b, bIn, CaseAction.TRANSFER_IN, b.clerk);
            assertThat(act(b, bIn, CaseAction.MOVE_BALANCE, b.finance).summary().state()).isEqualTo(CaseState.CLOSED);
            assertThat(balance(b, ap).toYuanString()).isEqualTo("3521.40");
        }
    }

    @Test
    void theBalanceIsRefundedToABankCardWhenTheDestinationTakesNoAccount() {
        Applicant ap = DeskFixture.person("褚十一");
        try (DeskFixture a = new DeskFixture(dirA, DAY)) {
            register(a, ap);
            CaseView in = a.create(10, ap, transferIn("2026-11-02", "808.00"), a.clerk);
            act(a, in, CaseAction.ACCEPT, a.clerk);
            act(a, in, CaseAction.TRANSFER_IN, a.clerk);
            act(a, in, CaseAction.MOVE_BALANCE, a.finance);

            Map<String, String> refund = new LinkedHashMap<>(Map.of("transferDirection", "转出", "accountDisposal",
                    "退还至本人银行卡"));
            // the card is required, and checked
            assertThatThrownBy(() -> a.create(10, ap, refund, a.clerk)).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("银行卡号").hasMessageContaining("开户银行");
            refund.put("bankName", "中国工商银行哈尔滨道里支行");
            refund.put("bankAccountNumber", "6217000000000000001");
            assertThatThrownBy(() -> a.create(10, ap, refund, a.clerk)).hasMessageContaining("银行卡号");
            String card = Samples.bankCard();
            refund.put("bankAccountNumber", card);
            CaseView out = a.create(10, ap, refund, a.clerk);
            act(a, out, CaseAction.ACCEPT, a.clerk);
            act(a, out, CaseAction.TRANSFER_OUT, a.clerk);
            Map<String, String> form8 = a.desk.prints().model(out.summary().caseNo(), a.clerk).formValues();
            assertThat(form8).containsEntry("accountTransferAmount", "808.00")
                    .containsEntry("accountTransferAmountInWords", "捌佰零捌元整")
                    .containsEntry("remark", "个人账户余额已退还至本人银行卡（中国工商银行哈尔滨道里支行，尾号"
                            + card.substring(card.length() - 4) + "）");
            assertThat(act(a, out, CaseAction.MOVE_BALANCE, a.finance).summary().state()).isEqualTo(CaseState.CLOSED);
            assertThat(balance(a, ap).fen()).isZero();
            assertThat(a.desk.db().dsl().fetchCount(org.ybdesk.db.jooq.Tables.AUDIT_LOG,
                    org.ybdesk.db.jooq.Tables.AUDIT_LOG.ACTION.eq("ACCOUNT_REFUND"))).isEqualTo(1);
        }
    }

    @Test
    void aCaseWithoutADirectionKeepsTheOneDeskFlow() {
        Applicant ap = DeskFixture.person("卫十二");
        try (DeskFixture a = new DeskFixture(dirA, DAY)) {
            register(a, ap);
            CaseView v = a.create(10, ap, Map.of(), a.clerk);
            act(a, v, CaseAction.ACCEPT, a.clerk);
            act(a, v, CaseAction.TRANSFER_OUT, a.clerk);
            act(a, v, CaseAction.TRANSFER_IN, a.clerk);
            a.desk.cases().act(v.summary().caseNo(), Command.withAmount(CaseAction.MOVE_BALANCE,
                    Money.parseYuan("12.30").orElseThrow()), null, a.finance);
            assertThat(balance(a, ap).toYuanString()).isEqualTo("12.30");
            assertThat(a.desk.registry().findPerson(ap.idNumber()).orElseThrow().status())
                    .isEqualTo(InsuredStatus.INSURED);
        }
    }
}
