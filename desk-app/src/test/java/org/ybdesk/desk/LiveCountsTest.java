package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.JLabel;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/**
 * Issue 15, point 10: 待上传 and the workbench counts change right after each commit — here commits made outside
 * the window (as the command line or the sync thread make them) — without F5.
 */
class LiveCountsTest extends GuiTestBase {

    @Test
    void countsFollowEachCommitWithoutRefresh() throws Exception {
        Desk d = productionDesk();
        Actor clerk = d.users().login("clerk", "passclerk1");
        FrameFixture main = login(Mode.PRODUCTION, "all", "passall1");
        JLabel toAccept = find(main, "card.toAccept.value", JLabel.class);
        JLabel sync = find(main, "status.sync", JLabel.class);
        awaitText(toAccept, "0");
        awaitContains(sync, "待上传 0");

        // a case taken in by another program on the same desk (a thread that is not the window's)
        Thread t = new Thread(() -> CaseTestData.create(d, 16, "李四", clerk));
        t.start();
        t.join();
        awaitText(toAccept, "1");
        awaitContains(sync, "待上传 1");

        Thread t2 = new Thread(() -> CaseTestData.create(d, 16, "王五", clerk));
        t2.start();
        t2.join();
        awaitText(toAccept, "2");
        awaitContains(sync, "待上传 2");
        assertThat(GuiActionRunner.execute(() -> l(main).getText())).isEqualTo("2");
    }

    private JLabel l(FrameFixture main) {
        return find(main, "card.toAccept.value", JLabel.class);
    }

    private void awaitText(JLabel l, String expected) {
        Pause.pause(new Condition(l.getName() + " shows " + expected) {
            @Override
            public boolean test() {
                return expected.equals(GuiActionRunner.execute(() -> l.getText()));
            }
        }, 10_000);
    }

    private void awaitContains(JLabel l, String expected) {
        Pause.pause(new Condition(l.getName() + " contains " + expected) {
            @Override
            public boolean test() {
                String s = GuiActionRunner.execute(() -> l.getText());
                return s != null && s.contains(expected);
            }
        }, 10_000);
    }
}
