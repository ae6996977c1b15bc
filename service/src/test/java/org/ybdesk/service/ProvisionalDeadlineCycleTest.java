package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.DuePromise;
import org.ybdesk.service.CaseViews.EventView;

/**
 * Issue 10, items 1 and 3: accepted in December 2026 → provisional due date in 2027 (by law) → the 2027 calendar
 * arrives with another arrangement → the due date is recomputed, the timeline says why, and the receipt still shows
 * the promise with the moved date beside it. Fixed clocks only.
 */
@org.junit.jupiter.api.Tag("calendar")
class ProvisionalDeadlineCycleTest {
    @TempDir
    Path dir;

    private static LocalDate d(String iso) { return LocalDate.parse(iso); }

    /**
     * A fictional 2027 notice that differs from the law: 元旦 01-01..01-04 (a bridge Monday), 调休 Saturday 01-09.
     * The law alone gives only 01-01 off.
     */
    static final String NOTICE_2027 = """
            years:
              - year: 2027
                notice: 测试通知〔2026〕1号
                title: 仅供测试的2027年放假安排
                holidays:
                  - {name: 元旦, from: 2027-01-01, to: 2027-01-04}
                  - {name: 春节, from: 2027-02-05, to: 2027-02-11}
                makeUpWorkdays: [2027-01-09]
            """;

    private String accept(DeskFixture f, String name) {
        String no = f.create(16, DeskFixture.person(name), Map.of(), f.clerk).summary().caseNo();
        f.desk.cases().act(no, Command.of(CaseAction.ACCEPT), null, f.clerk);
        return no;
    }

    @Test
    void acceptInDecemberThenTheYearArrives() {
        try (DeskFixture f = new DeskFixture(dir, d("2026-11-02"))) {
            String early = accept(f, "十一月");          // due inside 2026: not affected
            f.clock.setDay(d("2026-12-07"));
            String no = accept(f, "十二月");

            // 1. provisional by law: 12-08..12-31 = 18 working days, 01-01 元旦, 01-04 (19), 01-05 (20)
            CaseView v = f.desk.cases().show(no, f.clerk);
            assertThat(v.summary().deadline().dueDate()).isEqualTo(d("2027-01-05"));
            assertThat(v.summary().deadline().provisional()).isTrue();
            assertThat(v.summary().deadline().provisionalReason()).contains("2027年节假日安排尚未公布")
                    .doesNotContain("导入");
            assertThat(v.summary().deadline().problem()).isNull();
            DuePromise p = f.desk.cases().promise(no);
            assertThat(p.promisedOn()).isEqualTo(d("2027-01-05"));
            assertThat(p.promisedProvisional()).isTrue();
            assertThat(p.moved()).isFalse();
            assertThat(p.provisionalYears()).containsExactly(2027);
            assertThat(f.desk.cases().promise(early).promisedProvisional()).isFalse();

            // the lists and reports no longer stumble over 2027
            assertThat(f.desk.workbench().counts()).isNotNull();
            assertThat(f.desk.cases().dueList(true, 100)).extracting(s -> s.deadline().dueDate())
                    .contains(d("2027-01-05"));
            assertThat(f.desk.cases().dueList(true, 100)).filteredOn(s -> s.caseNo().equals(no))
                    .allSatisfy(s -> assertThat(s.deadline().provisional()).isTrue());
            var due = f.desk.reports().due(ReportService.Filter.of(d("2026-11-01"), d("2026-12-31")));
            assertThat(due.overdue()).extracting(ReportService.DueRow::caseNo).containsExactly(early);

            // 2. the 2027 notice arrives (calendar import by the administrator)
            f.clock.setDay(d("2026-12-10"));
            SetupService.CalendarImport imported = f.desk.setup().importCalendarFile(NOTICE_2027, f.admin);
            assertThat(imported.years()).containsExactly(2027);
            assertThat(imported.changedCases()).containsExactly(no);

            CaseView after = f.desk.cases().show(no, f.clerk);
            // 12-11..12-31 = 15 more after the 3 already counted: 18 by 12-31, 01-01..01-04 off, 01-05 (19), 01-06 (20)
            assertThat(after.summary().deadline().dueDate()).isEqualTo(d("2027-01-06"));
            assertThat(after.summary().deadline().provisional()).isFalse();
            List<EventView> changes = after.events().stream()
                    .filter(e -> e.action().equals(CaseService.DUE_CHANGE)).toList();
            assertThat(changes).singleElement().satisfies(e -> {
                assertThat(e.actionLabel()).isEqualTo("办结日期调整");
                assertThat(e.actorName()).isEqualTo("管理员甲");
                assertThat(e.note()).isEqualTo("2027年工作日历已导入（测试通知〔2026〕1号），办结日期由2027年1月5日（暂定）"
                        + "改为2027年1月6日");
                assertThat(e.from()).isEqualTo(e.to());
            });
            assertThat(f.desk.cases().show(early, f.clerk).events())
                    .noneMatch(e -> e.action().equals(CaseService.DUE_CHANGE));

            // 3. the promise is kept; the move is shown beside it with its reason
            DuePromise kept = f.desk.cases().promise(no);
            assertThat(kept.promisedOn()).isEqualTo(d("2027-01-05"));
            assertThat(kept.promisedProvisional()).isTrue();
            assertThat(kept.currentOn()).isEqualTo(d("2027-01-06"));
            assertThat(kept.currentProvisional()).isFalse();
            assertThat(kept.moved()).isTrue();
            assertThat(kept.moveReason()).contains("2027年工作日历已导入（测试通知〔2026〕1号）");
            assertThat(f.desk.prints().model(no, f.clerk).promise()).isEqualTo(kept);

            // 4. idempotent: the same notice again (a little later) changes nothing and records nothing
            f.clock.advance(java.time.Duration.ofMinutes(5));
            assertThat(f.desk.setup().importCalendarFile(NOTICE_2027, f.admin).changedCases()).isEmpty();
            assertThat(f.desk.cases().show(no, f.clerk).events())
                    .filteredOn(e -> e.action().equals(CaseService.DUE_CHANGE)).hasSize(1);

            // the case goes on: the next step keeps the recomputed date, the audit chain and contents verify
            f.desk.cases().act(no, Command.of(CaseAction.REVIEW), null, f.reviewer);
            assertThat(f.desk.cases().show(no, f.clerk).summary().deadline().dueDate()).isEqualTo(d("2027-01-06"));
            assertThat(f.desk.verifyAudit().problems()).isEmpty();
            // the separation-of-duties report reads the timeline with the new entry in it
            assertThat(f.desk.reports().separationOfDuties(ReportService.Filter.of(d("2026-11-01"), d("2026-12-31")))
                    .rows()).isEmpty();
        }
    }

