package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.JTable;
import javax.swing.JTextField;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.service.Mode;

/**
 * Issue 15, point 6: what a scanner types right after F2 (fast, ending with Enter) lands in the intake's first field
 * — every key, in order — even though the keys were queued before the intake existed.
 */
class ScannerAfterF2Test extends GuiTestBase {

    @Test
    void keysTypedRightAfterF2LandInTheItemFilterAndEnterPicksTheItem() {
        productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        JTable table = find(main, "workbench.table", JTable.class);
        ScreensTestSupport.focus(table);
        // "16" and Enter, queued together with F2 before the intake is built
        ScreensTestSupport.postF2ThenType(table, "16\n");
        waitIdle();
        JTextField filter = find(main, "intake.itemFilter", JTextField.class);
        assertThat(GuiActionRunner.execute(() -> filter.getText())).isEqualTo("16");
        // Enter picked item 16: the wizard is on the applicant step with its ID field focused
        JTextField id = find(main, "intake.applicantId", JTextField.class);
        ScreensTestSupport.awaitFocus(id, "the applicant's ID field");
        assertThat(GuiActionRunner.execute(() -> ((MainFrame) main.target()).keys().holding())).isFalse();
        screenshot(main, "intake-after-scan-1366", false);
    }

    @Test
    void aSecondScanIntoAnEmptyIntakeAlsoArrivesWhole() {
        productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        JTable table = find(main, "workbench.table", JTable.class);
        ScreensTestSupport.focus(table);
        ScreensTestSupport.postF2ThenType(table, "居民");
        waitIdle();
        JTextField filter = find(main, "intake.itemFilter", JTextField.class);
        assertThat(GuiActionRunner.execute(() -> filter.getText())).isEqualTo("居民");
        ScreensTestSupport.awaitFocus(filter, "the item filter");
    }
}
