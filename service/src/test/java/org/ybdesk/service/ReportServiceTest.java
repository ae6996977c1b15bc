package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.lifecycle.CaseAction.ACCEPT;
import static org.ybdesk.core.lifecycle.CaseAction.APPROVE;
import static org.ybdesk.core.lifecycle.CaseAction.CLOSE;
import static org.ybdesk.core.lifecycle.CaseAction.PAY;
import static org.ybdesk.core.lifecycle.CaseAction.RECHECK;
import static org.ybdesk.core.lifecycle.CaseAction.REFUSE;
import static org.ybdesk.core.lifecycle.CaseAction.REVIEW;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.PaymentKind;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;
import org.ybdesk.service.ReportService.Anomaly;
import org.ybdesk.service.ReportService.Filter;
import org.ybdesk.service.ReportService.Kind;

/**
 * The batch reports' queries over a hand-made set of cases whose timeliness is known (November 2026 has no
 * holidays: 20 working days after 11-02 is 11-30, after 11-04 is 12-02), checked against plain SQL.
 */
class ReportServiceTest {
    static final LocalDate NOV2 = LocalDate.of(2026, 11, 2);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @TempDir
    Path dir;
    DeskFixture f;
    String a;
    String b;
    String c;
    String d;
    String e;
    String g;
    String h;

    @BeforeEach
    void build() {
        f = new DeskFixture(dir, NOV2);
        // A: query, accepted and closed the same day -> on time
        a = no(f.create(8, DeskFixture.person("甲一"), Map.of(), f.clerk));
        act(a, ACCEPT, f.clerk);
        act(a, CLOSE, f.clerk);
        // B: outpatient reimbursement (20 working days, due 11-30), paid 1234.56 on 11-02, closed 12-01 -> late
        b = no(f.create(17, DeskFixture.person("乙二"), Map.of(), f.clerk));
        act(b, ACCEPT, f.clerk);
        f.desk.cases().act(b, Command.withAmount(REVIEW, Money.ofFen(123_456)), null, f.reviewer);
        f.desk.cases().act(b, Command.withAmount(RECHECK, Money.ofFen(123_456)), null, f.rechecker);
        act(b, PAY, f.finance);
        // C: chronic disease (due 11-30), still accepted -> open and overdue on 12-02
        c = no(f.create(16, DeskFixture.person("丙三"), Map.of(), f.clerk));
        act(c, ACCEPT, f.clerk);
        // E: refused -> no clock
        e = no(f.create(3, DeskFixture.person("丁四"), Map.of(), f.clerk));
        f.desk.cases().act(e, Command.withReasons(REFUSE, List.of("不在本统筹区")), null, f.clerk);
        // G: maternity allowance (due 11-30), paid 5000.00 on 11-30, not closed -> open and overdue
        g = no(f.create(22, DeskFixture.person("戊五"), Map.of(), f.clerk));
        act(g, ACCEPT, f.clerk);
        f.desk.cases().act(g, Command.withAmount(REVIEW, Money.ofFen(500_000)), null, f.reviewer);
        f.desk.cases().act(g, Command.withAmount(RECHECK, Money.ofFen(500_000)), null, f.rechecker);
        f.clock.setDay(LocalDate.of(2026, 11, 4));
        // H: chronic disease accepted 11-04 -> due 12-02: near (0 working days left) on 12-02
        h = no(f.create(16, DeskFixture.person("己六"), Map.of(), f.clerk));
        act(h, ACCEPT, f.clerk);
        f.clock.setDay(LocalDate.of(2026, 11, 25));
        // D: accepted 11-25 -> due 12-23: open, not judged
        d = no(f.create(16, DeskFixture.person("庚七"), Map.of(), f.clerk));
        act(d, ACCEPT, f.clerk);
        f.clock.setDay(LocalDate.of(2026, 11, 30));
        act(g, PAY, f.finance);
        f.clock.setDay(LocalDate.of(2026, 12, 1));
        act(b, CLOSE, f.clerk);
        f.clock.setDay(TODAY);
    }

    @AfterEach
    void close() {
        f.close();
    }

    void act(String no, CaseAction action, Actor by) {
        f.desk.cases().act(no, Command.of(action), null, by);
    }

    static String no(CaseViews.CaseView v) {
        return v.summary().caseNo();
    }

    ReportService reports() {
        return f.desk.reports();
    }

    static Filter november() {
        return Filter.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    }

