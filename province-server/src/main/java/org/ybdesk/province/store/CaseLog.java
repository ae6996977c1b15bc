package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.AGENCY;
import static org.ybdesk.province.jooq.Tables.CASE_PARTY;
import static org.ybdesk.province.jooq.Tables.DESK;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.province.Texts;
import org.ybdesk.province.jooq.tables.records.AgencyRecord;
import org.ybdesk.province.jooq.tables.records.DeskRecord;
import org.ybdesk.province.jooq.tables.records.ProvinceCaseRecord;

/**
 * The case's feed at the province, written inside the caller's transaction: each entry ({@code case_step}) with the
 * holder after it, the case's parties ({@code case_party}), and — last, just before the commit — the feed versions
 * (D114): {@link #stamp} takes a transaction-level advisory lock and numbers the transaction's entries, so a version
 * becomes visible only after every smaller one (a feed reader asking {@code since=V} never skips an entry), while
 * the lock is held only for the few statements before the commit.
 */
final class CaseLog {
    static final String CHANGE = "CHANGE";
    static final String CLAIM = "CLAIM";
    static final String REASSIGN = "REASSIGN";
    private static final String STEP_INSERT = "insert into case_step (case_no, msgid, infno, action, from_state, "
            + "to_state, inf_time, opter_name, content, kind, reason, agency_code, desk_id, holder_agency, "
            + "holder_desk_id, next_action, holder_since) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, "
            + "?, ?, ?, ?) returning id";
    /** Key of the advisory lock serialising feed versions. */
    static final long FEED_LOCK = 42_014_106L;

    /** The entries and cases one transaction wrote (numbered by {@link #stamp}). */
    static final class Written {
        final List<Long> steps = new ArrayList<>();
        final Set<String> cases = new LinkedHashSet<>();

        int mark() {
            return steps.size();
        }

        /** Forgets entries written after {@code mark} (their savepoint was rolled back). */
        void rollback(int mark, Set<String> casesBefore) {
            steps.subList(mark, steps.size()).clear();
            cases.retainAll(casesBefore);
        }

        boolean isEmpty() {
            return steps.isEmpty();
        }
    }

    private CaseLog() {
    }

