package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/** Issue 15, point 6: F2 starts an intake from every screen, a focused table included (it used to start editing). */
class F2EverywhereTest extends GuiTestBase {

    @Test
    void f2FromAFocusedTableOnEveryScreenStartsAnIntake() {
        Desk d = productionDesk();
        Actor all = d.users().login("all", "passall1");
        String caseNo = CaseTestData.create(d, 16, "张三丰", all).summary().caseNo();
        FrameFixture main = login(Mode.PRODUCTION, "all", "passall1");
        MainFrame frame = (MainFrame) main.target();

        // the workbench's table has the focus and a case selected
        pressF2In(main, find(main, "workbench.table", JTable.class));
        // the search results
        GuiActionRunner.execute(() -> frame.searchFor("张三丰"));
        waitIdle();
        pressF2In(main, find(main, "search.results", JTable.class));
        // a case's timeline
        GuiActionRunner.execute(() -> frame.openCase(caseNo));
        waitIdle();
        pressF2In(main, find(main, "case.timeline", JTable.class));
        // the sync screen's table and the search box
        GuiActionRunner.execute(frame::showSync);
        waitIdle();
        pressF2In(main, find(main, "sync.table", JTable.class));
        GuiActionRunner.execute(frame::showHome);
        waitIdle();
        pressF2In(main, find(main, "search.box", JTextField.class));
        // no table of the window keeps a binding of its own for F2
        for (String name : new String[] {"workbench.table", "search.results"}) {
            JTable t = find(main, name, JTable.class);
            Object bound = t.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                    .get(KeyStroke.getKeyStroke(KeyEvent.VK_F2, 0));
            assertThat(bound).as(name).isEqualTo("none");
        }
    }

    /** Focuses {@code c}, presses F2 with the robot (a real key), and expects the intake's first field focused. */
    private void pressF2In(FrameFixture main, JComponent c) {
        ScreensTestSupport.focus(c);
        robot.pressAndReleaseKeys(KeyEvent.VK_F2);
        waitIdle();
        JTextField filter = find(main, "intake.itemFilter", JTextField.class);
        ScreensTestSupport.awaitFocus(filter, "the intake's item filter after F2 in " + c.getName());
        assertThat(GuiActionRunner.execute(() -> c instanceof JTable t && t.isEditing())).as("no cell editing")
                .isFalse();
    }
}