    long sql(String query) {
        return ((Number) f.desk.db().dsl().fetchValue(query)).longValue();
    }

    @Test
    void onTimeRateOnAHandComputedSet() {
        ReportService.Monthly m = reports().monthly(november());
        // A on time; B late; C and G open past due; D and H open, not past due; E refused (no clock)
        assertThat(m.timeliness()).isEqualTo(new ReportService.Timeliness(1, 1, 2, 0));
        assertThat(m.timeliness().ratePercent()).isEqualByComparingTo(new BigDecimal("25.0"));
        assertThat(m.received()).isEqualTo(7);
        assertThat(m.closed()).isEqualTo(2);
        assertThat(m.refused()).isEqualTo(1);
        assertThat(m.open()).isEqualTo(4);
        assertThat(m.rows()).filteredOn(r -> r.itemNo() == 16).singleElement().satisfies(r -> {
            assertThat(r.month()).isEqualTo(YearMonth.of(2026, 11));
            assertThat(r.received()).isEqualTo(3);
            assertThat(r.timeliness()).isEqualTo(new ReportService.Timeliness(0, 0, 1, 0));
        });
        assertThat(m.rows()).filteredOn(r -> r.itemNo() == 17).singleElement()
                .satisfies(r -> assertThat(r.timeliness().ratePercent()).isEqualByComparingTo("0.0"));
        assertThat(m.rows()).filteredOn(r -> r.itemNo() == 8).singleElement()
                .satisfies(r -> assertThat(r.timeliness().ratePercent()).isEqualByComparingTo("100.0"));
        assertThat(m.rows()).filteredOn(r -> r.itemNo() == 3).singleElement()
                .satisfies(r -> assertThat(r.timeliness().ratePercent()).isNull());
    }

    @Test
    void monthlyCountsMatchTheDatabase() {
        ReportService.Monthly m = reports().monthly(november());
        for (ReportService.MonthlyRow r : m.rows()) {
            assertThat(r.received()).as("item %d", r.itemNo()).isEqualTo(sql("select count(*) from case_file where item_no = "
                    + r.itemNo() + " and received_on between date '2026-11-01' and date '2026-11-30'"));
        }
        assertThat(m.states()).allSatisfy(s -> assertThat(s.count()).isEqualTo(sql(
                "select count(*) from case_file where state = '" + s.state().name() + "'")));
        assertThat(m.channels()).singleElement().satisfies(ch -> assertThat(ch.received()).isEqualTo(7));
        assertThat(m.months()).singleElement().satisfies(x -> assertThat(x.received()).isEqualTo(7));
    }

    @Test
    void ledgerListsEveryCaseOfThePeriodWithExactTotals() {
        ReportService.Ledger l = reports().ledger(november());
        assertThat(l.rows()).hasSize((int) sql("select count(*) from case_file where received_on between "
                + "date '2026-11-01' and date '2026-11-30'"));
        assertThat(l.paidTotal().fen()).isEqualTo(sql("select coalesce(sum(paid_fen), 0) from case_file")).isEqualTo(623_456);
        assertThat(l.rows()).extracting(ReportService.LedgerRow::caseNo).startsWith(a).contains(b, c, d, e, g, h);
        assertThat(l.rows()).filteredOn(r -> r.caseNo().equals(b)).singleElement().satisfies(r -> {
            assertThat(r.applicantIdMasked()).matches("230102\\*{8}\\w{4}");
            assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(r.closedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(r.handler()).isEqualTo("窗口乙");
            assertThat(r.paid()).isEqualTo(Money.ofFen(123_456));
        });
        assertThat(reports().ledger(new Filter(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 30), List.of(),
                null, null)).rows()).extracting(ReportService.LedgerRow::caseNo).containsExactly(h, d);
    }

    @Test
    void filtersByItemStateAndAgency() {
        Filter byItem = new Filter(NOV2, NOV2.plusDays(28), List.of(), 16, null);
        assertThat(reports().ledger(byItem).rows()).extracting(ReportService.LedgerRow::caseNo)
                .containsExactlyInAnyOrder(c, h, d);
        Filter byState = new Filter(NOV2, NOV2.plusDays(28), List.of(), null, CaseState.CLOSED);
        assertThat(reports().ledger(byState).rows()).extracting(ReportService.LedgerRow::caseNo)
                .containsExactlyInAnyOrder(a, b);
        Filter ours = new Filter(NOV2, NOV2.plusDays(28), List.of("230102001"), null, null);
        assertThat(reports().monthly(ours).received()).isEqualTo(7);
        assertThat(reports().header(ours).agencies()).contains("哈尔滨市道里区医疗保障中心");
        Filter other = new Filter(NOV2, NOV2.plusDays(28), List.of("230103001"), null, null);
        assertThat(reports().monthly(other).received()).isZero();
        assertThat(reports().payments(other).rows()).isEmpty();
    }