    /**
     * Writes one entry of {@code c} (the case as it is after the entry) and records it in {@code written}; with
     * {@code newHolderAgency} the holding agency became a party of the case with it (receipt, forward).
     */
    static void entry(DSLContext tx, Written written, ProvinceCaseRecord c, String kind, String msgid, String infno,
                      String action, String fromState, String toState, LocalDateTime at, String opterName,
                      String content, String reason, String agencyCode, Long deskId, boolean newHolderAgency) {
        // plain JDBC: written for every case message (jOOQ's rendering cost more than the insert, measured)
        long id = tx.connectionResult(conn -> {
            try (java.sql.PreparedStatement ps = conn.prepareStatement(STEP_INSERT)) {
                ps.setString(1, c.getCaseNo());
                ps.setString(2, msgid);
                ps.setString(3, infno);
                ps.setString(4, action);
                ps.setString(5, fromState);
                ps.setString(6, toState);
                ps.setObject(7, at);
                ps.setString(8, opterName);
                ps.setString(9, content == null ? "{}" : content);
                ps.setString(10, kind);
                ps.setString(11, reason);
                ps.setString(12, agencyCode);
                ps.setObject(13, deskId, java.sql.Types.BIGINT);
                ps.setString(14, c.getHolderAgency());
                ps.setObject(15, c.getHolderDeskId(), java.sql.Types.BIGINT);
                ps.setString(16, c.getNextAction());
                ps.setObject(17, c.getHolderSince());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        written.steps.add(id);
        written.cases.add(c.getCaseNo());
        if (newHolderAgency) {
            party(tx, c.getCaseNo(), c.getHolderAgency());
        }
    }

    /** Makes {@code agency} a party of the case (it accepted, holds or held it): it reads the case's feed. */
    static void party(DSLContext tx, String caseNo, String agency) {
        tx.insertInto(CASE_PARTY).set(CASE_PARTY.CASE_NO, caseNo).set(CASE_PARTY.AGENCY_CODE, agency)
                .set(CASE_PARTY.VERSION, 0L).onConflictDoNothing().execute();
    }

    /** Numbers the transaction's entries (feed versions) and its cases' versions; call last, before the commit. */
    static void stamp(DSLContext tx, Written written) {
        if (written.isEmpty()) {
            return;
        }
        tx.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(FEED_LOCK))).fetch();
        Long[] ids = written.steps.toArray(Long[]::new);
        String[] cases = written.cases.toArray(String[]::new);
        tx.execute("update case_step s set feed_version = o.v from (select id, nextval('feed_version_seq') as v "
                + "from (select id from case_step where id = any({0}) order by id) i) o where s.id = o.id",
                DSL.val(ids));
        tx.execute("update province_case c set version = m.v from (select case_no, max(feed_version) as v "
                + "from case_step where id = any({0}) group by case_no) m where c.case_no = m.case_no",
                DSL.val(ids));
        tx.execute("update case_party p set version = c.version from province_case c "
                + "where c.case_no = p.case_no and p.case_no = any({0})", DSL.val(cases));
    }

    /** "哈尔滨市道里区医疗保障中心（230102001）第 02 号窗口（张三的电脑）" or the agency's pool. */
    static String holderText(DSLContext tx, ProvinceCaseRecord c) {
        AgencyRecord a = tx.selectFrom(AGENCY).where(AGENCY.CODE.eq(c.getHolderAgency())).fetchOne();
        String agency = a == null ? c.getHolderAgency() : a.getName() + "（" + a.getCode() + "）";
        if (c.getHolderDeskId() == null) {
            return Texts.get("holder.pool", agency, actionText(c.getNextAction()));
        }
        DeskRecord d = tx.selectFrom(DESK).where(DESK.ID.eq(c.getHolderDeskId())).fetchOne();
        return Texts.get("holder.desk", agency, String.format("%02d", d.getWindowNo()), d.getName());
    }

    /** The stage a pooled case waits for, in Chinese (待审核 …). */
    static String actionText(String action) {
        if (action == null) {
            return Texts.get("stage.none");
        }
        try {
            return Texts.get("stage." + action);
        } catch (java.util.MissingResourceException e) {
            return action;
        }
    }

    static String levelText(String level) {
        return AgencyLevel.parse(level).map(l -> Texts.get("level." + l.name())).orElse(String.valueOf(level));
    }

    /** The agency and its ancestors, nearest first. */
    static List<AgencyRecord> lineage(DSLContext tx, String code) {
        List<AgencyRecord> out = new ArrayList<>();
        String next = code;
        while (next != null && out.size() < 16) {
            AgencyRecord a = tx.selectFrom(AGENCY).where(AGENCY.CODE.eq(next)).fetchOne();
            if (a == null) {
                break;
            }
            out.add(a);
            next = a.getParentCode();
        }
        return out;
    }

    /** The agency and every agency below it. */
    static List<String> subtree(DSLContext tx, String code) {
        return tx.resultQuery("with recursive t(code) as (select code from agency where code = {0} "
                + "union all select a.code from agency a join t on a.parent_code = t.code) select code from t",
                DSL.val(code)).fetch(0, String.class);
    }

    /** Whether {@code agency} is a party of the case or an ancestor of one of its parties. */
    static boolean mayRead(DSLContext tx, String caseNo, String agency) {
        List<String> parties = tx.select(CASE_PARTY.AGENCY_CODE).from(CASE_PARTY)
                .where(CASE_PARTY.CASE_NO.eq(caseNo)).fetch(CASE_PARTY.AGENCY_CODE);
        if (parties.contains(agency)) {
            return true;
        }
        for (String p : parties) {
            for (AgencyRecord a : lineage(tx, p)) {
                if (a.getCode().equals(agency)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Optional<AgencyRecord> agency(DSLContext tx, String code) {
        return tx.selectFrom(AGENCY).where(AGENCY.CODE.eq(code)).fetchOptional();
    }
}