    @Test
    void theYearArrivingBySyncIsRecordedByTheSystem() {
        try (DeskFixture f = new DeskFixture(dir, d("2026-12-07"))) {
            String no = accept(f, "同步");
            String content = NOTICE_2027;
            int applied = new SyncStore(f.desk).applyReference(1, List.of(
                    new SyncStore.ReferenceEntry(Desk.REF_CALENDAR, "2027", 1, content)));
            assertThat(applied).isEqualTo(1);
            assertThat(f.desk.calendar().years()).contains(2027);
            CaseView after = f.desk.cases().show(no, f.clerk);
            assertThat(after.summary().deadline().dueDate()).isEqualTo(d("2027-01-06"));
            assertThat(after.events()).filteredOn(e -> e.action().equals(CaseService.DUE_CHANGE)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.actorName()).isEqualTo("系统");
                        assertThat(e.note()).startsWith("2027年工作日历已同步（测试通知〔2026〕1号）");
                    });
            // the same answer again (an older version) changes nothing
            assertThat(new SyncStore(f.desk).applyReference(1, List.of(
                    new SyncStore.ReferenceEntry(Desk.REF_CALENDAR, "2027", 1, content)))).isZero();
            assertThat(f.desk.verifyAudit().problems()).isEmpty();
        }
    }

    @Test
    void openingAFolderOfTheEarlierReleaseFillsTheDueDatesItCouldNotCompute() {
        String no;
        try (DeskFixture f = new DeskFixture(dir, d("2026-12-07"))) {
            no = accept(f, "旧版");
            // as the release before issue 10 left it: 2027 refused, no due date stored, no promise
            f.desk.db().write(tx -> tx.update(org.ybdesk.db.jooq.Tables.CASE_FILE)
                    .setNull(org.ybdesk.db.jooq.Tables.CASE_FILE.DUE_ON)
                    .setNull(org.ybdesk.db.jooq.Tables.CASE_FILE.PROMISED_DUE_ON)
                    .setNull(org.ybdesk.db.jooq.Tables.CASE_FILE.PROMISED_PROVISIONAL)
                    .where(org.ybdesk.db.jooq.Tables.CASE_FILE.CASE_NO.eq(no)).execute());
        }
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION, TestClock.at(d("2026-12-08")))) {
            assertThat(desk.db().dsl().select(org.ybdesk.db.jooq.Tables.CASE_FILE.DUE_ON)
                    .from(org.ybdesk.db.jooq.Tables.CASE_FILE)
                    .where(org.ybdesk.db.jooq.Tables.CASE_FILE.CASE_NO.eq(no)).fetchOne().value1())
                    .isEqualTo(d("2027-01-05"));
            assertThat(desk.cases().show(no, null).events())
                    .filteredOn(e -> e.action().equals(CaseService.DUE_CHANGE)).singleElement()
                    .satisfies(e -> assertThat(e.note()).contains("升级后按法定节假日计算", "2027年1月5日（暂定）"));
            assertThat(desk.workbench().counts().nearUnknown()).isZero();
        }
        // once only
        try (Desk desk = Desk.open(dir, Mode.PRODUCTION, TestClock.at(d("2026-12-09")))) {
            assertThat(desk.cases().show(no, null).events())
                    .filteredOn(e -> e.action().equals(CaseService.DUE_CHANGE)).hasSize(1);
        }
    }

    @Test
    void casesAcceptedBeforeThePromiseWasStoredPromiseTheDueDateOfTheirAcceptanceDay() {
        try (DeskFixture f = new DeskFixture(dir, d("2026-11-02"))) {
            String no = accept(f, "旧件");
            f.desk.db().write(tx -> tx.update(org.ybdesk.db.jooq.Tables.CASE_FILE)
                    .setNull(org.ybdesk.db.jooq.Tables.CASE_FILE.PROMISED_DUE_ON)
                    .setNull(org.ybdesk.db.jooq.Tables.CASE_FILE.PROMISED_PROVISIONAL)
                    .where(org.ybdesk.db.jooq.Tables.CASE_FILE.CASE_NO.eq(no)).execute());
            DuePromise p = f.desk.cases().promise(no);
            // issue 14 (D163): no stored promise — the due date the rule gave on the day of acceptance (it printed 「无」)
            assertThat(p.promisedOn()).isEqualTo(d("2026-11-30"));
            assertThat(p.moved()).isFalse();
            assertThat(p.currentOn()).isEqualTo(d("2026-11-30"));
        }
    }
}
