package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.IntakeDecision;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * Issue 15 (D182): 不予受理 and 补正 together with taking an application in need only what identifies the applicant
 * (ID type and number, name; for a unit its code and name), not the whole form — for every item; 受理 still needs
 * it all.
 */
class EarlyRefusalTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    private static NewCase bare(int itemNo, Applicant ap) {
        return new NewCase(itemNo, ap, Map.of(), Map.of(), null, null, null);
    }

    @Test
    void everyItemIsRefusedAndSentFor补正WithOnlyTheApplicantsIdentity() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            int n = 0;
            for (ServiceItem item : f.desk.catalog().items()) {
                boolean person = item.applicantKind() == ApplicantKind.PERSON;
                Applicant ap = person ? new Applicant(org.ybdesk.core.registry.IdType.RESIDENT_ID,
                        Samples.residentId(), "早退" + "甲乙丙丁戊己庚辛壬癸".charAt(n % 10), null)
                        : new Applicant(null, Samples.creditCode(), "早退单位" + n, null);
                n++;
                CaseView refused = f.desk.cases().intake(bare(item.no(), ap), IntakeDecision.REFUSE,
                        List.of("不属于本机构受理范围"), null, f.clerk, true);
                assertThat(refused.summary().state()).as("item %d refused", item.no()).isEqualTo(CaseState.REFUSED);
                assertThat(refused.summary().applicantName()).isEqualTo(ap.name());
                Applicant ap2 = new Applicant(ap.idType(), person ? Samples.residentId() : Samples.creditCode(),
                        ap.name() + "补", null);
                CaseView asked = f.desk.cases().intake(bare(item.no(), ap2), IntakeDecision.REQUEST_SUPPLEMENT,
                        List.of("缺少身份证复印件"), null, f.clerk, true);
                assertThat(asked.summary().state()).as("item %d 补正", item.no())
                        .isNotIn(CaseState.REFUSED, CaseState.RECEIVED);
            }
        }
    }

    @Test
    void acceptingStillNeedsTheWholeForm() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            assertThatThrownBy(() -> f.desk.cases().intake(bare(16, DeskFixture.person("受理甲")),
                    IntakeDecision.ACCEPT, List.of(), null, f.clerk, true))
                    .isInstanceOf(ServiceException.class)
                    .satisfies(e -> assertThat(((ServiceException) e).problems()).anyMatch(p -> p.contains("请填写")));
        }
    }

    @Test
    void theIdentityIsStillRequiredAndAGivenValueStillChecked() {
        try (DeskFixture f = new DeskFixture(dir, TODAY)) {
            // no ID number, no name: both told at once
            assertThatThrownBy(() -> f.desk.cases().intake(bare(16, new Applicant(null, "", "", null)),
                    IntakeDecision.REFUSE, List.of("材料不齐"), null, f.clerk, true))
                    .isInstanceOf(ServiceException.class)
                    .satisfies(e -> assertThat(((ServiceException) e).problems()).hasSizeGreaterThanOrEqualTo(2));
            // a wrong check digit is refused even for 不予受理
            String id = Samples.residentId();
            String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
            assertThatThrownBy(() -> f.desk.cases().intake(bare(16, new Applicant(null, wrong, "错号乙", null)),
                    IntakeDecision.REFUSE, List.of("材料不齐"), null, f.clerk, true))
                    .isInstanceOf(ServiceException.class);
            // a value typed into the form is still checked: a malformed phone in the form
            NewCase bad = new NewCase(16, DeskFixture.person("电话丙"), Map.of("phone", "12"), Map.of(), null, null,
                    null);
            assertThatThrownBy(() -> f.desk.cases().intake(bad, IntakeDecision.REQUEST_SUPPLEMENT,
                    List.of("缺材料"), null, f.clerk, true)).isInstanceOf(ServiceException.class);
            // a refusal still needs its reasons
            assertThatThrownBy(() -> f.desk.cases().intake(bare(16, DeskFixture.person("无因丁")),
                    IntakeDecision.REFUSE, List.of(), null, f.clerk, true)).isInstanceOf(ServiceException.class);
        }
    }
}
