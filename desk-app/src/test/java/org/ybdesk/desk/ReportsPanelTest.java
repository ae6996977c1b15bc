package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/** 报表: a supervisor generates the monthly report, sees its pages, is told what is wrong with a bad period, saves. */
class ReportsPanelTest extends GuiTestBase {
    @TempDir
    Path out;

    @Test
    void monthlyReportIsPreviewedBadPeriodsAreExplainedAndFilesAreSaved() throws Exception {
        Desk desk = productionDesk();
        var clerk = desk.users().login("clerk", "passclerk1");
        String a = CaseTestData.create(desk, 8, "周一", clerk).summary().caseNo();
        CaseTestData.act(desk, a, CaseAction.ACCEPT, clerk);
        CaseTestData.act(desk, a, CaseAction.CLOSE, clerk);
        String b = CaseTestData.create(desk, 16, "吴二", clerk).summary().caseNo();
        CaseTestData.act(desk, b, CaseAction.ACCEPT, clerk);
        CaseTestData.create(desk, 3, "郑三", clerk);

        FrameFixture main = login(Mode.PRODUCTION, "head", "passhead1");
        GuiActionRunner.execute(() -> ((javax.swing.JButton) main.button("nav.reports").target()).doClick());
        waitIdle();
        main.panel("reportsPanel").requireVisible();
        main.comboBox("reports.kind").selectItem("月度统计");
        main.textBox("reports.from").setText("2026-11-01");
        main.textBox("reports.to").setText("2026-11-25");
        main.button("reports.savePdf").requireDisabled();
        GuiActionRunner.execute(() -> ((javax.swing.JButton) main.button("reports.generate").target()).doClick());
        waitIdle();
        main.label("reports.page.1").requireVisible();
        assertThat(main.label("reports.message").text()).contains("月度统计", "共 1 页");
        main.button("reports.savePdf").requireEnabled();
        screenshot(main, "reports-monthly", true);

        ReportsPanel panel = (ReportsPanel) main.panel("reportsPanel").target();
        Path pdf = out.resolve("monthly.pdf");
        Path xlsx = out.resolve("monthly.xlsx");
        GuiActionRunner.execute(() -> panel.save(pdf, "pdf"));
        waitIdle();
        GuiActionRunner.execute(() -> panel.save(xlsx, "xlsx"));
        waitIdle();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K');
        assertThat(main.label("reports.message").text()).contains("已保存", "monthly.xlsx");

        main.comboBox("reports.kind").selectItem("办件台账");
        main.textBox("reports.from").setText("2025-01-01");
        GuiActionRunner.execute(() -> ((javax.swing.JButton) main.button("reports.generate").target()).doClick());
        waitIdle();
        assertThat(main.label("reports.message").text()).contains("台账的统计期间不能超过1年");

        main.textBox("reports.from").setText("2026-11-30");
        GuiActionRunner.execute(() -> ((javax.swing.JButton) main.button("reports.generate").target()).doClick());
        waitIdle();
        assertThat(main.label("reports.message").text()).contains("截止日期 2026-11-25 早于起始日期 2026-11-30");

        main.textBox("reports.from").setText("2026-11-3x");
        GuiActionRunner.execute(() -> ((javax.swing.JButton) main.button("reports.generate").target()).doClick());
        waitIdle();
        assertThat(main.label("reports.message").text()).contains("「起始日期」的日期「2026-11-3x」无法识别");
    }
}
