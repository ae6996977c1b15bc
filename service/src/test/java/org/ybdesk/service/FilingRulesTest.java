package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.IntakeDecision;
import org.ybdesk.service.CaseViews.CaseView;

/** Issue 13, items 11–15: validity 1 year from the chosen start, the start window, the 6-month lock (D145, D146). */
class FilingRulesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;
    DeskFixture f;

    @BeforeEach
    void open() {
        f = new DeskFixture(dir, DAY);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private CaseView fileAndClose(int item, Applicant ap, String start) {
        CaseView v = f.create(item, ap, Map.of("filingStartDate", start), f.clerk);
        f.desk.cases().act(v.summary().caseNo(), Command.of(CaseAction.ACCEPT), null, f.clerk);
        return f.desk.cases().act(v.summary().caseNo(), Command.of(CaseAction.CLOSE), null, f.clerk);
    }

    @Test
    void temporaryFilingsAreValidOneYearFromTheChosenStart() {
        CaseView v = fileAndClose(15, DeskFixture.person("赵一"), "2026-11-20");
        assertThat(v.summary().state()).isEqualTo(CaseState.CLOSED);
        assertThat(v.messages().get(0).text()).contains("备案有效期为2026年11月20日至2027年11月19日");
        CaseView referral = fileAndClose(14, DeskFixture.person("钱二"), "2026-11-02");
        assertThat(referral.messages().get(0).text()).contains("2026年11月2日至2027年11月1日");
        // long-term filings stay valid until changed
        CaseView longTerm = fileAndClose(12, DeskFixture.person("孙三"), "2026-11-02");
        assertThat(longTerm.messages().get(0).text()).contains("自2026年11月2日起长期有效");
    }

    @Test
    void theStartDateMustLieWithinAYearOfTheApplicationDay() {
        Applicant ap = DeskFixture.person("李四");
        assertThatThrownBy(() -> f.create(15, ap, Map.of("filingStartDate", "2027-11-03"), f.clerk))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("申请备案开始日期 2027-11-03 超出可选范围：须在 2025-11-03 至 2027-11-02 之间");
        assertThatThrownBy(() -> f.create(15, ap, Map.of("filingStartDate", "2025-11-02"), f.clerk))
                .hasMessageContaining("2025-11-02 超出可选范围");
        // the bounds themselves are allowed; nothing was stored by the refusals
        assertThat(f.create(15, ap, Map.of("filingStartDate", "2027-11-02"), f.clerk).summary().state())
                .isEqualTo(CaseState.RECEIVED);
        assertThat(f.create(13, ap, Map.of("filingStartDate", "2025-11-03"), f.clerk).summary().state())
                .isEqualTo(CaseState.RECEIVED);
        assertThat(f.desk.search().search(SearchService.Query.text(ap.name()))).hasSize(2);
    }

    @Test
    void aLongTermFilingCannotChangeWithinSixMonthsOfApproval() {
        Applicant ap = DeskFixture.person("周五");
        CaseView first = fileAndClose(12, ap, "2026-11-02");
        String firstNo = first.summary().caseNo();

        f.clock.setDay(LocalDate.of(2027, 5, 1));
        // a 变更 of the same filing, and any other filing (here 临时外出), are refused with the day it becomes possible
        String expected = "该备案于 2026-11-02 批准，2027-05-02 起方可变更";
        assertThatThrownBy(() -> f.create(12, ap, Map.of("filingStartDate", "2027-05-10", "registrationCategory",
                "变更"), f.clerk)).isInstanceOf(ServiceException.class).hasMessageContaining(expected)
                .hasMessageContaining(firstNo).hasMessageContaining("异地长期居住人员备案");
        assertThatThrownBy(() -> f.create(15, ap, Map.of("filingStartDate", "2027-05-10"), f.clerk))
                .hasMessageContaining(expected);
        // another person is not locked
        assertThat(f.create(15, DeskFixture.person("吴六"), Map.of("filingStartDate", "2027-05-10"), f.clerk)
                .summary().state()).isEqualTo(CaseState.RECEIVED);

        // a change taken in before the lock (e.g. paper) is refused at 受理 as well: the lock is asked again there
        f.clock.setDay(LocalDate.of(2027, 5, 2));
        CaseView change = f.create(12, ap, Map.of("filingStartDate", "2027-05-10", "registrationCategory", "变更"),
                f.clerk);
        CaseView accepted = f.desk.cases().intake(new CaseService.NewCase(15, ap, Samples.fields(f.item(15),
                Map.of("filingStartDate", "2027-05-03")), Map.of(1, org.ybdesk.core.catalog.MaterialStatus.PAPER, 2,
                org.ybdesk.core.catalog.MaterialStatus.PAPER), null, null, null), IntakeDecision.ACCEPT_AND_CLOSE,
                java.util.List.of(), null, f.clerk, false);
        assertThat(accepted.summary().state()).isEqualTo(CaseState.CLOSED);
        assertThat(change.summary().state()).isEqualTo(CaseState.RECEIVED);
    }

    @Test
    void theLockIsAskedAgainAtAcceptance() {
        Applicant ap = DeskFixture.person("郑七");
        CaseView waiting = f.create(11, ap, Map.of("filingStartDate", "2026-11-10"), f.clerk); // taken, not accepted
        fileAndClose(13, ap, "2026-11-02"); // another long-term filing approved meanwhile
        f.clock.setDay(LocalDate.of(2026, 11, 3));
        assertThatThrownBy(() -> f.desk.cases().act(waiting.summary().caseNo(), Command.of(CaseAction.ACCEPT), null,
                f.clerk)).hasMessageContaining("常驻异地工作人员备案").hasMessageContaining("2027-05-02 起方可变更");
        assertThat(f.desk.cases().show(waiting.summary().caseNo(), f.clerk).summary().state())
                .isEqualTo(CaseState.RECEIVED);
    }

    @Test
    void theTreatmentPlaceIsAnAdminDivisionCode() {
        Applicant ap = DeskFixture.person("冯八");
        assertThatThrownBy(() -> f.create(15, ap, Map.of("filingStartDate", "2026-11-20", "treatmentPlace", "北京"),
                f.clerk)).isInstanceOf(ServiceException.class).hasMessageContaining("就医地");
        CaseView ok = f.create(15, ap, Map.of("filingStartDate", "2026-11-20", "treatmentPlace", "110100"), f.clerk);
        assertThat(ok.fields()).containsEntry("treatmentPlace", "110100");
    }
}
