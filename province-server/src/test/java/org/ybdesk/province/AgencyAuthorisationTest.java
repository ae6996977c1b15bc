package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.protocol.UploadResponse;

/** The reproduction: a desk of 230102001 must not close 230103001's case nor take its future numbers. */
class AgencyAuthorisationTest {
    ServerFixture f;

    @BeforeEach
    void start() {
        f = new ServerFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aDeskCreatesOnlyItsAgencysNumbersAndChangesOnlyCasesItsAgencyHolds() {
        var daoli = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        var nangang = f.desk("230103001", "230103", "哈尔滨市南岗区医疗保障中心");
        var daoli2 = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心二号窗口");
        String theirs = CaseNumbers.formatLegacy("230103001", nangang.clock.toLocalDate(), 1);
        assertThat(ServerFixture.codes(nangang.upload(nangang.caseReceived(theirs, 7,
                ServerFixture.pid("230103", 1))))).containsExactly("OK");

        String theirNext = CaseNumbers.formatLegacy("230103001", daoli.clock.toLocalDate(), 2);
        String theirTomorrow = CaseNumbers.formatLegacy("230103001", daoli.clock.toLocalDate().plusDays(1), 1);
        String ownNextMonth = CaseNumbers.formatLegacy("230102001", daoli.clock.toLocalDate().plusMonths(1), 1);
        String own = CaseNumbers.formatLegacy("230102001", daoli.clock.toLocalDate(), 1);
        UploadResponse r = daoli.upload(
                daoli.caseStep(theirs, "CLOSE", "RECEIVED", "CLOSED"),
                daoli.caseReceived(theirNext, 7, ServerFixture.pid("230102", 1)),
                daoli.caseReceived(theirTomorrow, 7, ServerFixture.pid("230102", 1)),
                daoli.caseReceived(ownNextMonth, 7, ServerFixture.pid("230102", 1)),
                daoli.caseReceived(own, 7, ServerFixture.pid("230102", 1)));
        assertThat(ServerFixture.codes(r)).containsExactly("NOT_HOLDER", "FORBIDDEN_AGENCY", "FORBIDDEN_AGENCY",
                "FORBIDDEN_AGENCY", "OK");
        assertThat(r.results().get(0).errMsg()).contains(theirs, "230103001", "230102001");
        assertThat(r.results().get(1).errMsg()).contains(theirNext, "230102001");
        // nothing of theirs changed or reserved: their next number is still theirs to use
        assertThat(f.db.dsl().fetchValue("select state from province_case where case_no = ?", theirs))
                .isEqualTo("RECEIVED");
        assertThat(f.db.dsl().fetchValue("select count(*) from case_step where case_no = ?", theirs).toString())
                .isEqualTo("1");
        assertThat(ServerFixture.codes(nangang.upload(nangang.caseReceived(theirNext, 7,
                ServerFixture.pid("230103", 2))))).containsExactly("OK");
        // another desk of the same agency does not hold the case (issue 12: one holding desk) until it claims it
        UploadResponse other = daoli2.upload(daoli2.caseStep(own, "CLOSE", "RECEIVED", "CLOSED"));
        assertThat(ServerFixture.codes(other)).containsExactly("NOT_HOLDER");
        assertThat(other.results().get(0).errMsg()).contains(own, "哈尔滨市道里区医疗保障中心", "第 01 号窗口");
        assertThat(f.post(daoli.token, f.base() + "/api/v1/cases/" + own + "/release", "{}").statusCode())
                .isEqualTo(200);
        assertThat(f.post(daoli2.token, f.base() + "/api/v1/cases/" + own + "/claim", "{}").statusCode())
                .isEqualTo(200);
        assertThat(ServerFixture.codes(daoli2.upload(daoli2.caseStep(own, "CLOSE", "RECEIVED", "CLOSED"))))
                .containsExactly("OK");
    }
}
