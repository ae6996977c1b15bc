package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import javax.swing.JComboBox;
import javax.swing.JTextField;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.ybdesk.service.Mode;

/**
 * Issue 15, point 6: fields the applicant step pre-filled are never wiped — not by Enter moving through them, not by
 * a choice box reacting to digits typed while it has the focus, not by a key typed after Enter moved there.
 */
class PrefilledKeptTest extends GuiTestBase {

    private void key(int code) {
        robot.pressAndReleaseKey(code);
        waitIdle();
        Pause.pause(60);
        waitIdle();
    }

    private static boolean isFormField(java.awt.Component c) {
        return c != null && c.getName() != null && c.getName().startsWith("intake.field.");
    }

    @Test
    void enterAndDigitsKeepWhatWasPrefilled() {
        productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        GuiActionRunner.execute(() -> ((MainFrame) main.target()).newCase());
        waitIdle();
        JTextField filter = find(main, "intake.itemFilter", JTextField.class);
        ScreensTestSupport.awaitFocus(filter, "the item filter");
        setText(main, "intake.itemFilter", "3");
        key(KeyEvent.VK_ENTER);
        String id = CaseTestData.residentId("20100315", false);
        JTextField idField = find(main, "intake.applicantId", JTextField.class);
        ScreensTestSupport.awaitFocus(idField, "the ID field");
        setText(main, "intake.applicantId", id);
        key(KeyEvent.VK_ENTER);
        setText(main, "intake.applicantName", "李小梅");
        key(KeyEvent.VK_ENTER);
        setText(main, "intake.applicantPhone", "13900001111");
        key(KeyEvent.VK_ENTER);
        // step 3: the form holds what the applicant step knows
        assertThat(text(main, "intake.field.name")).isEqualTo("李小梅");
        assertThat(text(main, "intake.field.idNumber")).isEqualTo(id);
        @SuppressWarnings("unchecked")
        JComboBox<String> idType = find(main, "intake.field.idType", JComboBox.class);
        String type = GuiActionRunner.execute(() -> String.valueOf(idType.getSelectedItem()));
        assertThat(type).isEqualTo("居民身份证");

        // digits typed while the pre-filled choice has the focus do not change it (they used to pick option n)
        ScreensTestSupport.focus(idType);
        key(KeyEvent.VK_2);
        key(KeyEvent.VK_3);
        assertThat(GuiActionRunner.execute(() -> String.valueOf(idType.getSelectedItem()))).isEqualTo("居民身份证");

        // Enter moving into a pre-filled text field leaves its text unselected: the next key cannot replace it
        JTextField name = find(main, "intake.field.name", JTextField.class);
        GuiActionRunner.execute(() -> IntakeKeys.focus(name));
        ScreensTestSupport.awaitFocus(name, "the form's name");
        assertThat(GuiActionRunner.execute(() -> name.getSelectedText())).isNull();
        key(KeyEvent.VK_END);

        // Enter through the rest of the form (until the focus leaves it): every pre-filled value stays
        for (int i = 0; i < 30 && isFormField(ScreensTestSupport.focusOwner()); i++) {
            key(KeyEvent.VK_ENTER);
        }
        assertThat(text(main, "intake.field.name")).isEqualTo("李小梅");
        assertThat(text(main, "intake.field.idNumber")).isEqualTo(id);
        assertThat(GuiActionRunner.execute(() -> String.valueOf(idType.getSelectedItem()))).isEqualTo("居民身份证");
    }
}
