package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.CaseParties;
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
            // issue 13: the agent (代办人) of a case is found by the same text as its applicant (D143)
            if (upper.matches("\\d{14,}")) {
                c = c.and(CASE_FILE.CASE_NO.startsWith(upper).or(CASE_FILE.APPLICANT_ID_NUMBER.startsWith(upper))
                        .or(CaseParties.agentIdStartsWith(upper)));
            } else if (upper.matches("[0-9A-Z]{4,18}") && upper.matches(".*\\d.*")) {
                c = c.and(CASE_FILE.APPLICANT_ID_NUMBER.startsWith(upper).or(CASE_FILE.CASE_NO.startsWith(upper))
                        .or(CaseParties.agentIdStartsWith(upper)));
            } else if (t.matches("[A-Za-z]{1,12}")) {
                c = c.and(CASE_FILE.APPLICANT_INITIALS.startsWith(t.toLowerCase())
                        .or(CaseParties.agentInitialsStartWith(t.toLowerCase())));
            } else {
                c = c.and(CASE_FILE.APPLICANT_NAME.startsWith(t).or(CaseParties.agentNameStartsWith(t)));
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
        return run(c, q.limit());
    }

    /**
     * Cases an agent (代办人) applied for (issue 13): {@code text} is the agent's ID number (whole or leading part)
     * or name (leading part, or its pinyin initials). Newest first.
     */
    public List<CaseSummary> byAgent(String text, int limit) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new ServiceException(Texts.get("agent.search.empty"));
        }
        String upper = Validators.normalizeId(t);
        Condition c = upper.matches("[0-9A-Z]{4,18}") && upper.matches(".*\\d.*")
                ? CaseParties.agentIdStartsWith(upper)
                : t.matches("[A-Za-z]{1,12}") ? CaseParties.agentInitialsStartWith(t.toLowerCase())
                : CaseParties.agentNameStartsWith(t);
        return run(c, limit);
    }

    /**
     * Issue 14 (D169): the numbers of the cases received from {@code from} to {@code to} (inclusive), optionally of
     * one item and one state, oldest first — what {@code ybdesk print --cases} prints. At most {@code limit + 1}
     * numbers, so that the caller can tell a batch that is too large. Refused with every problem at once: a missing
     * or reversed period, an item the catalog does not have.
     */
    public List<String> caseNumbers(Integer itemNo, CaseState state, LocalDate from, LocalDate to, int limit) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (from == null || to == null) {
            problems.add(Texts.get("report.period.missing"));
        } else if (to.isBefore(from)) {
            problems.add(Texts.get("report.period.reversed", from.toString(), to.toString()));
        }
        if (itemNo != null && desk.catalog().find(itemNo).isEmpty()) {
            problems.add(Texts.get("case.item.unknown", String.valueOf(itemNo)));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        Condition c = CASE_FILE.RECEIVED_ON.between(from, to);
        if (itemNo != null) {
            c = c.and(CASE_FILE.ITEM_NO.eq(itemNo));
        }
        if (state != null) {
            c = c.and(CASE_FILE.STATE.eq(state.name()));
        }
        return desk.db().dsl().select(CASE_FILE.CASE_NO).from(CASE_FILE).where(c)
                .orderBy(CASE_FILE.RECEIVED_ON, CASE_FILE.CASE_NO).limit(limit + 1).fetch(CASE_FILE.CASE_NO);
    }

    private List<CaseSummary> run(Condition c, int limit) {
        LocalDate today = desk.today();
        CaseService cases = desk.cases();
        return desk.db().dsl().selectFrom(CASE_FILE).where(c).orderBy(CASE_FILE.ID.desc())
                .limit(limit <= 0 ? 200 : limit).fetch()
                .map(r -> cases.queries().summaryOf(r, today));
    }
}
