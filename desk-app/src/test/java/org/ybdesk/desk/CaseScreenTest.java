package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JFileChooserFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.money.Money;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.EventView;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/**
 * The case screen driven as a person would: separation of duties shown on the buttons, steps with reasons and
 * amounts, attachments imported and viewed, notes, messages and the deadline badge.
 */
class CaseScreenTest extends GuiTestBase {
    /** 门诊慢特病病种待遇认定: high risk, 审核 → 审批, 20 working days. */
    private static final int CHRONIC = 16;
    /** 门（急）诊费用报销: very high risk, 审核 → 复核 → 审批 → 支付. */
    private static final int OUTPATIENT = 17;

    @org.junit.jupiter.api.BeforeEach
    void steadierRobot() {
        // a tooltip window appearing under the pointer can swallow the robot's next click
        GuiActionRunner.execute(() -> javax.swing.ToolTipManager.sharedInstance().setEnabled(false));
        // AssertJ Swing's default pacing: under Xvfb faster posting now and then loses a click
        robot.settings().delayBetweenEvents(60);
        robot.settings().eventPostingDelay(100);
    }

    /**
     * Waits until no background work is pending — and still none after the event queue went idle, since events
     * handled meanwhile may have started more.
     */
    @Override
    protected void waitIdle() {
        for (int i = 0; i < 50; i++) {
            super.waitIdle();
            if (Background.pending() == 0) {
                return;
            }
        }
    }

    /**
     * Leaves nothing behind for the next test: background work finished (else closing the desk under a running task
     * would raise a problem dialog later) and no dialog left open (a modal one would swallow every click of the next
     * test).
     */
    @org.junit.jupiter.api.AfterEach
    void leaveNothingBehind() {
        waitIdle();
        List<String> left = GuiActionRunner.execute(() -> Arrays.stream(Window.getWindows())
                .filter(w -> w.isShowing() && w instanceof javax.swing.JDialog)
                .map(w -> {
                    String what = w.getClass().getSimpleName() + "[" + w.getName() + "]";
                    w.dispose();
                    return what;
                }).toList());
        if (!left.isEmpty()) {
            System.err.println("CaseScreenTest: dialogs left open and closed: " + left);
        }
        GuiActionRunner.execute(() -> javax.swing.ToolTipManager.sharedInstance().setEnabled(true));
    }

    /**
     * {@link GuiTestBase#login} with a second try: under Xvfb the robot's click on 登录 is now and then lost (the
     * login window stays, the button enabled, no message) — then it clicks again.
     */
    @Override
    protected FrameFixture login(Mode mode, String user, String password) {
        FrameFixture w = loginWindow(mode);
        settle();
        w.textBox("login.username").setText(user);
        w.textBox("login.password").setText(password);
        GenericTypeMatcher<MainFrame> shown = new GenericTypeMatcher<>(MainFrame.class) {
            @Override
            protected boolean isMatching(MainFrame frame) {
                return frame.isShowing();
            }
        };
        for (int attempt = 1; ; attempt++) {
            // without a window manager the window's real place can differ from what Java believes (the robot's
            // click then lands on nothing): place it explicitly first
            int x = 100 + attempt * 10;
            GuiActionRunner.execute(() -> w.target().setLocation(x, 100));
            settle();
            press(w.button("login.submit"));
            try {
                FrameFixture main = WindowFinder.findFrame(shown).withTimeout(10, TimeUnit.SECONDS).using(robot);
                waitIdle();
                return main;
            } catch (org.assertj.swing.exception.WaitTimedOutError e) {
                boolean lost = GuiActionRunner.execute(() -> w.target().isShowing()
                        && w.button("login.submit").target().isEnabled()
                        && w.label("login.message").target().getText().isBlank());
                if (attempt == 3 || !lost) {
                    throw e;
                }
            }
        }
    }

    /**
     * Lets a window that just appeared settle: under Xvfb (no window manager) its place on screen can lag behind
     * what Java reports for a moment, and a click then lands beside it.
     */
    private void settle() {
        waitIdle();
        Pause.pause(300);
        waitIdle();
    }

    /**
     * Puts a window that just appeared at a fixed place and lets it settle: without a window manager its real place
     * on the Xvfb screen can differ from the one Java reports, and the robot's clicks then land on nothing.
     */
    private void place(Window w) {
        GuiActionRunner.execute(() -> w.setLocation(140, 130));
        settle();
    }

    private Actor actor(String user) {
        return productionDesk().users().login(user, "pass" + user + "1");
    }

