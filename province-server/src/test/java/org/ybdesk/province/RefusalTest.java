package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;

class RefusalTest {
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
    void samePersonNewlyRegisteredAtTwoWindowsOfOneAgencyIsRefusedNamingWhereAndWhen() {
        // two windows of ONE agency (D134: two agencies make a registry conflict, OccurrenceOrderTest)
        var daoli = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        var nangang = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心二号窗口");
        UploadResponse first = daoli.upload(daoli.person("230102199001011230", "李四"));
        assertThat(first.results().get(0).accepted()).isTrue();

        UploadResponse second = nangang.upload(nangang.person("230102199001011230", "李四"));

        UploadResult r = second.results().get(0);
        assertThat(r.infcode()).isEqualTo(UploadResult.REFUSED);
        assertThat(r.errCode()).isEqualTo("ALREADY_INSURED");
        assertThat(r.errMsg()).contains("哈尔滨市道里区医疗保障中心", "230102001", daoli.clock.toLocalDate().toString(),
                "230102199001011230");
        assertThat(r.infRefmsgid()).isNotBlank();
        // the registry holds the first registration only, at the first agency
        assertThat(f.db.dsl().fetchValue(
                "select insured_agency_code from registry_person where id_number = '230102199001011230'"))
                .isEqualTo("230102001");
        // a refusal is final and idempotent
        Envelope same = nangang.envelopeAt("4201", Map.of("idType", "RESIDENT_ID", "idNumber", "230102199001011230",
                "name", "李四"), nangang.seq, nangang.clock);
        UploadResult again = nangang.upload(same).results().get(0);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.errCode()).isEqualTo("ALREADY_INSURED");
        assertThat(again.errMsg()).isEqualTo(r.errMsg());
        assertThat(again.infRefmsgid()).isEqualTo(r.infRefmsgid());
    }

    @Test
    void unitRegisteredTwiceIsRefused() {
        var a = f.desk("230104001", "230104", "道外区医疗保障中心");
        var b = f.desk("230104001", "230104", "道外区医疗保障中心二号窗口");
        assertThat(ServerFixture.codes(a.upload(a.unit("91230104MA1B2C3D43", "某某公司")))).containsExactly("OK");
        UploadResult r = b.upload(b.unit("91230104ma1b2c3d43", "某某公司")).results().get(0);
        assertThat(r.errCode()).isEqualTo("UNIT_ALREADY_REGISTERED");
        assertThat(r.errMsg()).contains("道外区医疗保障中心");
    }

    @Test
    void outOfAreaFilingForAPersonNotInsuredIsRefusedOtherItemsAreNot() {
        var d = f.desk("230106001", "230106", "平房区医疗保障中心");
        UploadResponse r = d.upload(
                d.caseReceived("2301060012026112000001", 13, "230106198501015554"), // 异地就医备案 (item 13)
                d.caseReceived("2301060012026112000002", 7, "230106198501015554"));  // a query: no such check
        assertThat(ServerFixture.codes(r)).containsExactly("NOT_INSURED", "OK");
        assertThat(r.results().get(0).errMsg()).contains("230106198501015554", "未查到有效参保记录");
        assertThat(f.db.dsl().fetchCount(org.jooq.impl.DSL.table("province_case"),
                org.jooq.impl.DSL.field("case_no").eq("2301060012026112000001"))).isZero();
    }

    @Test
    void laterMessagesOfACaseWhoseReceiptWasRefusedAreRefusedWithTheReason() {
        var d = f.desk("230107001", "230107", "松北区医疗保障中心");
        String caseNo = "2301070012026112000001";
        UploadResponse r = d.upload(
                d.caseReceived(caseNo, 11, "230107197001016667"),
                d.caseStep(caseNo, "CLOSE", "RECEIVED", "CLOSED"),
                d.caseMaterials(caseNo),
                d.caseStep("2301070012026112099999", "ACCEPT", "RECEIVED", "ACCEPTED"));
        assertThat(ServerFixture.codes(r)).containsExactly("NOT_INSURED", "CASE_REFUSED_EARLIER",
                "CASE_REFUSED_EARLIER", "CASE_UNKNOWN");
        assertThat(r.results().get(1).errMsg()).contains(caseNo, "未查到有效参保记录");
        assertThat(f.count("case_step")).isZero();
    }

    @Test
    void orderIsPerCaseNotPerDesk() {
        var d = f.desk("230108001", "230108", "呼兰区医疗保障中心");
        String caseNo = org.ybdesk.core.validation.CaseNumbers.formatLegacy("230108001", d.clock.toLocalDate(), 1);
        d.upload(d.person("230108198001017775", "孙七"), d.caseReceived(caseNo, 7, "230108198001017775"),
                d.caseStep(caseNo, "ACCEPT", "RECEIVED", "ACCEPTED"));
        // a registration with a sequence below the desk's last: order is no longer kept across the whole desk
        Envelope stalePerson = d.envelopeAt("4201", Map.of("idType", "RESIDENT_ID", "idNumber", "23010819800101999X",
                "name", "吴九"), 1, LocalDateTime.of(2026, 11, 21, 8, 0));
        assertThat(ServerFixture.codes(d.upload(stalePerson))).containsExactly("OK");
        // a new message of the case with a sequence below the case's last applied one is refused, naming the case
        Envelope staleStep = d.envelopeAt("4102", Map.of("caseNo", caseNo, "itemNo", 7, "action", "REVIEW",
                "fromState", "ACCEPTED", "toState", "REVIEWED"), 2, LocalDateTime.of(2026, 11, 21, 8, 1));
        UploadResult r = d.upload(staleStep).results().get(0);
        assertThat(r.errCode()).isEqualTo("SEQ_OUT_OF_ORDER");
        assertThat(r.errMsg()).contains(caseNo, "3");
        assertThat(f.db.dsl().fetchValue("select state from province_case where case_no = ?", caseNo))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void missingInputFieldsAreRefusedPerMessageNamingThem() {
        var d = f.desk("230109001", "230109", "阿城区医疗保障中心");
        UploadResult r = d.upload(d.envelope("4201", Map.of("idType", "RESIDENT_ID"))).results().get(0);
        assertThat(r.errCode()).isEqualTo("INVALID_INPUT");
        assertThat(r.errMsg()).contains("idNumber", "name");
    }
}
