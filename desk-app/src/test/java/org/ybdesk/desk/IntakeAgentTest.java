package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/**
 * 代他人申报 in the intake wizard (issue 13): the checkbox opens the agent's fields on the applicant step; a refused
 * agent (the applicant's own ID) is said on the last step and everything typed is still there on going back; fixed,
 * the case is recorded with its agent.
 */
class IntakeAgentTest extends GuiTestBase {
    static String residentId(String birth, int seq) {
        String first17 = "230102" + birth + String.format("%03d", seq);
        return first17 + Validators.residentIdCheckChar(first17);
    }

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
    void anAgentIsEnteredKeptOnARefusalAndRecorded() {
        Desk desk = productionDesk();
        String applicantId = residentId("19450301", 731);
        String agentId = residentId("19780909", 842);

        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        GuiActionRunner.execute(() -> main.target().setSize(1366, 768));
        main.focus();
        robot.pressAndReleaseKey(KeyEvent.VK_F2);
        waitIdle();
        setText(main, "intake.itemFilter", "8");
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        waitIdle();
        setText(main, "intake.applicantId", applicantId);
        setText(main, "intake.applicantName", "陈奶奶");
        JCheckBox box = find(main, "intake.agent.enabled", JCheckBox.class);
        assertThat(GuiActionRunner.execute(() -> box.isShowing())).isTrue();
        assertThat(GuiActionRunner.execute(() -> find(main, "intake.agent.id", JComponent.class).isShowing()))
                .isFalse();
        click(main, "intake.agent.enabled");
        waitIdle();
        // the applicant's own number as the agent's: refused when taken in
        setText(main, "intake.agent.id", applicantId);
        setText(main, "intake.agent.name", "陈小军");
        setText(main, "intake.agent.phone", "13900001111");
        // relation and authorisation start unchosen: the clerk picks them (the service names a missing one)
        assertThat(GuiActionRunner.execute(() -> find(main, "intake.agent.relation", javax.swing.JComboBox.class)
                .getSelectedIndex())).isEqualTo(-1);
        main.comboBox("intake.agent.relation").selectItem(IntakeAgent.RELATIONS.indexOf("子女"));
        main.comboBox("intake.agent.authorisation").selectItem(IntakeAgent.AUTHORISATIONS.indexOf("委托书"));
        waitIdle();
        screenshot(main, "intake-agent", true);

        click(main, "intake.nextStep");
        click(main, "intake.nextStep");
        for (MaterialSpec m : desk.catalog().item(8).materials()) {
            click(main, "intake.material." + m.no() + ".PAPER");
        }
        click(main, "intake.nextStep");
        assertThat(text(main, "intake.summary")).contains("代办人").contains("陈小军");
        click(main, "intake.accept");
        waitIdle();
        org.assertj.swing.timing.Pause.pause(new org.assertj.swing.timing.Condition("the refusal is shown") {
            @Override
            public boolean test() {
                return !problems(main).isEmpty();
            }
        }, 20_000);
        assertThat(problems(main)).anySatisfy(p -> assertThat(p).contains("代办人不能是申请人本人"))
                .noneSatisfy(p -> assertThat(p).contains("关系"));
        assertThat(desk.cases().list(new org.ybdesk.service.CaseService.CaseQuery(null, null, null, null, null, 10)))
                .isEmpty();

        // back on the applicant step: everything typed is still there; fix the agent's number
        click(main, "intake.back");
        click(main, "intake.back");
        click(main, "intake.back");
        assertThat(GuiActionRunner.execute(box::isSelected)).isTrue();
        assertThat(text(main, "intake.agent.id")).isEqualTo(applicantId);
        assertThat(text(main, "intake.agent.name")).isEqualTo("陈小军");
        assertThat(text(main, "intake.agent.phone")).isEqualTo("13900001111");
        assertThat(GuiActionRunner.execute(() -> find(main, "intake.agent.relation", javax.swing.JComboBox.class)
                .getSelectedItem())).isEqualTo("子女");
        setText(main, "intake.agent.id", agentId);
        click(main, "intake.nextStep");
        click(main, "intake.nextStep");
        click(main, "intake.nextStep");
        click(main, "intake.accept");
        JLabel state = find(main, "intake.result.state", JLabel.class);
        org.assertj.swing.timing.Pause.pause(new org.assertj.swing.timing.Condition("the result is shown") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> state.isShowing() && !state.getText().isBlank());
            }
        }, 30_000);
        assertThat(text(main, "intake.result.state")).isNotEqualTo(CaseState.RECEIVED.label());
        CaseView v = desk.cases().show(text(main, "intake.result.caseNo"), null);
        assertThat(v.agent()).isNotNull();
        assertThat(v.agent().idNumber()).isEqualTo(agentId);
        assertThat(v.agent().name()).isEqualTo("陈小军");
        assertThat(v.agent().relation()).isEqualTo("子女");
        assertThat(v.agent().authorisation()).isEqualTo("委托书");
    }
}
