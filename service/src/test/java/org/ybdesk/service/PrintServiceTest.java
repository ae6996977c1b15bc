package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.PrintService.PrintModel;

@org.junit.jupiter.api.Tag("calendar")
class PrintServiceTest {
    @TempDir
    Path dir;

    @Test
    void modelCarriesCaseItemAgencyAndFilingValidity() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            var c = f.create(14, DeskFixture.person("王䶮"), Map.of("filingStartDate", "2026-11-02"), f.clerk);
            PrintModel m = f.desk.prints().model(c.summary().caseNo(), f.clerk);
            assertThat(m.caseNo()).isEqualTo(c.summary().caseNo());
            assertThat(m.item().no()).isEqualTo(14);
            assertThat(m.view().summary().applicantName()).isEqualTo("王䶮");
            assertThat(m.agency().name()).isEqualTo("哈尔滨市道里区医疗保障中心");
            assertThat(m.agency().hotline()).isEqualTo("0451-84661234");
            assertThat(m.mode()).isEqualTo(Mode.PRODUCTION);
            assertThat(m.filingValidity()).isEqualTo("2026年11月2日至2027年11月1日"); // 1 year (issue 13, D145)
            assertThat(m.printedAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));

            var other = f.create(9, DeskFixture.person("赵六"), Map.of(), f.clerk);
            f.desk.cases().act(other.summary().caseNo(), Command.of(org.ybdesk.core.lifecycle.CaseAction.ACCEPT),
                    null, f.clerk);
            assertThat(f.desk.prints().model(other.summary().caseNo(), f.clerk).filingValidity()).isNull();
        }
    }

    @Test
    void refusesUnknownCaseAndMissingActor() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            assertThatThrownBy(() -> f.desk.prints().model("230102001202611020999", f.clerk))
                    .isInstanceOf(ServiceException.class);
            var c = f.create(8, DeskFixture.person("赵六"), Map.of(), f.clerk);
            assertThatThrownBy(() -> f.desk.prints().model(c.summary().caseNo(), null))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("登录");
            assertThat(f.desk.prints().blank().agency().code()).isEqualTo("230102001");
        }
    }
}
