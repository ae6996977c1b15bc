package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.RegistryConflict;
import org.ybdesk.protocol.RegistryConflicts;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.protocol.org.CountyCases;

/**
 * Issue 13 (D134–D137): the province orders and judges by when things happened, not by when they arrived — a
 * registry conflict between two agencies keeps the registration that occurred first and both agencies see it; a
 * back-filled filing whose registration occurred earlier but arrives later waits instead of being refused; a county
 * page lists cases in the order they happened.
 */
class OccurrenceOrderTest {
    private static final String ID = "230102199001011230";
    ServerFixture f;

    @BeforeEach
    void start() {
        f = new ServerFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static Map<String, Object> backfill(String paperRef) {
        return Map.of("paperRef", paperRef, "enteredAt", "2026-11-20T08:30:00", "enteredBy", "zhang");
    }

    private static Envelope person(ServerFixture.DeskClient d, String id, String name, String occurredAt,
                                   String paperRef) {
        Map<String, Object> in = new LinkedHashMap<>(Map.of("idType", "RESIDENT_ID", "idNumber", id, "name", name,
                "insuranceType", "RESIDENT", "status", "INSURED", "birthDate", "1990-01-01", "gender", "MALE"));
        if (occurredAt != null) {
            in.put("occurredAt", occurredAt);
            in.put("backfill", backfill(paperRef));
        }
        return d.envelope("4201", in);
    }

    private static Map<String, Object> receipt(ServerFixture.DeskClient d, String caseNo, int item, String id,
                                               String occurredAt, String paperRef) {
        Map<String, Object> in = new LinkedHashMap<>(Map.of("caseNo", caseNo, "agencyCode", d.desk.agencyCode(),
                "itemNo", item, "catalogVersion", "2026.1", "applicantKind", "PERSON", "applicantIdNumber", id,
                "applicantName", "李四", "action", "RECEIVE", "toState", "RECEIVED", "occurredAt", occurredAt));
        if (paperRef != null) {
            in.put("backfill", backfill(paperRef));
        }
        return in;
    }

    private RegistryConflicts conflicts(ServerFixture.DeskClient d, long since) {
        HttpResponse<String> r = f.get(d.token, Protocol.PATH_CONFLICTS + "?since=" + since);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ServerFixture.read(r.body(), RegistryConflicts.class);
    }

    @Test
    void theSecondArrivingRegistrationThatOccurredFirstHoldsTheRegistryAndBothAgenciesGetTheConflict() {
        var daoli = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        var nangang = f.desk("230103001", "230103", "哈尔滨市南岗区医疗保障中心");
        var third = f.desk("230104001", "230104", "哈尔滨市道外区医疗保障中心");
        // 道里 registers 李四 live on 20 November (arrives first)
        assertThat(ServerFixture.codes(daoli.upload(person(daoli, ID, "李四", null, null)))).containsExactly("OK");
        // 南岗 back-fills the paper registration it took on 3 November during the outage (arrives second)
        Envelope late = person(nangang, ID, "李四", "2026-11-03T10:00+08:00", "停机纸质-0007");
        UploadResult r = nangang.upload(late).results().get(0);

        assertThat(r.infcode()).as("accepted with the conflict, the desk's outbox moves on").isEqualTo(UploadResult.OK);
        assertThat(r.errCode()).isEqualTo(UploadResult.REGISTRY_CONFLICT);
        assertThat(r.errMsg()).contains(ID, "哈尔滨市道里区医疗保障中心", "2026-11-20 09:01", "2026-11-03 10:00", "改以本次为准");
        // the registry holds the registration that occurred first
        assertThat(f.db.dsl().fetchValue("select insured_agency_code from registry_person where id_number = '" + ID
                + "'")).isEqualTo("230103001");
        assertThat(f.db.dsl().fetchValue("select cast(registered_on as varchar) from registry_person where id_number = '"
                + ID + "'")).isEqualTo("2026-11-03");
        assertThat(f.count("registry_person")).isEqualTo(1);

        // both agencies see the same conflict with both occurrence times; a third agency sees nothing
        for (var d : List.of(daoli, nangang)) {
            RegistryConflicts page = conflicts(d, 0);
            assertThat(page.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(RegistryConflict.PERSON);
                assertThat(c.key()).isEqualTo(ID);
                assertThat(c.name()).isEqualTo("李四");
                assertThat(c.holder().agencyCode()).isEqualTo("230103001");
                assertThat(c.holder().occurredAt()).isEqualTo("2026-11-03 10:00:00");
                assertThat(c.holder().backfill()).isTrue();
                assertThat(c.holder().paperRef()).isEqualTo("停机纸质-0007");
                assertThat(c.holder().agencyName()).isEqualTo("哈尔滨市南岗区医疗保障中心");
                assertThat(c.other().agencyCode()).isEqualTo("230102001");
                assertThat(c.other().occurredAt()).isEqualTo("2026-11-20 09:01:00");
                assertThat(c.other().backfill()).isFalse();
                assertThat(c.other().windowNo()).isEqualTo(daoli.desk.windowNo());
                assertThat(c.arrivedFirst()).isEqualTo(RegistryConflict.OTHER);
                assertThat(c.replaced()).isTrue();
            });
            assertThat(conflicts(d, page.version()).conflicts()).isEmpty();
        }
        assertThat(conflicts(third, 0).conflicts()).isEmpty();
        assertThat(f.db.dsl().fetchValue("select replaced->>'insured_agency_code' from registry_conflict"))
                .isEqualTo("230102001");

        // sent again: the same answer, no second conflict
        UploadResult again = nangang.upload(late).results().get(0);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.errCode()).isEqualTo(UploadResult.REGISTRY_CONFLICT);
        assertThat(again.errMsg()).isEqualTo(r.errMsg());
        assertThat(f.count("registry_conflict")).isEqualTo(1);

