package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.event.KeyEvent;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService;

/**
 * Issue 13: the intake's 补录 toggle. A paper of the recorded outage is entered with its real time and reference;
 * a time outside the outages or mistyped is refused on the decision step with everything typed kept; the case is
 * recorded with the paper's 收件 time. Screenshot docs/screenshots/intake-backfill.png at 1366×768.
 */
class IntakeBackfillTest extends GuiTestBase {

    @SuppressWarnings("unchecked")
    private List<String> problems(FrameFixture main) {
        JList<String> l = robot.finder().findByName(main.target(), "intake.problems", JList.class, false);
        return GuiActionRunner.execute(() -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; l.isShowing() && i < l.getModel().getSize(); i++) {
                out.add(l.getModel().getElementAt(i));
            }
            return out;
        });
    }

    @Test
    void backFillToggleKeepsWhatIsTypedAndRecordsThePapersTime() {
        Desk desk = productionDesk();
        Actor clerk = desk.users().login("clerk", "passclerk1");
        Actor head = desk.users().login("head", "passhead1");
        desk.outages().add("2026-11-20 08:00", "2026-11-21 18:00", null, "医保信息平台切换", null, head);
        String first17 = "230102198001010" + "17";
        String personId = first17 + Validators.residentIdCheckChar(first17);
        desk.registry().registerPerson(new RegistryService.PersonInput(IdType.RESIDENT_ID, personId, "补录甲",
                Gender.MALE, null, InsuranceType.EMPLOYEE, InsuredStatus.INSURED, null, "13812345678",
                "哈尔滨市道里区中央大街1号", null), clerk);
        ServiceItem item = desk.catalog().item(23);
        String payload = "621700000000123456";
        String card = payload + Validators.luhnCheckDigit(payload);

        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        GuiActionRunner.execute(() -> main.target().setSize(new Dimension(1366, 768)));
        main.focus();
        robot.pressAndReleaseKey(KeyEvent.VK_F2);
        waitIdle();
        setText(main, "intake.itemFilter", "23");
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        waitIdle();
        setText(main, "intake.applicantId", personId);
        GuiActionRunner.execute(() -> find(main, "intake.applicantId", JComponent.class).requestFocusInWindow());
        waitIdle();
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        waitIdle();
        click(main, "intake.nextStep");
        setText(main, "intake.field.bankAccountNumber", card);
        setText(main, "intake.field.bankName", "中国工商银行哈尔滨道里支行");
        click(main, "intake.nextStep");
        for (MaterialSpec m : item.materials()) {
            click(main, "intake.material." + m.no() + ".PAPER");
        }
        click(main, "intake.nextStep");

        // the toggle shows its two fields; a time outside the outage is refused naming the outage
        assertThat(find(main, "intake.backfill.occurredAt", JComponent.class).isShowing()).isFalse();
        click(main, "intake.backfill.toggle");
        assertThat(find(main, "intake.backfill.occurredAt", JComponent.class).isShowing()).isTrue();
        setText(main, "intake.backfill.occurredAt", "2026-11-24 10:30");
        setText(main, "intake.backfill.paperRef", "纸-2026-001");
        click(main, "intake.accept");
        assertThat(problems(main)).anySatisfy(p -> assertThat(p).contains("不在已登记的停机期间内")
                .contains("2026-11-20 08:00 至 2026-11-21 18:00（医保信息平台切换）"));
        assertThat(text(main, "intake.backfill.occurredAt")).isEqualTo("2026-11-24 10:30");
        assertThat(text(main, "intake.backfill.paperRef")).isEqualTo("纸-2026-001");
        screenshot(main, "intake-backfill", true);

        // a mistyped time is told before anything is sent, and kept
        setText(main, "intake.backfill.occurredAt", "2026-11-20 25:30");
        click(main, "intake.accept");
        assertThat(problems(main)).anySatisfy(p -> assertThat(p).contains("「2026-11-20 25:30」不是有效的时间"));
        assertThat(text(main, "intake.backfill.paperRef")).isEqualTo("纸-2026-001");
        assertThat(desk.cases().list(new CaseService.CaseQuery(null, null, null, null, null, 10))).isEmpty();

        setText(main, "intake.backfill.occurredAt", "2026-11-20 10:30");
        click(main, "intake.accept");
        JLabel state = find(main, "intake.result.state", JLabel.class);
        org.assertj.swing.timing.Pause.pause(new org.assertj.swing.timing.Condition("the result is shown") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> state.isShowing() && !state.getText().isBlank());
            }
        }, 20_000);
        assertThat(text(main, "intake.result.state")).isEqualTo(CaseState.ACCEPTED.label());
        CaseView v = desk.cases().show(text(main, "intake.result.caseNo"), null);
        assertThat(v.receivedAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 30));
        assertThat(v.enteredAt()).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
        assertThat(v.backfill().paperRef()).isEqualTo("纸-2026-001");
        assertThat(v.summary().acceptedOn()).isEqualTo(java.time.LocalDate.of(2026, 11, 20));
    }
}