    @Test
    void overdueAndNearAsOfToday() {
        ReportService.DueLists due = reports().due(november());
        assertThat(due.overdue()).extracting(ReportService.DueRow::caseNo).containsExactly(c, g);
        assertThat(due.overdue()).allSatisfy(r -> {
            assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(r.workingDaysLeft()).isEqualTo(-2);
        });
        assertThat(due.near()).extracting(ReportService.DueRow::caseNo).containsExactly(h);
        assertThat(due.near().get(0).workingDaysLeft()).isZero();
        assertThat(due.near().get(0).statusLabel()).isEqualTo("临近");
    }

    @Test
    void paymentsAreClassifiedByTheCatalogAndTotalExactly() {
        ReportService.Payments p = reports().payments(november());
        assertThat(p.rows()).extracting(ReportService.PaymentRow::caseNo).containsExactly(b, g);
        assertThat(p.totals()).extracting(ReportService.PaymentTotal::kind)
                .containsExactly(PaymentKind.REIMBURSEMENT, PaymentKind.ALLOWANCE);
        assertThat(p.total().fen()).isEqualTo(sql("select sum(amount_fen) from case_event where action = 'PAY' "
                + "and on_day between date '2026-11-01' and date '2026-11-30'")).isEqualTo(623_456);
        // paid on 11-30: outside a period ending 11-29
        assertThat(reports().payments(Filter.of(NOV2, LocalDate.of(2026, 11, 29))).total())
                .isEqualTo(Money.ofFen(123_456));
    }

    @Test
    void separationOfDutiesExceptionsAndAuditAnomaliesAreFound() {
        assertThat(reports().separationOfDuties(november()).rows()).isEmpty();
        var dsl = f.desk.db().dsl();
        // C (item 16, 高风险): a 审核 by the acceptor written past the lifecycle
        long cId = sql("select id from case_file where case_no = '" + c + "'");
        dsl.execute("insert into case_event(case_id, action, from_state, to_state, actor_id, actor_name, occurred_at, "
                + "on_day) values (?, 'REVIEW', 'ACCEPTED', 'REVIEWED', ?, '窗口乙', current_timestamp, date '2026-11-03')",
                cId, f.clerk.id());
        // B: the paid amount edited in the case file
        dsl.execute("update case_file set paid_fen = 100 where case_no = ?", b);
        ReportService.SodReport r = reports().separationOfDuties(november());
        assertThat(r.casesChecked()).isEqualTo(7);
        assertThat(r.rows()).extracting(ReportService.SodRow::caseNo, ReportService.SodRow::anomaly)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(b, Anomaly.PAID_MISMATCH),
                        org.assertj.core.groups.Tuple.tuple(c, Anomaly.ACCEPTOR_DECIDED));
        assertThat(r.rows()).filteredOn(x -> x.anomaly() == Anomaly.ACCEPTOR_DECIDED).singleElement()
                .satisfies(x -> assertThat(x.detail()).contains("窗口乙").contains("受理").contains("审核"));
    }

    @Test
    void badPeriodsAreRefusedWithReasons() {
        assertThatThrownBy(() -> reports().ledger(Filter.of(TODAY, NOV2))).isInstanceOf(ServiceException.class)
                .hasMessageContaining("早于起始日期");
        assertThatThrownBy(() -> reports().ledger(Filter.of(LocalDate.of(2025, 11, 1), TODAY)))
                .hasMessageContaining("台账的统计期间不能超过1年");
        assertThat(reports().problems(Kind.MONTHLY, Filter.of(LocalDate.of(2025, 11, 1), TODAY))).isEmpty();
        assertThat(reports().problems(Kind.LEDGER, Filter.of(LocalDate.of(2025, 12, 3), TODAY))).isEmpty();
        assertThatThrownBy(() -> ReportService.parseDate("2026-13-01", "起始日期"))
                .hasMessageContaining("「起始日期」的日期「2026-13-01」无法识别");
        assertThat(ReportService.parseDate("20261101", "x")).isEqualTo(LocalDate.of(2026, 11, 1));
    }
}
