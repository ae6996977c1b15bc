package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.service.Mode;

/**
 * Issue 14 (D165): the counter's scanner types what the receipt's QR code holds into the search field (F3) and ends
 * with Enter — the progress address with the case number, or the case number alone — and the case opens; any other
 * text is searched for as before.
 */
class QrScanTest extends GuiTestBase {

    @Test
    void aScannedProgressAddressOrCaseNumberOpensTheCase() throws Exception {
        var desk = productionDesk();
        var admin = desk.users().login("admin", "passadmin1");
        var clerk = desk.users().login("clerk", "passclerk1");
        desk.setup().setProgressUrl("https://ybj.hl.gov.cn/jdcx?bh={caseNo}&src=qr", admin);
        String no = CaseTestData.create(desk, 12, "王䶮", clerk).summary().caseNo();
        CaseTestData.act(desk, no, CaseAction.ACCEPT, clerk);
        String other = CaseTestData.create(desk, 12, "李四", clerk).summary().caseNo();

        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        // the scanner is a keyboard: F3, the characters of the code, Enter
        main.pressAndReleaseKeys(KeyEvent.VK_F3);
        main.textBox("search.box").requireFocused();
        main.textBox("search.box").enterText("https://ybj.hl.gov.cn/jdcx?bh=" + no + "&src=qr\n");
        waitIdle();
        main.label("case.header.caseNo").requireText(no);
        assertThat(main.textBox("search.box").text()).isEqualTo(no);

        // the code of a desk without a progress address holds the number alone
        main.pressAndReleaseKeys(KeyEvent.VK_F3);
        main.textBox("search.box").enterText(other + "\n");
        waitIdle();
        main.label("case.header.caseNo").requireText(other);

        // a name is still a search, not a case
        main.pressAndReleaseKeys(KeyEvent.VK_F3);
        main.textBox("search.box").deleteText().enterText("王䶮\n");
        waitIdle();
        assertThat(GuiActionRunner.execute(() -> find(main, "searchPanel", java.awt.Component.class).isShowing()))
                .isTrue();
        assertThat(text(main, "search.text")).isEqualTo("王䶮");
    }
}
