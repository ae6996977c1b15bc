package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.CaseState;

/**
 * The rules of out-of-area filings (items 11–15) beyond their field values (issue 13): the chosen 申请备案开始日期 lies
 * within the catalog's window around the application day (D145), and a person whose long-term filing (11–13) was
 * approved less than its {@code statusLockMonths} ago cannot file again — no 变更, no other filing — until the day it
 * becomes possible (「自审核通过之日起半年之内不允许变更状态」, D146). Asked at intake and again at 受理.
 */
final class Filings {
    private final Desk desk;

    Filings(Desk desk) {
        this.desk = desk;
    }

    /** Every reason the filing application {@code c} cannot be taken now; empty for other items and valid filings. */
    List<String> problems(DSLContext tx, CaseFile c) {
        ServiceItem item = c.item();
        if (item.group() != ItemGroup.OUT_OF_AREA_FILING) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        LocalDate day = c.dates().receivedOn() == null ? desk.today() : c.dates().receivedOn();
        startWindowProblem(item, c.fields().get("filingStartDate"), day).ifPresent(out::add);
        lock(tx, c.applicant().idNumber(), c.caseNo(), day).ifPresent(out::add);
        return out;
    }

    /** The start date outside the window (more than the window's months before or after the application day). */
    static java.util.Optional<String> startWindowProblem(ServiceItem item, String start, LocalDate day) {
        Integer months = item.filingStartWindowMonths();
        java.util.Optional<LocalDate> s = IntakeCheck.parseDate(start == null ? "" : start);
        if (months == null || s.isEmpty()) {
            return java.util.Optional.empty(); // a missing or malformed date is the field validator's message
        }
        LocalDate earliest = day.minusMonths(months).plusDays(1);
        LocalDate latest = day.plusMonths(months);
        if (s.get().isBefore(earliest) || s.get().isAfter(latest)) {
            return java.util.Optional.of(Texts.get("filing.start.window", s.get().toString(), earliest.toString(),
                    latest.toString(), day.toString(), String.valueOf(months)));
        }
        return java.util.Optional.empty();
    }

    /**
     * The lock of the person's latest approved long-term filing still running on {@code day}: 「该备案于 … 批准，…
     * 起方可变更」; empty when there is none. {@code exceptCaseNo}: the case being decided (not its own lock).
     */
    java.util.Optional<String> lock(DSLContext tx, String idNumber, String exceptCaseNo, LocalDate day) {
        if (idNumber == null || idNumber.isBlank()) {
            return java.util.Optional.empty();
        }
        var rows = tx.select(CASE_FILE.CASE_NO, CASE_FILE.ITEM_NO, CASE_FILE.CATALOG_VERSION, CASE_FILE.CLOSED_ON)
                .from(CASE_FILE)
                .where(CASE_FILE.APPLICANT_ID_NUMBER.eq(idNumber.trim()), CASE_FILE.ITEM_NO.between(11, 15),
                        CASE_FILE.STATE.eq(CaseState.CLOSED.name()), CASE_FILE.CLOSED_ON.isNotNull(),
                        exceptCaseNo == null ? org.jooq.impl.DSL.noCondition() : CASE_FILE.CASE_NO.ne(exceptCaseNo))
                .orderBy(CASE_FILE.CLOSED_ON.desc()).fetch();
        for (var r : rows) {
            // the catalog in force: the lock is the rule of today, also for filings approved under an earlier version
            ServiceItem earlier = desk.item(null, r.value2());
            Integer lockMonths = earlier.statusLockMonths();
            if (lockMonths == null) {
                continue;
            }
            LocalDate approved = r.value4();
            LocalDate from = approved.plusMonths(lockMonths);
            if (day.isBefore(from)) {
                return java.util.Optional.of(Texts.get("filing.locked", earlier.name(), r.value1(),
                        approved.toString(), from.toString(), String.valueOf(lockMonths)));
            }
            return java.util.Optional.empty(); // the latest long-term filing is past its lock
        }
        return java.util.Optional.empty();
    }
}