    private CasePanel casePanel(FrameFixture main) {
        return (CasePanel) main.panel("case").target();
    }

    /** Opens a case as the search box does: a whole case number and Enter open it (issue 14, D165: as scanned). */
    private void openViaSearch(FrameFixture main, String caseNo) {
        main.textBox("search.box").click();
        main.textBox("search.box").setText(caseNo);
        main.textBox("search.box").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitIdle();
        main.label("case.header.caseNo").requireText(caseNo);
    }

    private void openDirectly(FrameFixture main, String caseNo) {
        GuiActionRunner.execute(() -> ((MainFrame) main.target()).openCase(caseNo));
        waitIdle();
        main.label("case.header.caseNo").requireText(caseNo);
    }

    private void logout(FrameFixture main) {
        GuiActionRunner.execute(() -> main.target().dispose());
        waitIdle();
    }

    private static String tooltip(javax.swing.JComponent c) {
        return GuiActionRunner.execute(() -> c.getToolTipText());
    }

    private DialogFixture dialog(String name) {
        DialogFixture d = WindowFinder.findDialog(name).withTimeout(10, TimeUnit.SECONDS).using(robot);
        place(d.target());
        return d;
    }

    private String[][] timeline(FrameFixture main) {
        return main.table("case.timeline").contents();
    }

    // -------------------------------------------------------------------------------------------- tests

    /**
     * Issue 12: on a desk that knows its organisation (a township service point under its county), accepting an
     * item-17 reimbursement forwards it (the routing sends 审核 to the county): the case screen says 待移交 and takes
     * no further step; once the province confirmed, the copy is read-only, says where the case waits, and offers 领取.
     */
    @Test
    void aCaseForwardedToTheCountyIsReadOnlyHereAndSaysWhereItIs() {
        Desk desk = productionDesk();
        // the province's reference data as it sends it (AGENCIES: the agency tree; ROUTING: 审核 of item 17 at the county)
        new org.ybdesk.service.SyncStore(desk).applyReference(1, List.of(
                new org.ybdesk.service.SyncStore.ReferenceEntry("AGENCIES", "all", 1, "[{\"code\":\"230102000\","
                        + "\"name\":\"哈尔滨市道里区医疗保障局经办中心\",\"admdvs\":\"230102\",\"level\":\"COUNTY\"},"
                        + "{\"code\":\"230102001\",\"name\":\"哈尔滨市道里区医疗保障中心\",\"admdvs\":\"230102\","
                        + "\"level\":\"TOWNSHIP\",\"parent_code\":\"230102000\"}]"),
                new org.ybdesk.service.SyncStore.ReferenceEntry("ROUTING", "*", 1, "{\"admdvs\":\"*\",\"items\":"
                        + "{\"17\":{\"ACCEPT\":\"TOWNSHIP\",\"*\":\"COUNTY\"}}}")));
        Actor clerk = actor("clerk");
        String caseNo = CaseTestData.create(desk, OUTPATIENT, "赵移交", clerk).summary().caseNo();
        CaseTestData.act(desk, caseNo, CaseAction.ACCEPT, clerk);

        FrameFixture main = login(Mode.PRODUCTION, "all", "passall1");
        openDirectly(main, caseNo);
        main.panel("case.holding").requireVisible();
        assertThat(main.label("case.holding.text").text()).contains("待移交");
        main.label("case.actions.none").requireVisible();
        assertThat(main.label("case.whyNot").text()).contains("待省平台确认");

        // the province acknowledged the forward: the case waits in the county's pool, this desk only reads it
        desk.db().write(tx -> {
            desk.holdings().handOffAnswered(tx, caseNo, true);
            return null;
        });
        openDirectly(main, caseNo);
        assertThat(main.label("case.holding.text").text()).contains("只读");
        main.button("case.holding.claim").requireVisible();
        main.label("case.actions.none").requireVisible();
        assertThat(main.label("case.whyNot").text()).contains("请先点「领取」");
        screenshot(main, "case-holding-read-only", true);
        logout(main);
    }

