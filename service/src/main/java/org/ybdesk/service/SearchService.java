package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseViews.CaseSummary;

/**
 * Case search for the desk's search box: one text that may be a case number, an ID number or credit code (whole or
 * leading part), a name (leading part) or its pinyin initials ({@code zs} finds 张三), plus filters.
 */
public final class SearchService {
    private final Desk desk;

    SearchService(Desk desk) {
        this.desk = desk;
    }

    public record Query(String text, Integer itemNo, CaseState state, LocalDate from, LocalDate to, int limit) {
        public static Query text(String text) {
            return new Query(text, null, null, null, null, 200);
        }
    }

    public List<CaseSummary> search(Query q) {
        Condition c = DSL.noCondition();
        String t = q.text() == null ? "" : q.text().trim();
        if (!t.isEmpty()) {
            String upper = Validators.normalizeId(t);
            if (upper.matches("\\d{14,}")) {
                c = c.and(CASE_FILE.CASE_NO.startsWith(upper).or(CASE_FILE.APPLICANT_ID_NUMBER.startsWith(upper)));
            } else if (upper.matches("[0-9A-Z]{4,18}") && upper.matches(".*\\d.*")) {
                c = c.and(CASE_FILE.APPLICANT_ID_NUMBER.startsWith(upper).or(CASE_FILE.CASE_NO.startsWith(upper)));
            } else if (t.matches("[A-Za-z]{1,12}")) {
                c = c.and(CASE_FILE.APPLICANT_INITIALS.startsWith(t.toLowerCase()));
            } else {
                c = c.and(CASE_FILE.APPLICANT_NAME.startsWith(t));
            }
        }
        if (q.itemNo() != null) {
            c = c.and(CASE_FILE.ITEM_NO.eq(q.itemNo()));
        }
        if (q.state() != null) {
            c = c.and(CASE_FILE.STATE.eq(q.state().name()));
        }
        if (q.from() != null) {
            c = c.and(CASE_FILE.RECEIVED_ON.ge(q.from()));
        }
        if (q.to() != null) {
            c = c.and(CASE_FILE.RECEIVED_ON.le(q.to()));
        }
        LocalDate today = desk.today();
        CaseService cases = desk.cases();
        return desk.db().dsl().selectFrom(CASE_FILE).where(c).orderBy(CASE_FILE.ID.desc())
                .limit(q.limit() <= 0 ? 200 : q.limit()).fetch()
                .map(r -> cases.queries().summaryOf(r, today));
    }
}
