package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.calendar.DeadlineInput;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.CaseService.Backfilled;
import org.ybdesk.service.CaseService.Circumstances;
import org.ybdesk.service.CaseService.IntakeDecision;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * Issue 13, items 1–3 at the desk: a supervisor records an outage; the cases whose clock runs through it get their
 * due date moved by exactly its working days, with the reason on the timeline and beside the promise; paper work of
 * the outage is back-filled with its real time, which the outbox carries. Fixed clock, real H2.
 */
class OutageBackfillTest {
    @TempDir
    Path dir;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDateTime t(String text) {
        return LocalDateTime.parse(text, OutageService.TIME);
    }

    private static Map<Integer, MaterialStatus> allPaper(DeskFixture f, int item) {
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        f.item(item).materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        return m;
    }

    private static NewCase backfilled(DeskFixture f, int item, CaseService.Applicant ap, Map<String, String> given,
                                      String occurredAt, String paperRef) {
        return new NewCase(item, ap, Samples.fields(f.item(item), given), allPaper(f, item), null, null, null)
                .with(Circumstances.NONE.withBackfill(new Backfilled(t(occurredAt), paperRef)));
    }

    private static List<String> payloads(DeskFixture f, String type) {
        return f.desk.db().dsl().select(OUTBOX.PAYLOAD_JSON).from(OUTBOX).where(OUTBOX.MSG_TYPE.eq(type))
                .orderBy(OUTBOX.SEQ).fetch(OUTBOX.PAYLOAD_JSON);
    }

    /** 审核 and 办结 by the window clerk (items 1–6, D86): the registry takes the case's variant at 办结. */
    private static CaseView close(DeskFixture f, CaseView v) {
        f.desk.cases().act(v.summary().caseNo(), Command.of(CaseAction.REVIEW), null, f.clerk);
        return f.desk.cases().act(v.summary().caseNo(), Command.of(CaseAction.CLOSE), null, f.clerk);
    }

    @Test
    void recordingValidatesAndRefusesOverlaps() {
        try (DeskFixture f = new DeskFixture(dir, d("2026-03-16"))) {
            OutageService o = f.desk.outages();
            assertThatThrownBy(() -> o.add("2026-03-09 20:00", "2026-03-12 08:00", null, "系统切换", null, f.clerk))
                    .hasMessageContaining("只有负责人或管理员可以登记停机");
            assertThatThrownBy(() -> o.add("2026-02-30 20:00", "2026-03-12 8:00", null, "", null, f.head))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.problems()).hasSize(3)
                            .anySatisfy(p -> assertThat(p).contains("停机开始时间「2026-02-30 20:00」不是有效的时间"))
                            .anySatisfy(p -> assertThat(p).contains("停机结束时间「2026-03-12 8:00」"))
                            .anySatisfy(p -> assertThat(p).contains("停机原因")));
            assertThatThrownBy(() -> o.add("2026-03-12 08:00", "2026-03-09 20:00", null, "系统切换", null, f.head))
                    .hasMessageContaining("必须晚于开始时间");
            assertThatThrownBy(() -> o.add("2026-04-20 08:00", "2026-04-21 08:00", null, "系统切换", null, f.head))
                    .hasMessageContaining("最多提前 30 天");
            assertThatThrownBy(() -> o.add("2026-03-09 20:00", "2026-03-12 08:00", null, "切换\u0007", null, f.head))
                    .hasMessageContaining("停机原因");
            assertThatThrownBy(() -> o.add("2026-03-09 20:00", "2026-03-12 08:00", null, "很".repeat(201), null,
                    f.head)).hasMessageContaining("停机原因");
            assertThat(o.list()).isEmpty();

