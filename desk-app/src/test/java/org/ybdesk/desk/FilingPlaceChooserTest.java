package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JTable;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.service.Desk;
import org.ybdesk.service.LookupService.Place;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService;

/** Issue 13: 就医地 chosen by pinyin in the intake form (the code filled in), and 查询 → 定点医药机构. */
class FilingPlaceChooserTest extends GuiTestBase {

    private void focusAndEnter(FrameFixture main, String name) {
        JComponent c = find(main, name, JComponent.class);
        GuiActionRunner.execute(() -> c.requestFocusInWindow());
        waitIdle();
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        waitIdle();
    }

    @Test
    void theTreatmentPlaceIsChosenByPinyinAndTheCodeFilledIn() {
        Desk desk = productionDesk();
        Actor clerk = desk.users().login("clerk", "passclerk1");
        String id = "23010219800101001" + org.ybdesk.core.validation.Validators.residentIdCheckChar("23010219800101001");
        desk.registry().registerPerson(new RegistryService.PersonInput(IdType.RESIDENT_ID, id, "张三", Gender.MALE,
                null, InsuranceType.EMPLOYEE, InsuredStatus.INSURED, null, "13812345678", "哈尔滨市道里区中央大街1号",
                null), clerk);
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        GuiActionRunner.execute(() -> main.target().setSize(1366, 768));
        main.focus();
        robot.pressAndReleaseKey(KeyEvent.VK_F2);
        waitIdle();
        setText(main, "intake.itemFilter", "15");
        waitIdle();
        focusAndEnter(main, "intake.itemFilter");
        setText(main, "intake.applicantId", id);
        focusAndEnter(main, "intake.applicantId");
        assertThat(text(main, "intake.applicantName")).isEqualTo("张三");
        click(main, "intake.nextStep");

        // 「选择…」 opens the chooser; haerbin finds the city first
        press(main.button("intake.pick.treatmentPlace"));
        DialogFixture d = WindowFinder.findDialog("place.dialog").withTimeout(10, TimeUnit.SECONDS).using(robot);
        d.textBox("place.query").enterText("haerbin");
        waitIdle();
        JList<?> results = (JList<?>) d.list("place.results").target();
        assertThat(GuiActionRunner.execute(() -> ((Place) results.getModel().getElementAt(0)).label()))
                .isEqualTo("230100 黑龙江省哈尔滨市");
        screenshot(d.target(), "intake-filing-place-chooser", false);
        d.list("place.results").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitIdle();
        assertThat(text(main, "intake.field.treatmentPlace")).isEqualTo("230100");
        assertThat(text(main, "intake.placeName.treatmentPlace")).isEqualTo("黑龙江省哈尔滨市");
        setText(main, "intake.field.filingStartDate", "2026-12-01");
        screenshot(main, "intake-filing-place", true);
        // a code typed by hand shows its name too
        setText(main, "intake.field.treatmentPlace", "110100");
        waitIdle();
        assertThat(text(main, "intake.placeName.treatmentPlace")).isEqualTo("北京市市辖区");

        // 查询 → 定点医药机构: the desk has no list yet and says so
        click(main, "menu.lookup.institutions");
        DialogFixture lookup = WindowFinder.findDialog("lookup.dialog").withTimeout(10, TimeUnit.SECONDS)
                .using(robot);
        waitIdle();
        assertThat(lookup.label("lookup.message").text()).contains("尚未收到定点医药机构名单");
        assertThat(GuiActionRunner.execute(() -> ((JTable) lookup.table("lookup.results").target()).getRowCount()))
                .isZero();
        lookup.close();
    }
}
