package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.swing.JButton;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.ProvinceServer;
import org.ybdesk.province.store.ReferenceStore;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.SetupService;
import org.ybdesk.sync.SyncConfig;
import org.ybdesk.sync.SyncEngine;

/**
 * The window's sync against the real provincial server (in-process, on a real PostgreSQL on loopback): another desk
 * of the agency got there first with a case number and a person, so this desk's case and person registration are
 * refused. The status bar turns 联网 with 待上传 0 and the time of the sync, the workbench shows 同步退回, the 同步
 * screen lists both refusals with the server's reasons, 打开办件 opens the refused case whose screen shows the
 * 退回任务, and 标记已处理 (a modal input pane, pressed programmatically) closes it.
 */
class SyncScreenTest extends GuiTestBase {
    private LocalPostgres pg;
    private ProvinceDb db;
    private ProvinceServer server;
    private Desk other;

    @AfterEach
    void stopServer() {
        if (other != null) {
            other.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static int personItem(Desk d) {
        return d.catalog().items().stream()
                .filter(i -> i.applicantKind() == ApplicantKind.PERSON && i.group() != ItemGroup.OUT_OF_AREA_FILING)
                .mapToInt(ServiceItem::no).findFirst().orElseThrow();
    }

    @Test
    void refusedMessagesShowOnTheStatusBarTheSyncScreenAndTheCase() throws Exception {
        pg = LocalPostgres.start(Files.createTempDirectory(Path.of("/tmp"), "ybdesk-gui-pg-"));
        pg.createDatabase("province");
        db = new ProvinceDb(pg.jdbcUrl("province"), pg.user(), pg.password());
        new ReferenceStore(db).seedIfEmpty();
        server = ProvinceServer.start(db, "127.0.0.1", 0);
        String url = "http://127.0.0.1:" + server.port();
        Desks.Registration first = new Desks(db).add("230102001", "230102", "道里区医保中心一号窗口");
        Desks.Registration mine = new Desks(db).add("230102001", "230102", "道里区医保中心二号窗口");

        // the other window of the agency: a person and a case, synced first
        other = Desk.open(dataDir.resolve("other"), Mode.PRODUCTION, CLOCK);
        other.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                "道里区医保中心", "0451-84661234"), null);
        other.users().add("admin", "管理员甲", "passadmin1", EnumSet.of(Role.ADMIN), staffId(11), null);
        var otherAdmin = other.users().login("admin", "passadmin1");
        other.users().add("clerk", "窗口甲", "passclerk1", EnumSet.of(Role.CLERK), staffId(12), otherAdmin);
        var otherClerk = other.users().login("clerk", "passclerk1");
        String id = CaseTestData.residentId("19800101", true);
        other.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, "张先到", null, null,
                InsuranceType.RESIDENT, null, null, null, null, null), otherClerk);
        String caseNo = CaseTestData.create(other, personItem(other), "李先到", otherClerk).summary().caseNo();
        try (SyncEngine e = new SyncEngine(other, Optional.of(new SyncConfig(url, first.desk().windowNo(),
                first.token())), Duration.ofMillis(50), Duration.ofMillis(200))) {
            assertThat(e.syncNow().get(60, TimeUnit.SECONDS).ok()).isTrue();
        }

        // this desk: the same person, and a case numbered for window 01 although the province registered this desk as
        // window 02 (a data folder copied from the other PC: `sync configure` refuses that, a hand-edited file does
        // not) — the province refuses the number (D117), so both refusals show with the province's reasons
        Desk d = productionDesk();
        var clerk = d.users().login("clerk", "passclerk1");
        d.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, "张后到", null, null,
                InsuranceType.RESIDENT, null, null, null, null, null), clerk);
        assertThat(CaseTestData.create(d, personItem(d), "李后到", clerk).summary().caseNo()).isEqualTo(caseNo);
        SyncConfig.save(dataDir, new SyncConfig(url, mine.desk().windowNo(), mine.token()));

        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        Pause.pause(new Condition("first sync round done") {
            @Override
            public boolean test() {
                String s = GuiActionRunner.execute(() -> main.label("status.sync").target().getText());
                return s.contains("上次同步");
            }
        }, Timeout.timeout(60_000));
        String status = main.label("status.sync").text();
        assertThat(status).contains("联网", "待上传 0", "上次同步 10:00", "退回待处理 2");
        GuiActionRunner.execute(() -> ((MainFrame) main.target()).showWorkbench("mine"));
        waitIdle();
        assertThat(main.label("card.syncRefused.value").text()).isEqualTo("2");

        GuiActionRunner.execute(() -> ((JButton) main.button("nav.sync").target()).doClick());
        waitIdle();
        JTable table = main.table("sync.table").target();
        Pause.pause(new Condition("two refused rows") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(table::getRowCount) == 2;
            }
        }, Timeout.timeout(20_000));
        String[][] cells = main.table("sync.table").contents();
        assertThat(java.util.Arrays.asList(cells)).anySatisfy(row -> assertThat(String.join(" ", row)).contains("被退回", "ALREADY_INSURED", id));
        assertThat(java.util.Arrays.asList(cells)).anySatisfy(row -> assertThat(String.join(" ", row)).contains("被退回", "FORBIDDEN_AGENCY", caseNo, "窗口号"));
        assertThat(main.label("sync.summary").text()).contains("被退回 2 条");
        screenshot(main, "sync-screen", true);

        GuiActionRunner.execute(() -> main.button("sync.now").target().doClick());
        Pause.pause(new Condition("sync done") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> main.label("sync.feedback").target().getText())
                        .contains("同步完成");
            }
        }, Timeout.timeout(60_000));

        int caseRow = -1;
        for (int i = 0; i < cells.length; i++) {
            if (String.join(" ", cells[i]).contains(caseNo)) {
                caseRow = i;
            }
        }
        main.table("sync.table").selectRows(caseRow);
        main.button("sync.open").requireEnabled();
        GuiActionRunner.execute(() -> main.button("sync.open").target().doClick());
        waitIdle();
        javax.swing.JPanel bar = main.panel("case.syncTask").requireVisible().target();
        assertThat(main.label("case.syncTask.text").text()).contains("省平台退回", "FORBIDDEN_AGENCY", caseNo);
        screenshot(main, "case-sync-task", true);

        JButton handle = (JButton) main.button("case.syncTask.handle").target();
        SwingUtilities.invokeLater(handle::doClick);
        JOptionPaneFixture pane = main.optionPane(Timeout.timeout(20_000));
        GuiActionRunner.execute(() -> pane.textBox().target().setText("已与一号窗口核对，本件改由一号窗口办理"));
        JButton ok = pane.okButton().target();
        SwingUtilities.invokeLater(ok::doClick);
        waitIdle();
        Pause.pause(new Condition("task handled") {
            @Override
            public boolean test() {
                return !GuiActionRunner.execute(bar::isVisible);
            }
        }, Timeout.timeout(20_000));
        Pause.pause(new Condition("status bar recounted") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> main.label("status.sync").target().getText())
                        .contains("退回待处理 1");
            }
        }, Timeout.timeout(20_000));
        assertThat(d.verifyAudit().ok()).isTrue();
    }
}