    @Test
    void separationOfDutiesShowsOnTheButtonsAndTheReviewerReviews() {
        Desk desk = productionDesk();
        Actor all = actor("all");
        String caseNo = CaseTestData.create(desk, CHRONIC, "张三", all).summary().caseNo();
        CaseTestData.act(desk, caseNo, CaseAction.ACCEPT, all);

        FrameFixture main = login(Mode.PRODUCTION, "all", "passall1");
        openViaSearch(main, caseNo);
        main.label("case.header.item").requireText(CHRONIC + " " + desk.catalog().item(CHRONIC).name());
        main.label("case.header.state").requireText(CaseState.ACCEPTED.label());
        assertThat(main.label("case.header.id").text()).contains("********").doesNotContain("19800101");
        main.button("case.action.REVIEW").requireDisabled();
        assertThat(tooltip(main.button("case.action.REVIEW").target())).contains("受理人不得同时办理「审核通过」");
        assertThat(main.label("case.whyNot").text()).contains("审核通过").contains("受理人不得同时办理");
        // 补正 happens before 受理: an accepted case (other than 25/26) offers none (D15)
        assertThat(main.panel("case.actionButtons").target().getComponents())
                .noneMatch(c -> "case.action.REQUEST_SUPPLEMENT".equals(c.getName()));
        screenshot(main, "case-separation-of-duties", true);
        logout(main);

        main = login(Mode.PRODUCTION, "reviewer", "passreviewer1");
        openViaSearch(main, caseNo);
        main.button("case.action.REVIEW").requireEnabled();
        main.button("case.action.REJECT").requireEnabled();
        main.textBox("case.action.note").setText("病历资料齐全，符合认定条件");
        press(main.button("case.action.REVIEW"));
        waitIdle();
        main.label("case.header.state").requireText(CaseState.REVIEWED.label());
        String[][] rows = timeline(main);
        assertThat(rows.length).isEqualTo(3);
        assertThat(rows[2][1]).isEqualTo("审核通过");
        assertThat(rows[2][2]).isEqualTo("审核丁");
        assertThat(rows[2][3]).isEqualTo(CaseState.REVIEWED.label());
        assertThat(rows[2][5]).isEqualTo("病历资料齐全，符合认定条件");
        assertThat(rows[0][2]).isEqualTo("全能辛");
        assertThat(main.label("case.feedback").text()).contains("审核通过");
        main.textBox("case.action.note").requireText("");
        // the reviewer has nothing left to do: 办结 (no 审批 on item 16, D85) is the window clerk's
        assertThat(main.panel("case.actionButtons").target().getComponents())
                .noneMatch(c -> c instanceof JButton b && b.isEnabled());
        main.toggleButton("case.showId").click();
        assertThat(main.label("case.header.id").text()).doesNotContain("*");
        main.toggleButton("case.showId").click();
        screenshot(main, "case-timeline", true);

        // Esc goes back to the workbench
        main.table("case.timeline").pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitIdle();
        main.panel("workbench").requireVisible();
    }

    @Test
    void headHasNoShowIdToggle() {
        Desk desk = productionDesk();
        String caseNo = CaseTestData.create(desk, CHRONIC, "李四", actor("clerk")).summary().caseNo();
        FrameFixture main = login(Mode.PRODUCTION, "head", "passhead1");
        openDirectly(main, caseNo);
        assertThat(GuiActionRunner.execute(() -> main.robot().finder().findByName(main.target(), "case.showId", false)
                .isVisible())).isFalse();
        main.button("case.action.ACCEPT").requireDisabled();
        assertThat(main.label("case.deadline").text()).contains("尚未受理");
    }

    @Test
    void rejectWithTwoReasonsStoresBothAndTheMessageShows() {
        Desk desk = productionDesk();
        String caseNo = CaseTestData.create(desk, CHRONIC, "王芳", actor("clerk")).summary().caseNo();
        CaseTestData.act(desk, caseNo, CaseAction.ACCEPT, actor("clerk"));

        FrameFixture main = login(Mode.PRODUCTION, "reviewer", "passreviewer1");
        openDirectly(main, caseNo);
        press(main.button("case.action.REJECT"));
        DialogFixture d = dialog("case.dialog");
        // nothing typed: the dialog says so and stays open
        press(d.button("case.reasons.ok"));
        assertThat(d.label("case.dialog.error").text()).contains("请至少填写一条原因");
        d.label("case.confirm.warning").requireVisible();
        d.textBox("case.reasons").setText("病历资料不能证明已确诊该病种\n\n检查报告已超过有效期（6个月）\n");
        screenshot(main, "case-reject-main", false);
        screenshot(d.target(), "case-reject-dialog", true);
        press(d.button("case.reasons.ok"));
        waitIdle();

        CaseView stored = desk.cases().show(caseNo, null);
        assertThat(stored.summary().state()).isEqualTo(CaseState.REJECTED);
        EventView last = stored.events().get(stored.events().size() - 1);
        assertThat(last.reasons()).containsExactly("病历资料不能证明已确诊该病种", "检查报告已超过有效期（6个月）");
        main.label("case.header.state").requireText(CaseState.REJECTED.label());
        assertThat(timeline(main)[2][4]).isEqualTo("病历资料不能证明已确诊该病种；检查报告已超过有效期（6个月）");
        assertThat(main.label("case.deadline").text()).contains("已终结");
        main.label("case.actions.none").requireVisible();

        assertThat(stored.messages()).hasSize(1);
        main.tabbedPane("case.tabs").selectTab(CasePanel.TAB_MESSAGES);
        main.textBox("case.message.0").requireText(stored.messages().get(0).text());
        main.textBox("case.message.0").requireNotEditable();
        assertThat(stored.messages().get(0).text()).contains("病历资料不能证明已确诊该病种");
        assertThat(main.label("case.message.head.0").text()).startsWith("未通过").contains("2026-11-25 10:00");
        press(main.button("case.message.copy.0"));
        main.button("case.message.copy.0").requireText("已复制");
        screenshot(main, "case-messages", true);
    }