            var rec = o.add("2026-03-09 20:00", "2026-03-12 08:00", null, "系统切换", "哈医保发〔2026〕1号", f.head);
            assertThat(rec.outage().scope()).isEqualTo("全部业务");
            assertThat(rec.outage().days()).containsExactly(d("2026-03-10"), d("2026-03-11"));
            // an outage announced ahead (within 30 days) is accepted; an overlapping one is refused naming the other
            o.add("2026-04-10 18:00", "2026-04-13 08:00", "异地就医", "国家平台升级", null, f.admin);
            assertThatThrownBy(() -> o.add("2026-03-11 12:00", "2026-03-13 08:00", null, "再次停机", null, f.head))
                    .hasMessageContaining("2026-03-09 20:00 至 2026-03-12 08:00").hasMessageContaining("系统切换");
            assertThat(o.list()).extracting(OutageService.OutageView::reason).containsExactly("系统切换", "国家平台升级");
            assertThat(o.list().get(0).recordedBy()).isEqualTo("负责人己");
            assertThat(f.desk.db().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("OUTAGE_RECORD"))).isEqualTo(2);
            assertThat(f.desk.verifyAudit().ok()).isTrue();
        }
    }

    @Test
    void anOutageMovesTheDueDateOfRunningCasesByItsWorkingDays() {
        try (DeskFixture f = new DeskFixture(dir, d("2026-03-02"))) {
            // accepted Mon 03-02, 20 working days: due Mon 03-30
            String no = f.create(16, DeskFixture.person("停机甲"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
            String later = f.create(16, DeskFixture.person("停机乙"), Map.of(), f.clerk).summary().caseNo();
            assertThat(f.desk.cases().show(no, f.clerk).summary().deadline().dueDate()).isEqualTo(d("2026-03-30"));

            f.clock.setDay(d("2026-03-16"));
            var rec = f.desk.outages().add("2026-03-09 20:00", "2026-03-12 08:00", null, "系统切换", null, f.head);
            // 03-10 and 03-11 were lost: two working days
            assertThat(rec.extendedCases()).containsExactly(no);
            CaseView v = f.desk.cases().show(no, f.clerk);
            assertThat(v.summary().deadline().dueDate()).isEqualTo(d("2026-04-01"));
            assertThat(v.events()).filteredOn(e -> e.action().equals(CaseService.DUE_CHANGE)).singleElement()
                    .satisfies(e -> assertThat(e.note()).contains("因系统停机（系统切换）顺延 2 个工作日")
                            .contains("2026年3月30日").contains("2026年4月1日"));
            CaseViews.DuePromise p = f.desk.cases().promise(no);
            assertThat(p.promisedOn()).isEqualTo(d("2026-03-30"));
            assertThat(p.currentOn()).isEqualTo(d("2026-04-01"));
            assertThat(p.moveReason()).contains("因系统停机（系统切换）顺延 2 个工作日");
            // the due list reads the moved date; a later step keeps it (the outage stays a clock stop)
            assertThat(f.desk.cases().dueList(true, 10)).filteredOn(s -> s.caseNo().equals(no))
                    .extracting(s -> s.deadline().dueDate()).containsExactly(d("2026-04-01"));
            f.desk.cases().act(no, Command.of(CaseAction.REVIEW), null, f.reviewer);
            assertThat(f.desk.cases().show(no, f.clerk).summary().deadline().dueDate()).isEqualTo(d("2026-04-01"));
            // a case not accepted yet is not touched; accepted after the outage, it is not extended
            assertThat(f.desk.db().dsl().fetchCount(CASE_EVENT, CASE_EVENT.ACTION.eq(CaseService.DUE_CHANGE)))
                    .isEqualTo(1);
            f.desk.cases().act(later, Command.of(CaseAction.ACCEPT), null, f.clerk);
            assertThat(f.desk.cases().show(later, f.clerk).summary().deadline().dueDate())
                    .isEqualTo(f.desk.deadlines().compute(DeadlineInput.of(d("2026-03-16"), 20), d("2026-03-16"))
                            .dueDate());
            assertThat(f.desk.verifyAudit().ok()).isTrue();
        }
    }

    @Test
    void backFilledWorkKeepsItsRealTimeAndTheOutboxCarriesIt() {
        try (DeskFixture f = new DeskFixture(dir, d("2026-03-16"))) {
            f.desk.outages().add("2026-03-09 20:00", "2026-03-12 08:00", null, "系统切换", null, f.head);
            // entered out of order: the later paper first
            CaseView unit = f.desk.cases().intake(backfilled(f, 1, DeskFixture.institution("补录科技有限公司"),
                    Map.of("registrationType", "新参保", "insuredDate", "2026-03-01"), "2026-03-11 15:20", "纸-002"),
                    IntakeDecision.ACCEPT, List.of(), null, f.clerk, false);
            close(f, unit);
            CaseView person = f.desk.cases().intake(backfilled(f, 2, DeskFixture.person("补录丙"),
                    Map.of("personCategory", "在职职工", "changeType", "增加"), "2026-03-10 10:30", "纸-001"),
                    IntakeDecision.ACCEPT, List.of(), null, f.clerk, false);
            person = close(f, person);
            CaseView filing = f.desk.cases().intake(backfilled(f, 16, DeskFixture.person("补录丁"), Map.of(),
                    "2026-03-11 14:00", "纸-003"), IntakeDecision.ACCEPT, List.of(), null, f.clerk, false);

            assertThat(person.summary().state()).isEqualTo(CaseState.CLOSED);
            assertThat(person.summary().receivedOn()).isEqualTo(d("2026-03-10"));
            assertThat(person.receivedAt()).isEqualTo(t("2026-03-10 10:30"));
            assertThat(person.enteredAt()).isEqualTo(t("2026-03-16 09:00"));
            assertThat(person.backfill().paperRef()).isEqualTo("纸-001");
            assertThat(person.backfill().enteredBy()).isEqualTo("窗口乙");
            // the clock of back-filled work counts from the paper's day; the outage day after it does not count
            assertThat(filing.summary().acceptedOn()).isEqualTo(d("2026-03-11"));
            assertThat(filing.summary().deadline().dueDate()).isEqualTo(
                    f.desk.deadlines().compute(DeadlineInput.of(d("2026-03-11"), 20), d("2026-03-16")).dueDate());

            List<String> received = payloads(f, "CASE_RECEIVED");
            assertThat(received).hasSize(3);
            assertThat(received.get(1)).contains("\"occurredAt\":\"2026-03-10T10:30+08:00\"")
                    .contains("\"paperRef\":\"纸-001\"").contains("\"enteredAt\":\"2026-03-16T09:00:00\"")
                    .contains("\"enteredBy\":\"窗口乙\"").contains("\"onDay\":\"2026-03-10\"");
            assertThat(payloads(f, "PERSON_REGISTERED")).singleElement().satisfies(j -> assertThat(j)
                    .contains("\"occurredAt\":\"2026-03-10T10:30+08:00\"").contains("\"paperRef\":\"纸-001\""));
            assertThat(payloads(f, "UNIT_REGISTERED")).singleElement().satisfies(j -> assertThat(j)
                    .contains("\"occurredAt\":\"2026-03-11T15:20+08:00\"").contains("\"paperRef\":\"纸-002\""));

            // work entered as it happens carries neither
            CaseView plain = f.create(16, DeskFixture.person("当场戊"), Map.of(), f.clerk);
            assertThat(plain.backfill()).isNull();
            assertThat(plain.receivedAt()).isEqualTo(plain.enteredAt());
            assertThat(payloads(f, "CASE_RECEIVED").get(3)).doesNotContain("backfill");

            // lists by 收件 time (the paper's) or by entry
            var byReceived = f.desk.cases().list(new CaseService.CaseQuery(null, null, null, null, null, 10,
                    CaseService.ListSort.RECEIVED));
            assertThat(byReceived).extracting(CaseViews.CaseSummary::caseNo).containsExactly(plain.summary().caseNo(),
                    unit.summary().caseNo(), filing.summary().caseNo(), person.summary().caseNo());
            var byEntered = f.desk.cases().list(new CaseService.CaseQuery(null, null, null, null, null, 10,
                    CaseService.ListSort.ENTERED));
            assertThat(byEntered).extracting(CaseViews.CaseSummary::caseNo).containsExactly(plain.summary().caseNo(),
                    filing.summary().caseNo(), person.summary().caseNo(), unit.summary().caseNo());
            assertThat(f.desk.verifyAudit().ok()).isTrue();
        }
    }

    @Test
    void backFillIsRefusedInTheFutureOutsideOutagesAndAfterItsFieldDates() {
        try (DeskFixture f = new DeskFixture(dir, d("2026-03-16"))) {
            f.desk.outages().add("2026-03-09 20:00", "2026-03-12 08:00", null, "系统切换", null, f.head);
            CaseService cs = f.desk.cases();
            assertThatThrownBy(() -> cs.create(backfilled(f, 16, DeskFixture.person("未来"), Map.of(),
                    "2026-03-16 09:30", "纸-9"), f.clerk)).hasMessageContaining("晚于现在");
            assertThatThrownBy(() -> cs.create(backfilled(f, 16, DeskFixture.person("无编号"), Map.of(),
                    "2026-03-10 09:30", " "), f.clerk)).hasMessageContaining("纸质件编号");
            // outside the outages: a clerk is refused with the list; a 负责人 confirms it as a warning
            assertThatThrownBy(() -> cs.create(backfilled(f, 16, DeskFixture.person("期外"), Map.of(),
                    "2026-03-05 10:00", "纸-5"), f.clerk)).isNotInstanceOf(WarningsToConfirm.class)
                    .hasMessageContaining("不在已登记的停机期间内").hasMessageContaining("2026-03-09 20:00 至 2026-03-12 08:00（系统切换）");
            NewCase outside = backfilled(f, 16, DeskFixture.person("期外"), Map.of(), "2026-03-05 10:00", "纸-5");
            assertThatThrownBy(() -> cs.create(outside, f.allRounder)).isInstanceOfSatisfying(WarningsToConfirm.class,
                    w -> assertThat(w.warnings()).singleElement().satisfies(x -> assertThat(x)
                            .startsWith(Backfills.outsideMark())));
            assertThat(cs.create(outside, f.allRounder, true).summary().receivedOn()).isEqualTo(d("2026-03-05"));
            // the paper cannot record a date after its own 收件 day
            assertThatThrownBy(() -> cs.create(backfilled(f, 1, DeskFixture.institution("日期有限公司"),
                    Map.of("registrationType", "新参保", "insuredDate", "2026-03-12"), "2026-03-10 10:00", "纸-6"),
                    f.clerk)).hasMessageContaining("参保日期（2026-03-12）晚于实际收件日期（2026-03-10）");
            assertThat(cs.list(new CaseService.CaseQuery(null, null, null, null, null, 10))).hasSize(1);
        }
    }
}
