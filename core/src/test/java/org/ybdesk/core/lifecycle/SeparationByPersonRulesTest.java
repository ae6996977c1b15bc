package org.ybdesk.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.lifecycle.CaseAction.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.money.Money;

/** The lifecycle's separation of duties compares persons (staff ID numbers), and covers 支付 on high-risk items. */
class SeparationByPersonRulesTest {
    static final Catalog CATALOG = Catalog.loadDefault();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    static final String P1 = "230102198001010011";
    static final String P2 = "230102198501010012";

    static CaseSnapshot at(int itemNo, CaseState state, ActionRecord... history) {
        ServiceItem item = CATALOG.item(itemNo);
        return new CaseSnapshot(item, state, null, List.of(history), null, null, null);
    }

    static Actor actor(long id, String person, Role... roles) {
        return new Actor(id, "某人", Set.of(roles), person);
    }

    @Test
    void anotherAccountOfTheSamePersonIsTheSamePerson() {
        Command review = Command.withAmount(REVIEW, Money.ofFen(12_000));
        CaseSnapshot c = at(17, CaseState.ACCEPTED, new ActionRecord(ACCEPT, 1, P1));
        assertThatThrownBy(() -> Lifecycle.decide(c, actor(2, P1, Role.REVIEWER), review, TODAY))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("受理人不得");
        assertThat(Lifecycle.decide(c, actor(3, P2, Role.REVIEWER), review, TODAY).to())
                .isEqualTo(CaseState.REVIEWED);
        // A step without a person still counts for its own account.
        CaseSnapshot old = at(17, CaseState.ACCEPTED, new ActionRecord(ACCEPT, 3, null));
        assertThatThrownBy(() -> Lifecycle.decide(old, actor(3, P2, Role.CLERK, Role.REVIEWER), review,
                TODAY)).hasMessageContaining("受理人不得");
    }

    @Test
    void aHighRiskPayerTookNoEarlierStepAndAllOfThemAreNamed() {
        // 已审批 on item 17 is a case taken before the catalog dropped 审批 there (D85): it goes on with 支付, and
        // having no amount decided at review it still takes the amount typed at payment.
        CaseSnapshot c = at(17, CaseState.APPROVED, new ActionRecord(ACCEPT, 1, P1), new ActionRecord(REVIEW, 2, P2),
                new ActionRecord(RECHECK, 3, "230102199001010013"), new ActionRecord(APPROVE, 4, P1));
        Command pay = Command.withAmount(PAY, Money.ofFen(100));
        assertThatThrownBy(() -> Lifecycle.decide(c, actor(9, P1, Role.FINANCE), pay, TODAY))
                .hasMessageContaining("「受理、审批通过」").hasMessageContaining("不得同时办理「支付」");
        assertThat(Lifecycle.decide(c, actor(9, "230102199501010014", Role.FINANCE), pay, TODAY).to())
                .isEqualTo(CaseState.PAID);
        // Medium risk (19): no rule for 支付.
        CaseSnapshot medium = at(19, CaseState.APPROVED, new ActionRecord(APPROVE, 4, P1));
        assertThat(Lifecycle.decide(medium, actor(9, P1, Role.FINANCE), pay, TODAY).to()).isEqualTo(CaseState.PAID);
    }

    @Test
    void anAccountWithoutAPersonTakesNoStep() {
        CaseSnapshot c = at(8, CaseState.RECEIVED);
        Actor nobody = actor(5, null, Role.CLERK);
        assertThat(nobody.hasPerson()).isFalse();
        assertThatThrownBy(() -> Lifecycle.decide(c, nobody, Command.of(ACCEPT), TODAY))
                .hasMessageContaining("尚未登记本人身份证号");
        assertThat(Lifecycle.available(c, nobody)).allSatisfy(a -> assertThat(a.allowed()).isFalse());
    }
}