    @Test
    void aRefusedStepReopensTheDialogWithTheTypedReasons() {
        Desk desk = productionDesk();
        String caseNo = CaseTestData.create(desk, CHRONIC, "赵六", actor("clerk")).summary().caseNo();
        CaseTestData.act(desk, caseNo, CaseAction.ACCEPT, actor("clerk"));

        FrameFixture main = login(Mode.PRODUCTION, "reviewer", "passreviewer1");
        openDirectly(main, caseNo);
        // meanwhile someone else reviews it: the reviewer's 未通过 is no longer theirs to take
        CaseTestData.act(desk, caseNo, CaseAction.REVIEW, actor("all"));
        press(main.button("case.action.REJECT"));
        DialogFixture d = dialog("case.dialog");
        d.textBox("case.reasons").setText("第一条原因\n第二条原因");
        press(d.button("case.reasons.ok"));
        waitIdle();
        DialogFixture again = dialog("case.dialog");
        again.textBox("case.reasons").requireText("第一条原因\n第二条原因");
        assertThat(again.label("case.dialog.error").text()).contains("已审核");
        press(again.button("case.dialog.cancel"));
        // discarding typed text asks first
        org.assertj.swing.fixture.JOptionPaneFixture ask = org.assertj.swing.finder.JOptionPaneFinder.findOptionPane()
                .withTimeout(5000).using(robot);
        place(javax.swing.SwingUtilities.getWindowAncestor(ask.target()));
        ask.okButton().click();
        waitIdle();
        main.label("case.header.state").requireText(CaseState.REVIEWED.label());
        assertThat(desk.cases().show(caseNo, null).summary().state()).isEqualTo(CaseState.REVIEWED);
    }

    @Test
    void closingAsksForConfirmationAndShowsTheSuccessMessage() {
        Desk desk = productionDesk();
        int item = 6; // 城乡居民参保信息变更登记: 即办件, low risk
        String caseNo = CaseTestData.create(desk, item, "冯十二", actor("clerk")).summary().caseNo();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        openDirectly(main, caseNo);
        press(main.button("case.action.ACCEPT"));
        waitIdle();
        main.label("case.header.state").requireText(CaseState.ACCEPTED.label());
        // 业务审核 at the window (D86): no dialog, the clerk reviews and then closes
        press(main.button("case.action.REVIEW"));
        waitIdle();
        main.label("case.header.state").requireText(CaseState.REVIEWED.label());
        press(main.button("case.action.CLOSE"));
        DialogFixture d = dialog("case.dialog");
        d.label("case.confirm.warning").requireVisible();
        // cancelling leaves the case as it was
        press(d.button("case.dialog.cancel"));
        waitIdle();
        main.label("case.header.state").requireText(CaseState.REVIEWED.label());
        press(main.button("case.action.CLOSE"));
        press(dialog("case.dialog").button("case.confirm.ok"));
        waitIdle();
        main.label("case.header.state").requireText(CaseState.CLOSED.label());
        CaseView stored = desk.cases().show(caseNo, null);
        assertThat(stored.messages()).hasSize(1);
        main.tabbedPane("case.tabs").selectTab(CasePanel.TAB_MESSAGES);
        assertThat(main.label("case.message.head.0").text()).startsWith("办结");
        main.textBox("case.message.0").requireText(stored.messages().get(0).text());
    }

