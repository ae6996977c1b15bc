package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/** 关于 and 导出诊断信息 (issue 15): the facts a help desk asks for first, and the scrubbed zip. */
class AboutDialogTest extends GuiTestBase {

    @Test
    void aboutShowsVersionFolderSizeBackupAndSyncAndExportsDiagnostics() throws Exception {
        Desk d = productionDesk();
        d.backups().create(dataDir.resolve("b1.ybbak"), d.users().login("admin", "passadmin1"));
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        javax.swing.AbstractButton item = find(main, "menu.about", javax.swing.AbstractButton.class);
        javax.swing.SwingUtilities.invokeLater(item::doClick);
        DialogFixture about = WindowFinder.findDialog("about").withTimeout(10, TimeUnit.SECONDS).using(robot);
        waitIdle();
        assertThat(about.label("about.version").text()).isEqualTo("YB Desk 0.1.0");
        assertThat(about.label("about.dataDir").text()).isEqualTo(dataDir.toAbsolutePath().toString());
        assertThat(about.label("about.dbSize").text()).matches("\\d+\\.\\d (KB|MB)");
        assertThat(about.label("about.lastBackup").text()).startsWith("2026-11-25 10:00");
        assertThat(about.label("about.lastSync").text()).isEqualTo("尚无");
        assertThat(about.label("about.shared").text()).isEqualTo("由本窗口打开");
        screenshot(about.target(), "about-dialog", false);

        Path out = dataDir.resolve("diag.zip");
        Files.createDirectories(dataDir.resolve("logs"));
        Files.writeString(dataDir.resolve("logs").resolve("ybdesk.log"), "2026-11-25 INFO login 窗口乙 from 13812345678\n");
        CountDownLatch done = new CountDownLatch(1);
        org.assertj.swing.edt.GuiActionRunner.execute(() -> AboutDialog.export(about.target(), d, out, done::countDown));
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        StringBuilder all = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(out))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.append(e.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(all.toString()).contains("facts.txt").contains("logs/ybdesk.log").contains("屏幕 1")
                .contains("界面外观").contains("2026-11-25 INFO login [姓名] from [电话]")
                .doesNotContain("窗口乙").doesNotContain("13812345678");
        about.button("about.close").click();
    }
}