        // a third registration that occurred later than the holder's: the holder stays, a second conflict
        UploadResult later = third.upload(person(third, ID, "李四", "2026-11-10T15:30+08:00", "道外-3")).results()
                .get(0);
        assertThat(later.errCode()).isEqualTo(UploadResult.REGISTRY_CONFLICT);
        assertThat(later.errMsg()).contains("仍以前者为准", "2026-11-03 10:00", "2026-11-10 15:30");
        assertThat(f.db.dsl().fetchValue("select insured_agency_code from registry_person where id_number = '" + ID
                + "'")).isEqualTo("230103001");
        RegistryConflict c2 = conflicts(third, 0).conflicts().get(0);
        assertThat(c2.holder().agencyCode()).isEqualTo("230103001");
        assertThat(c2.other().agencyCode()).isEqualTo("230104001");
        assertThat(c2.arrivedFirst()).isEqualTo(RegistryConflict.HOLDER);
        assertThat(c2.replaced()).isFalse();
        assertThat(conflicts(nangang, 0).conflicts()).hasSize(2);
        assertThat(conflicts(daoli, 0).conflicts()).hasSize(1);
        assertThat(f.get(daoli.token, Protocol.PATH_CONFLICTS + "?limit=0").statusCode()).isEqualTo(400);
        assertThat(f.get(null, Protocol.PATH_CONFLICTS).statusCode()).isEqualTo(401);
    }

    @Test
    void aRegistrationCannotClaimToHaveOccurredAfterItWasEntered() {
        var d = f.desk("230105001", "230105", "香坊区医疗保障中心");
        UploadResult r = d.upload(person(d, ServerFixture.pid("230105", 1), "王五", "2027-01-01T09:00+08:00", "X"))
                .results().get(0);
        assertThat(r.errCode()).isEqualTo("INVALID_FIELD");
        assertThat(r.errMsg()).contains("occurredAt", "晚于");
    }

    @Test
    void aBackfilledFilingWhoseRegistrationOccurredEarlierButArrivesLaterWaitsAndIsThenAccepted() {
        var d = f.desk("230106001", "230106", "平房区医疗保障中心");
        String id = ServerFixture.pid("230106", 5);
        LocalDate day = d.clock.toLocalDate();
        String filing = ServerFixture.caseNo("230106001", day, d.desk.windowNo(), 1);
        // entered first: the filing (item 13) taken on paper on 3 November at 11:00, and its next step
        Envelope receipt = d.envelope("4101", receipt(d, filing, 13, id, "2026-11-03T11:00+08:00", "纸-1"));
        Envelope step = d.caseStep(filing, "ACCEPT", "RECEIVED", "ACCEPTED");
        List<UploadResult> first = d.upload(receipt, step).results();
        assertThat(first).extracting(UploadResult::infcode).containsExactly(UploadResult.WAIT, UploadResult.WAIT);
        assertThat(first.get(0).errCode()).isEqualTo(UploadResult.NOT_YET_INSURED);
        assertThat(first.get(0).errMsg()).contains(id, "2026-11-03 11:00", "尚未到达");
        assertThat(first.get(1).errMsg()).contains(filing, "等待");
        // nothing kept: neither the case nor the acknowledgements (the same msgid is judged again)
        assertThat(f.count("province_case")).isZero();
        assertThat(f.count("received_message")).isZero();

        // the registration it depends on (paper, 3 November 09:00) arrives, then the same messages again
        assertThat(ServerFixture.codes(d.upload(person(d, id, "赵六", "2026-11-03T09:00+08:00", "纸-0"))))
                .containsExactly("OK");
        List<UploadResult> second = d.upload(receipt, step).results();
        assertThat(second).extracting(UploadResult::infcode).containsExactly(UploadResult.OK, UploadResult.OK);
        assertThat(second).extracting(UploadResult::duplicate).containsExactly(false, false);
        assertThat(f.db.dsl().fetchValue("select cast(occurred_at as varchar) from province_case where case_no = '"
                + filing + "'")).isEqualTo("2026-11-03 11:00:00");

        // a back-filled filing that occurred BEFORE the registration the registry holds: it waits (D136) — a paper
        // registration that occurred earlier still may come and take the registry over (D134); the desk's third
        // wait quarantines it for a person to look
        String early = ServerFixture.caseNo("230106001", day, d.desk.windowNo(), 2);
        UploadResult r = d.upload(d.envelope("4101", receipt(d, early, 13, id, "2026-11-02T16:00+08:00", "纸-2")))
                .results().get(0);
        assertThat(r.infcode()).isEqualTo(UploadResult.WAIT);
        assertThat(r.errCode()).isEqualTo(UploadResult.NOT_YET_INSURED);
        assertThat(r.errMsg()).contains("2026-11-02", "2026-11-03");
        // live work for a person the province does not know is refused as before (D58), not kept waiting
        String live = ServerFixture.caseNo("230106001", day, d.desk.windowNo(), 3);
        UploadResult l = d.upload(d.caseReceived(live, 13, ServerFixture.pid("230106", 6))).results().get(0);
        assertThat(l.infcode()).isEqualTo(UploadResult.REFUSED);
        assertThat(l.errCode()).isEqualTo("NOT_INSURED");
    }

    @Test
    void reimbursementsUploadedOutOfOrderAreListedInTheOrderTheyHappened() {
        var d = f.desk("230107001", "230107", "松北区医疗保障中心");
        String id = ServerFixture.pid("230107", 7);
        LocalDate day = d.clock.toLocalDate();
        d.upload(person(d, id, "钱七", "2026-11-01T08:00+08:00", "纸-0"));
        // entered in the order 3, 1, 2; they happened 1, 2, 3
        String[] occurred = {"2026-11-05T10:00+08:00", "2026-11-02T09:00+08:00", "2026-11-04T14:00+08:00"};
        for (int i = 0; i < 3; i++) {
            String no = ServerFixture.caseNo("230107001", day, d.desk.windowNo(), i + 1);
            assertThat(ServerFixture.codes(d.upload(d.envelope("4101", receipt(d, no, 17, id, occurred[i],
                    "纸-" + (i + 1)))))).containsExactly("OK");
        }
        HttpResponse<String> r = f.get(d.token, Protocol.PATH_COUNTY + "?since=0");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        CountyCases page = ServerFixture.read(r.body(), CountyCases.class);
        assertThat(page.cases()).extracting(c -> c.caseNo().substring(c.caseNo().length() - 1))
                .containsExactly("2", "3", "1");
        assertThat(page.cases()).extracting(c -> c.occurredAt())
                .containsExactly("2026-11-02 09:00:00", "2026-11-04 14:00:00", "2026-11-05 10:00:00");
        assertThat(page.version()).isEqualTo(page.cases().stream().mapToLong(c -> c.version()).max().orElseThrow());
        // one person's cases in the order they happened, by the province's own column
        assertThat(f.db.dsl().fetch("select case_no from province_case where applicant_id_number = '" + id
                + "' order by occurred_at").getValues(0, String.class))
                .containsExactly(page.cases().stream().map(c -> c.caseNo()).toArray(String[]::new));
    }
}