    @Test
    void reviewAsksTheAmountConfirmsALargeOneAndPayShowsTheConfirmedAmount() {
        Desk desk = productionDesk();
        desk.cases().setLargeAmountThreshold(Money.ofFen(100_000), desk.users().login("admin", "passadmin1"));
        String caseNo = CaseTestData.create(desk, OUTPATIENT, "孙七", actor("clerk")).summary().caseNo();
        CaseTestData.act(desk, caseNo, CaseAction.ACCEPT, actor("clerk"));

        // 审核 enters the amount (D87): three decimals and zero are refused inside the dialog
        FrameFixture main = login(Mode.PRODUCTION, "reviewer", "passreviewer1");
        openDirectly(main, caseNo);
        press(main.button("case.action.REVIEW"));
        DialogFixture d = dialog("case.dialog");
        d.textBox("case.amount").enterText("12.345");
        press(d.button("case.amount.ok"));
        assertThat(d.label("case.dialog.error").text()).contains("金额「12.345」格式不正确").contains("最多两位小数");
        d.requireVisible();
        d.textBox("case.amount").requireText("12.345");
        d.textBox("case.amount").setText("0");
        press(d.button("case.amount.ok"));
        assertThat(d.label("case.dialog.error").text()).contains("须大于零");
        screenshot(d.target(), "case-review-amount-dialog", true);
        // above the large-amount line (1000.00 here) a second dialog asks for explicit confirmation
        d.textBox("case.amount").setText("1,234.50");
        press(d.button("case.amount.ok"));
        org.assertj.swing.fixture.JOptionPaneFixture large = org.assertj.swing.finder.JOptionPaneFinder
                .findOptionPane().withTimeout(5000).using(robot);
        assertThat(large.target().getMessage().toString()).contains("1234.50", "大额确认线 1000.00 元");
        press(large.cancelButton());
        d.requireVisible();
        press(d.button("case.amount.ok"));
        // programmatic presses (D111): a robot click by screen position can land beside a freshly opened pane
        press(org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().withTimeout(5000).using(robot).okButton());
        waitIdle();
        main.label("case.header.state").requireText(CaseState.REVIEWED.label());
        assertThat(main.label("case.header.facts").text()).contains("审核金额 1234.50 元");
        screenshot(main, "case-review-amount", true);
        logout(main);
        desk.cases().act(caseNo, org.ybdesk.core.lifecycle.Command.withAmount(CaseAction.RECHECK, Money.ofFen(123_450))
                .confirmingLarge(), null, actor("all")); // confirms 1234.50

        // 支付 shows the confirmed amount, read-only, and pays it
        main = login(Mode.PRODUCTION, "finance", "passfinance1");
        openDirectly(main, caseNo);
        main.button("case.action.PAY").requireEnabled();
        press(main.button("case.action.PAY"));
        DialogFixture pay = dialog("case.dialog");
        pay.textBox("case.amount.confirmed").requireText("1234.50").requireNotEditable();
        press(pay.button("case.confirm.ok"));
        waitIdle();

        CaseView stored = desk.cases().show(caseNo, null);
        assertThat(stored.summary().state()).isEqualTo(CaseState.PAID);
        assertThat(stored.paid()).isEqualTo(Money.ofFen(123450));
        String[][] rows = timeline(main);
        assertThat(rows[rows.length - 1][6]).isEqualTo("1234.50 元");
        assertThat(rows[rows.length - 1][2]).isEqualTo("财务庚");
    }

