package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
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
 * A warning in the window (D97): the intake of item 23 with a bank card that fails the Luhn check. Accepting shows
 * the confirmation dialog with the warning; 返回修改 records nothing and keeps every value entered; 确认无误 records
 * the case with the confirmed warning on its timeline.
 */
class IntakeWarningsTest extends GuiTestBase {
    private static final AtomicInteger SEQ = new AtomicInteger(700);
    private Desk desk;
    private String personId;

    static String residentId(String birth) {
        String first17 = "230102" + birth + String.format("%03d", SEQ.incrementAndGet() % 1000);
        return first17 + Validators.residentIdCheckChar(first17);
    }

    static String nonLuhnCard() {
        String payload = "621700000000" + String.format("%06d", SEQ.incrementAndGet());
        char check = Validators.luhnCheckDigit(payload);
        return payload + (char) ('0' + (check - '0' + 1) % 10);
    }

    @SuppressWarnings("unchecked")
    private List<String> listed(Component root, String name) {
        JList<String> l = robot.finder().findByName((java.awt.Container) root, name, JList.class, false);
        return GuiActionRunner.execute(() -> {
            List<String> out = new ArrayList<>();
            if (!l.isShowing()) {
                return out;
            }
            for (int i = 0; i < l.getModel().getSize(); i++) {
                out.add(l.getModel().getElementAt(i));
            }
            return out;
        });
    }

    private int caseCount() {
        return desk.cases().list(new CaseService.CaseQuery(null, null, null, null, null, 10)).size();
    }

    @Test
    void confirmationDialogListsTheWarningAndGoingBackKeepsEverything() {
        desk = productionDesk();
        Actor clerk = desk.users().login("clerk", "passclerk1");
        personId = residentId("19800101");
        desk.registry().registerPerson(new RegistryService.PersonInput(IdType.RESIDENT_ID, personId, "张卡号",
                Gender.MALE, null, InsuranceType.EMPLOYEE, InsuredStatus.INSURED, null, "13812345678",
                "哈尔滨市道里区中央大街1号", null), clerk);
        ServiceItem item = desk.catalog().item(23);
        String card = nonLuhnCard();

        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
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
        assertThat(listed(main.target(), "intake.problems")).as("a Luhn failure is no problem of the form").isEmpty();
        for (MaterialSpec m : item.materials()) {
            click(main, "intake.material." + m.no() + ".PAPER");
        }
        click(main, "intake.nextStep");

        // 受理: the dialog lists the warning; 返回修改 records nothing
        click(main, "intake.accept");
        DialogFixture d = WindowFinder.findDialog("intake.warningsDialog").withTimeout(20, TimeUnit.SECONDS)
                .using(robot);
        assertThat(d.target().getTitle()).isEqualTo("请核对以下情况");
        screenshot(d.target(), "intake-warnings-dialog", true);
        assertThat(listed(d.target(), "intake.warnings.list")).singleElement().asString()
                .contains("银行卡号未通过校验位检查");
        assertThat(d.button("intake.warnings.confirm").text()).isEqualTo("确认无误");
        assertThat(d.button("intake.warnings.back").text()).startsWith("返回修改");
        press(d.button("intake.warnings.back"));
        waitIdle();
        assertThat(caseCount()).isZero();
        assertThat(listed(main.target(), "intake.problems")).anySatisfy(p -> assertThat(p).contains("尚未登记"))
                .anySatisfy(p -> assertThat(p).contains("银行卡号未通过校验位检查"));
        // back to the form: what was entered is still there
        click(main, "intake.back");
        click(main, "intake.back");
        assertThat(text(main, "intake.field.bankAccountNumber")).isEqualTo(card);
        assertThat(text(main, "intake.field.bankName")).isEqualTo("中国工商银行哈尔滨道里支行");
        click(main, "intake.back");
        assertThat(text(main, "intake.applicantId")).isEqualTo(personId);
        click(main, "intake.nextStep");
        click(main, "intake.nextStep");
        assertThat(text(main, "intake.material.1.status")).isNotEqualTo("未提供");
        click(main, "intake.nextStep");

        // 受理 again and 确认无误: recorded and accepted, the warning on the timeline
        click(main, "intake.accept");
        DialogFixture again = WindowFinder.findDialog("intake.warningsDialog").withTimeout(20, TimeUnit.SECONDS)
                .using(robot);
        press(again.button("intake.warnings.confirm"));
        waitIdle();
        JLabel state = find(main, "intake.result.state", JLabel.class);
        org.assertj.swing.timing.Pause.pause(new org.assertj.swing.timing.Condition("the result is shown") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> state.isShowing() && !state.getText().isBlank());
            }
        }, 20_000);
        assertThat(text(main, "intake.result.state")).isEqualTo(CaseState.ACCEPTED.label());
        CaseView v = desk.cases().show(text(main, "intake.result.caseNo"), null);
        assertThat(v.fields()).containsEntry("bankAccountNumber", card);
        assertThat(v.events().get(0).reasons()).singleElement().asString().contains("银行卡号未通过校验位检查");
        assertThat(v.events().get(0).note()).isEqualTo("经办人窗口乙已核对并确认以下1项提示无误");
    }
}
