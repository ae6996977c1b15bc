package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.CaseSummary;
import org.ybdesk.protocol.org.CountyCases;
import org.ybdesk.service.CaseService.IntakeDecision;
import org.ybdesk.service.ReportService.Filter;
import org.ybdesk.service.ReportService.Scope;

/**
 * The county view (issue 12): a county report over the cases of three desks equals the sum of the desks' own
 * reports — ledger rows and totals, monthly counts and timeliness, payments, the overdue list and the separation of
 * duties findings — when the county desk is fed the desks' summaries (made from their own rows) through
 * {@link Holdings#applyCounty}; and each report names the desks it covers with their last upload.
 */
class CountyReportTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    static final LocalDate REPORT_DAY = LocalDate.of(2026, 12, 21);
    static final Filter NOVEMBER = Filter.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

    record Source(DeskFixture f, String agency, String agencyName, int window) {
    }

    @TempDir
    Path dir;
    final List<DeskFixture> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(DeskFixture::close);
    }

    DeskFixture desk(String name, String agency, String agencyName, int window) {
        DeskFixture f = new DeskFixture(dir.resolve(name), MONDAY, agency, agencyName, agencyName);
        OrgFixture.setWindow(f, window);
        open.add(f);
        return f;
    }

    static String intake(DeskFixture f, int itemNo, String name, IntakeDecision d, List<String> reasons, Actor by) {
        var item = f.item(itemNo);
        Map<Integer, MaterialStatus> m = new java.util.LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        var applicant = item.applicantKind() == org.ybdesk.core.catalog.ApplicantKind.PERSON ? DeskFixture.person(name)
                : DeskFixture.institution(name + "商贸有限公司");
        return f.desk.cases().intake(new CaseService.NewCase(itemNo, applicant,
                Samples.fields(item, Map.of()), m, null, null, null), d, reasons, null, by, true).summary().caseNo();
    }

    /** The same working week at every desk, a few cases of each kind; {@code n} varies the amounts. */
    static void work(DeskFixture f, int n) {
        f.clock.setDay(MONDAY);
        String paid = intake(f, 17, "周" + "甲乙丙".charAt(n), IntakeDecision.ACCEPT, List.of(), f.clerk);
        f.clock.setDay(MONDAY.plusDays(1));
        Money amount = Money.ofFen(10_000L * (n + 1));
        f.desk.cases().act(paid, Command.withAmount(CaseAction.REVIEW, amount), null, f.reviewer);
        f.desk.cases().act(paid, Command.withAmount(CaseAction.RECHECK, amount), null, f.rechecker);
        f.clock.setDay(MONDAY.plusDays(2));
        f.desk.cases().act(paid, Command.of(CaseAction.PAY), null, f.finance);
        f.desk.cases().act(paid, Command.of(CaseAction.CLOSE), null, f.clerk);
        intake(f, 7, "吴" + "甲乙丙".charAt(n), IntakeDecision.ACCEPT_AND_CLOSE, List.of(), f.clerk);
        intake(f, 17, "郑" + "甲乙丙".charAt(n), IntakeDecision.REFUSE, List.of("不属于报销范围"), f.clerk);
        for (int i = 0; i <= n; i++) {
            intake(f, 16, "王" + "甲乙丙".charAt(n) + "子丑寅卯".charAt(i), IntakeDecision.ACCEPT, List.of(), f.clerk); // stays open: overdue later
        }
        String waiting = intake(f, 23, "冯" + "甲乙丙".charAt(n), IntakeDecision.ACCEPT, List.of(), f.clerk);
        f.clock.setDay(MONDAY.plusDays(3));
        f.desk.cases().act(waiting, Command.withAmount(CaseAction.REVIEW, Money.ofFen(5_000L + n)), null,
                f.reviewer);
        f.desk.cases().act(waiting, Command.of(CaseAction.PAY), null, f.finance);
        f.clock.setDay(REPORT_DAY);
    }

    /** The desk's cases as the province's county view would summarise them, read from its own rows. */
    static List<CaseSummary> summaries(Source s, long version) {
        var dsl = s.f().desk.db().dsl();
        List<CaseSummary> out = new ArrayList<>();
        long v = version;
        for (var c : dsl.selectFrom(CASE_FILE).orderBy(CASE_FILE.ID).fetch()) {
            List<CaseSummary.Step> steps = dsl.selectFrom(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(c.getId()),
                    CASE_EVENT.ACTION.ne(CaseService.DUE_CHANGE)).orderBy(CASE_EVENT.ID).fetch()
                    .map(e -> new CaseSummary.Step(e.getAction(), e.getFromState(), e.getToState(),
                            e.getOnDay().toString(), e.getOccurredAt().toString(), e.getActorName(),
                            e.getAmountFen()));
            CaseHolder holder = new CaseHolder(c.getCaseNo(), s.agency(), s.agencyName(), s.window(),
                    s.agencyName() + " " + s.window() + "号窗口", c.getNextAction(), null, s.agency(), s.window());
            out.add(new CaseSummary(c.getCaseNo(), v++, c.getItemNo(), c.getCatalogVersion(), c.getApplicantKind(),
                    c.getApplicantName(), c.getApplicantIdNumber(), c.getChannel(), c.getState(),
                    c.getReceivedOn().toString(), c.getDueOn() == null ? null : c.getDueOn().toString(), holder,
                    steps));
        }
        return out;
    }

    static <T, K> Map<K, List<T>> by(List<T> rows, Function<T, K> key) {
        Map<K, List<T>> m = new TreeMap<>();
        rows.forEach(r -> m.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return m;
    }

    @Test
    void aCountyReportOverThreeDesksEqualsTheSumOfTheirOwnReports() {
        List<Source> sources = List.of(
                new Source(desk("a", OrgFixture.COUNTY, OrgFixture.COUNTY_NAME, 1), OrgFixture.COUNTY,
                        OrgFixture.COUNTY_NAME, 1),
                new Source(desk("b", OrgFixture.TOWNSHIP, OrgFixture.TOWNSHIP_NAME, 2), OrgFixture.TOWNSHIP,
                        OrgFixture.TOWNSHIP_NAME, 2),
                new Source(desk("c", "230102102", "道里区太平镇医保服务点", 1), "230102102", "道里区太平镇医保服务点", 1));
        for (int i = 0; i < sources.size(); i++) {
            work(sources.get(i).f(), i);
        }
        // a finding for the SoD report: at desk b the acceptor's own name and person stand on the 审核 (an edit)
        DeskFixture b = sources.get(1).f();
        var bdsl = b.desk.db().dsl();
        String bCase = bdsl.select(CASE_FILE.CASE_NO).from(CASE_FILE).where(CASE_FILE.ITEM_NO.eq(17),
                CASE_FILE.STATE.eq("CLOSED")).fetchOne(CASE_FILE.CASE_NO);
        long bId = bdsl.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.CASE_NO.eq(bCase)).fetchOne(CASE_FILE.ID);
        bdsl.update(CASE_EVENT).set(CASE_EVENT.ACTOR_ID, b.clerk.id()).set(CASE_EVENT.ACTOR_NAME, b.clerk.name())
                .set(CASE_EVENT.ACTOR_PERSON_ID, b.clerk.personId())
                .where(CASE_EVENT.CASE_ID.eq(bId), CASE_EVENT.ACTION.eq("REVIEW")).execute();

        DeskFixture county = desk("county", OrgFixture.COUNTY, OrgFixture.COUNTY_NAME, 9);
        county.clock.setDay(REPORT_DAY);
        List<CaseSummary> all = new ArrayList<>();
        long v = 1;
        for (Source s : sources) {
            List<CaseSummary> part = summaries(s, v);
            v += part.size();
            all.addAll(part);
        }
        List<CountyCases.DeskCoverage> desks = sources.stream().map(s -> new CountyCases.DeskCoverage(s.agency(),
                s.agencyName(), s.window(), s.agencyName() + " " + s.window() + "号窗口", "2026-12-20 17:30:00"))
                .toList();
        // two pages, the second carrying the desks
        county.desk.holdings().applyCounty(new CountyCases(10, true, all.subList(0, 10), List.of()));
        county.desk.holdings().applyCounty(new CountyCases(v - 1, false, all.subList(10, all.size()), desks));
        county.desk.holdings().applyCounty(new CountyCases(v - 1, false, all, desks)); // again: nothing changes
        assertThat(county.desk.holdings().countyVersion()).isEqualTo(v - 1);
        assertThat(county.desk.db().dsl().fetchCount(CASE_FILE)).isEqualTo(all.size());
        assertThat(county.desk.verifyAudit().problems()).isEmpty();
        // the county desk's own scope has none of them: they are not its cases
        assertThat(county.desk.reports().ledger(NOVEMBER).rows()).isEmpty();

        Filter countyScope = NOVEMBER.withScope(Scope.COUNTY);
        // ledger: the same rows (number, item, state, dates, handler, amounts) and totals
        var ledger = county.desk.reports().ledger(countyScope);
        List<ReportService.LedgerRow> ownRows = new ArrayList<>();
        long declared = 0;
        long paidTotal = 0;
        for (Source s : sources) {
            var l = s.f().desk.reports().ledger(NOVEMBER);
            ownRows.addAll(l.rows());
            declared += l.declaredTotal().fen();
            paidTotal += l.paidTotal().fen();
        }
        Comparator<ReportService.LedgerRow> byNo = Comparator.comparing(ReportService.LedgerRow::caseNo);
        assertThat(ledger.rows()).hasSize(ownRows.size()).isNotEmpty();
        assertThat(ledger.rows().stream().sorted(byNo).toList()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(ownRows.stream().sorted(byNo).toList());
        assertThat(ledger.declaredTotal().fen()).isEqualTo(declared);
        assertThat(ledger.paidTotal().fen()).isEqualTo(paidTotal).isPositive();

        // monthly: per month and item, every count and the timeliness add up
        var monthly = county.desk.reports().monthly(countyScope);
        Map<String, int[]> expected = new TreeMap<>();
        for (Source s : sources) {
            for (var r : s.f().desk.reports().monthly(NOVEMBER).rows()) {
                int[] x = expected.computeIfAbsent(r.month() + "/" + r.itemNo(), k -> new int[9]);
                int[] y = {r.received(), r.closed(), r.rejected(), r.refused(), r.open(), r.timeliness().onTime(),
                        r.timeliness().late(), r.timeliness().openOverdue(), r.timeliness().unknown()};
                for (int i = 0; i < 9; i++) {
                    x[i] += y[i];
                }
            }
        }
        Map<String, int[]> actual = new TreeMap<>();
        for (var r : monthly.rows()) {
            actual.put(r.month() + "/" + r.itemNo(), new int[] {r.received(), r.closed(), r.rejected(), r.refused(),
                    r.open(), r.timeliness().onTime(), r.timeliness().late(), r.timeliness().openOverdue(),
                    r.timeliness().unknown()});
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, x) -> assertThat(actual.get(k)).as(k).containsExactly(x));

        // payments: count and total
        var payments = county.desk.reports().payments(countyScope);
        int count = 0;
        long total = 0;
        for (Source s : sources) {
            var p = s.f().desk.reports().payments(NOVEMBER);
            count += p.count();
            total += p.total().fen();
        }
        assertThat(payments.count()).isEqualTo(count).isEqualTo(6);
        assertThat(payments.total().fen()).isEqualTo(total);

        // overdue and near: the same cases
        var due = county.desk.reports().due(countyScope);
        List<String> overdue = new ArrayList<>();
        List<String> near = new ArrayList<>();
        for (Source s : sources) {
            var d = s.f().desk.reports().due(NOVEMBER);
            d.overdue().forEach(r -> overdue.add(r.caseNo() + " " + r.dueOn()));
            d.near().forEach(r -> near.add(r.caseNo() + " " + r.dueOn()));
        }
        assertThat(due.overdue()).extracting(r -> r.caseNo() + " " + r.dueOn())
                .containsExactlyInAnyOrderElementsOf(overdue).isNotEmpty();
        assertThat(due.near()).extracting(r -> r.caseNo() + " " + r.dueOn()).containsExactlyInAnyOrderElementsOf(near);

        // separation of duties: the same findings
        var sod = county.desk.reports().separationOfDuties(countyScope);
        List<String> findings = new ArrayList<>();
        int checked = 0;
        for (Source s : sources) {
            var r = s.f().desk.reports().separationOfDuties(NOVEMBER);
            r.rows().forEach(x -> findings.add(x.caseNo() + " " + x.anomaly()));
            checked += r.casesChecked();
        }
        assertThat(findings).contains(bCase + " ACCEPTOR_DECIDED");
        assertThat(sod.rows()).extracting(x -> x.caseNo() + " " + x.anomaly())
                .containsExactlyInAnyOrderElementsOf(findings);
        assertThat(sod.casesChecked()).isEqualTo(checked);

        // every report names the desks it covers with their last upload
        var header = ledger.header();
        assertThat(header.scope()).isEqualTo(Scope.COUNTY);
        assertThat(header.desks()).hasSize(4);
        assertThat(header.coverage()).contains("本县（区）全部办件").contains(OrgFixture.TOWNSHIP_NAME + " 2号窗口（最后上传 "
                + "2026-12-20 17:30:00）").contains("道里区太平镇医保服务点 1号窗口");
        assertThat(sources.get(0).f().desk.reports().ledger(NOVEMBER).header().desks()).singleElement()
                .satisfies(d -> assertThat(d.windowNo()).isEqualTo(1));
    }
}