    @Test
    void importingAPngAndAPdfListsBothAndTheViewerShowsThem() throws IOException {
        Desk desk = productionDesk();
        String caseNo = CaseTestData.create(desk, CHRONIC, "周八", actor("clerk")).summary().caseNo();
        Path files = Files.createDirectories(dataDir.resolve("scans"));
        File png = files.resolve("scan-id-card.png").toFile();
        File pdf = files.resolve("medical-record.pdf").toFile();
        writePng(png);
        writePdf(pdf, 2);

        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        openDirectly(main, caseNo);
        main.tabbedPane("case.tabs").selectTab(CasePanel.TAB_ATTACHMENTS);
        main.button("case.attachment.view").requireDisabled();
        press(main.button("case.attachment.import"));
        JFileChooserFixture chooser = JFileChooserFinder.findFileChooser("case.attachment.chooser")
                .withTimeout(10, TimeUnit.SECONDS).using(robot);
        place(javax.swing.SwingUtilities.getWindowAncestor(chooser.target()));
        chooser.setCurrentDirectory(files.toFile());
        chooser.selectFiles(png, pdf);
        chooser.approve();
        waitIdle();
        Pause.pause(new Condition("attachments listed") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> ((JTable) main.table("case.attachments").target()).getRowCount()) == 2;
            }
        }, 20_000);
        waitIdle();
        String[][] rows = main.table("case.attachments").contents();
        assertThat(Arrays.stream(rows).map(r -> r[0])).containsExactlyInAnyOrder("scan-id-card.png",
                "medical-record.pdf");
        assertThat(Arrays.stream(rows).map(r -> r[1])).containsExactlyInAnyOrder("PNG", "PDF");
        assertThat(Arrays.stream(rows).map(r -> r[3])).containsOnly("窗口乙");
        assertThat(main.label("case.attachment.status").text()).contains("已导入 2 个文件");
        assertThat(desk.cases().show(caseNo, null).attachments()).hasSize(2);
        assertThat(main.tabbedPane("case.tabs").target().getTitleAt(CasePanel.TAB_ATTACHMENTS)).isEqualTo("附件（2）");

        // the PDF, page by page
        int pdfRow = Arrays.asList(rows).indexOf(Arrays.stream(rows).filter(r -> r[0].endsWith(".pdf")).findFirst()
                .orElseThrow());
        main.table("case.attachments").selectRows(pdfRow);
        press(main.button("case.attachment.view"));
        DialogFixture viewer = dialog("case.attachment.viewer");
        AttachmentViewer v = (AttachmentViewer) viewer.target();
        waitForImage(v);
        assertThat(GuiActionRunner.execute(() -> v.pages())).isEqualTo(2);
        viewer.label("case.attachment.page").requireText("第 1 / 2 页");
        viewer.button("case.attachment.prev").requireDisabled();
        screenshot(viewer.target(), "case-attachment-viewer-pdf", true);
        press(viewer.button("case.attachment.next"));
        waitIdle();
        Pause.pause(new Condition("second page") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> v.currentPage()) == 1;
            }
        }, 20_000);
        viewer.label("case.attachment.page").requireText("第 2 / 2 页");
        viewer.button("case.attachment.next").requireDisabled();
        viewer.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitIdle();
        assertThat(GuiActionRunner.execute(() -> v.isDisplayable())).isFalse();

        // the scanned image, scaled to fit
        int pngRow = 1 - pdfRow;
        main.table("case.attachments").selectRows(pngRow);
        main.table("case.attachments").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        DialogFixture imageViewer = dialog("case.attachment.viewer");
        AttachmentViewer iv = (AttachmentViewer) imageViewer.target();
        waitForImage(iv);
        assertThat(GuiActionRunner.execute(() -> iv.image().getWidth())).isEqualTo(1200);
        imageViewer.label("case.attachment.page").requireText("第 1 / 1 页");
        screenshot(imageViewer.target(), "case-attachment-viewer", true);
        press(imageViewer.button("case.attachment.close"));
        screenshot(main, "case-attachments", true);
    }

    @Test
    void aFileThatIsNeitherImageNorPdfIsRefusedInChinese() throws IOException {
        Desk desk = productionDesk();
        String caseNo = CaseTestData.create(desk, CHRONIC, "吴九", actor("clerk")).summary().caseNo();
        Path text = Files.writeString(dataDir.resolve("notes.png"), "not an image");
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        openDirectly(main, caseNo);
        main.tabbedPane("case.tabs").selectTab(CasePanel.TAB_ATTACHMENTS);
        CaseAttachmentsTab tab = (CaseAttachmentsTab) main.panel("case.tab.attachments").target();
        GuiActionRunner.execute(() -> tab.importFiles(List.of(text.toFile())));
        org.assertj.swing.fixture.JOptionPaneFixture problem = org.assertj.swing.finder.JOptionPaneFinder
                .findOptionPane().withTimeout(10000).using(robot);
        place(javax.swing.SwingUtilities.getWindowAncestor(problem.target()));
        assertThat(problem.target().getMessage().toString()).contains("notes.png");
        problem.okButton().click();
        waitIdle();
        main.table("case.attachments").requireRowCount(0);
    }

    @Test
    void addingANoteShowsIt() {
        Desk desk = productionDesk();
        String caseNo = CaseTestData.create(desk, CHRONIC, "郑十", actor("clerk")).summary().caseNo();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        openDirectly(main, caseNo);
        main.tabbedPane("case.tabs").selectTab(CasePanel.TAB_NOTES);
        main.textBox("case.note.text").setText("申请人电话告知周五补交检查报告原件，届时请核对原件与复印件是否一致");
        press(main.button("case.note.add"));
        waitIdle();
        main.textBox("case.note.text").requireText("");
        @SuppressWarnings("unchecked")
        JList<org.ybdesk.service.CaseViews.NoteView> list =
                (JList<org.ybdesk.service.CaseViews.NoteView>) main.list("case.notes").target();
        assertThat(GuiActionRunner.execute(() -> list.getModel().getSize())).isEqualTo(1);
        var note = GuiActionRunner.execute(() -> list.getModel().getElementAt(0));
        assertThat(note.text()).isEqualTo("申请人电话告知周五补交检查报告原件，届时请核对原件与复印件是否一致");
        assertThat(note.author()).isEqualTo("窗口乙");
        assertThat(main.tabbedPane("case.tabs").target().getTitleAt(CasePanel.TAB_NOTES)).isEqualTo("备注（1）");
        assertThat(desk.cases().show(caseNo, null).notes()).hasSize(1);
        main.textBox("case.note.text").setText("第二条备注");
        main.textBox("case.note.text").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitIdle();
        assertThat(GuiActionRunner.execute(() -> list.getModel().getSize())).isEqualTo(2);
        screenshot(main, "case-notes", false);
        // the intake fields tab labels fields as the rulebook does
        main.tabbedPane("case.tabs").selectTab(CasePanel.TAB_FIELDS);
        assertThat(main.textBox("case.field.channel").text()).isNotBlank();
        assertThat(main.textBox("case.field.idNumber").text()).contains("********");
        screenshot(main, "case-fields", false);
        main.tabbedPane("case.tabs").selectTab(CasePanel.TAB_MATERIALS);
        assertThat(main.label("case.materials.summary").text()).isEqualTo("材料齐全");
        screenshot(main, "case-materials", false);
    }

    @Test
    void missingMaterialsAreHighlightedAndCanBeRecorded() {
        Desk desk = productionDesk();
        var item = desk.catalog().item(CHRONIC);
        var m = new java.util.LinkedHashMap<Integer, org.ybdesk.core.catalog.MaterialStatus>();
        item.materials().forEach(x -> m.put(x.no(), org.ybdesk.core.catalog.MaterialStatus.PAPER));
        int missingNo = item.materials().get(item.materials().size() - 1).no();
        m.put(missingNo, org.ybdesk.core.catalog.MaterialStatus.MISSING);
        String caseNo = desk.cases().create(new org.ybdesk.service.CaseService.NewCase(CHRONIC,
                new org.ybdesk.service.CaseService.Applicant(org.ybdesk.core.registry.IdType.RESIDENT_ID,
                        CaseTestData.residentId("19700303", false), "钱十一", "13712345678"),
                CaseTestData.fields(item), m, null, null, null), actor("clerk")).summary().caseNo();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        openDirectly(main, caseNo);
        assertThat(main.tabbedPane("case.tabs").target().getTitleAt(CasePanel.TAB_MATERIALS)).isEqualTo("材料（缺1项）");
        main.tabbedPane("case.tabs").selectTab(CasePanel.TAB_MATERIALS);
        assertThat(main.label("case.materials.summary").text()).contains("缺少1项必需材料");
        JTable table = (JTable) main.table("case.materials").target();
        int row = item.materials().size() - 1;
        Color bg = GuiActionRunner.execute(() -> table.prepareRenderer(table.getCellRenderer(row, 3), row, 3)
                .getBackground());
        assertThat(bg).isEqualTo(UiSetup.OVERDUE_BG);
        GuiActionRunner.execute(() -> table.setValueAt(org.ybdesk.core.catalog.MaterialStatus.ELECTRONIC, row, 3));
        press(main.button("case.materials.save"));
        waitIdle();
        assertThat(main.label("case.materials.summary").text()).isEqualTo("材料齐全");
        assertThat(desk.cases().show(caseNo, null).materials().get(row).status())
                .isEqualTo(org.ybdesk.core.catalog.MaterialStatus.ELECTRONIC);
        // Ctrl+Enter takes the first positive step: 受理
        main.button("case.action.REFUSE").pressAndReleaseKey(org.assertj.swing.core.KeyPressInfo
                .keyCode(KeyEvent.VK_ENTER).modifiers(java.awt.event.InputEvent.CTRL_MASK));
        waitIdle();
        main.label("case.header.state").requireText(CaseState.ACCEPTED.label());
    }

    @Test
    void deadlineBadgeShowsNearAndOverdueWithWordAndColour() {
        productionDesk();
        desks.closeAll();
        String near;
        String overdue;
        try (Desk early = Desk.open(dataDir, Mode.PRODUCTION, clockOn(LocalDate.of(2026, 10, 30)))) {
            Actor clerk = early.users().login("clerk", "passclerk1");
            near = CaseTestData.create(early, CHRONIC, "临近甲", clerk).summary().caseNo();
            CaseTestData.act(early, near, CaseAction.ACCEPT, clerk);
        }
        try (Desk early = Desk.open(dataDir, Mode.PRODUCTION, clockOn(LocalDate.of(2026, 10, 20)))) {
            Actor clerk = early.users().login("clerk", "passclerk1");
            overdue = CaseTestData.create(early, CHRONIC, "逾期乙", clerk).summary().caseNo();
            CaseTestData.act(early, overdue, CaseAction.ACCEPT, clerk);
        }
        CaseView nearView = productionDesk().cases().show(near, null);
        assertThat(nearView.summary().deadline().status()).isEqualTo(DeadlineStatus.NEAR);
        assertThat(productionDesk().cases().show(overdue, null).summary().deadline().status())
                .isEqualTo(DeadlineStatus.OVERDUE);

        FrameFixture main = login(Mode.PRODUCTION, "reviewer", "passreviewer1");
        openDirectly(main, near);
        JLabel badge = (JLabel) main.label("case.deadline").target();
        assertThat(main.label("case.deadline").text()).contains("临近").contains("剩余2个工作日").contains("2026-11-27");
        assertThat(GuiActionRunner.execute(() -> badge.getBackground())).isEqualTo(UiSetup.NEAR_BG);
        assertThat(GuiActionRunner.execute(() -> badge.getForeground())).isEqualTo(UiSetup.NEAR);
        screenshot(main, "case-deadline-near", false);

        openDirectly(main, overdue);
        JLabel badge2 = (JLabel) main.label("case.deadline").target();
        assertThat(main.label("case.deadline").text()).contains("逾期6个工作日").contains("2026-11-17");
        assertThat(GuiActionRunner.execute(() -> badge2.getBackground())).isEqualTo(UiSetup.OVERDUE_BG);
        assertThat(GuiActionRunner.execute(() -> badge2.getForeground())).isEqualTo(UiSetup.OVERDUE);
        screenshot(main, "case-deadline-overdue", true);

        // F5 reloads the case
        CaseTestData.act(productionDesk(), overdue, CaseAction.REVIEW, actor("all"));
        main.pressAndReleaseKeys(KeyEvent.VK_F5);
        waitIdle();
        main.label("case.header.state").requireText(CaseState.REVIEWED.label());
    }

    // -------------------------------------------------------------------------------------------- helpers

    private static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(LocalTime.of(9, 30)).atZone(Desk.ZONE).toInstant(), Desk.ZONE);
    }

    private void waitForImage(AttachmentViewer v) {
        Pause.pause(new Condition("attachment shown") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> v.image() != null);
            }
        }, 30_000);
        waitIdle();
    }

    /** A 1200×900 "scan": a grey page with a few dark blocks as text lines. */
    private static void writePng(File f) throws IOException {
        BufferedImage img = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xF4F1EA));
        g.fillRect(0, 0, 1200, 900);
        g.setColor(new Color(0x2B2B2B));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString("ID CARD SCAN", 80, 120);
        for (int i = 0; i < 8; i++) {
            g.fillRect(80, 200 + i * 70, 600 + (i % 3) * 120, 24);
        }
        g.setColor(new Color(0xB3261E));
        g.drawOval(850, 550, 220, 220);
        g.dispose();
        ImageIO.write(img, "png", f);
    }

    /** An A4 PDF of {@code pages} pages with a heading and ruled lines. */
    private static void writePdf(File f, int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(bold, 22);
                    cs.newLineAtOffset(60, 770);
                    cs.showText("Medical record - page " + p);
                    cs.endText();
                    cs.setLineWidth(0.5f);
                    for (int i = 0; i < 20; i++) {
                        cs.moveTo(60, 720 - i * 30);
                        cs.lineTo(535, 720 - i * 30);
                    }
                    cs.stroke();
                    cs.addRect(60, 80, 475, 60);
                    cs.stroke();
                }
            }
            doc.save(f);
        }
    }
}
