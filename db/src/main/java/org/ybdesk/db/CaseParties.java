package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.CASE_AGENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_PAYEE;

import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The people of a case besides its applicant (issue 13, V18): the agent who applies for the insured (代办人,
 * {@code case_agent}) and to whom a payment item pays (拨付对象, {@code case_payee}). Both are written once, in the
 * intake's transaction; every method runs inside the caller's transaction.
 */
public final class CaseParties {
    /** The agent as stored; {@code idType} is the {@code IdType} constant's name. */
    public record AgentRow(String idType, String idNumber, String name, String phone, String relation,
                           String authorisation) {
    }

    /** The payee as stored; {@code kind} is INSURED, UNIT, HEIR or AGENT. */
    public record PayeeRow(String kind, String name, String idNumber, String account, String bank) {
    }

    private CaseParties() {
    }

    public static void insertAgent(DSLContext tx, long caseId, AgentRow a, String nameInitials) {
        tx.insertInto(CASE_AGENT).set(CASE_AGENT.CASE_ID, caseId).set(CASE_AGENT.ID_TYPE, a.idType())
                .set(CASE_AGENT.ID_NUMBER, a.idNumber()).set(CASE_AGENT.NAME, a.name())
                .set(CASE_AGENT.NAME_INITIALS, nameInitials).set(CASE_AGENT.PHONE, a.phone())
                .set(CASE_AGENT.RELATION, a.relation()).set(CASE_AGENT.AUTHORISATION, a.authorisation()).execute();
    }

    public static void insertPayee(DSLContext tx, long caseId, PayeeRow p) {
        tx.insertInto(CASE_PAYEE).set(CASE_PAYEE.CASE_ID, caseId).set(CASE_PAYEE.KIND, p.kind())
                .set(CASE_PAYEE.NAME, p.name()).set(CASE_PAYEE.ID_NUMBER, p.idNumber())
                .set(CASE_PAYEE.ACCOUNT, p.account()).set(CASE_PAYEE.BANK, p.bank()).execute();
    }

    public static Optional<AgentRow> agent(DSLContext dsl, long caseId) {
        return dsl.selectFrom(CASE_AGENT).where(CASE_AGENT.CASE_ID.eq(caseId)).fetchOptional()
                .map(r -> new AgentRow(r.getIdType(), r.getIdNumber(), r.getName(), r.getPhone(), r.getRelation(),
                        r.getAuthorisation()));
    }

    public static Optional<PayeeRow> payee(DSLContext dsl, long caseId) {
        return dsl.selectFrom(CASE_PAYEE).where(CASE_PAYEE.CASE_ID.eq(caseId)).fetchOptional()
                .map(r -> new PayeeRow(r.getKind(), r.getName(), r.getIdNumber(), r.getAccount(), r.getBank()));
    }

    /** Cases whose agent's ID number starts with {@code idPrefix} (already normalised: upper case, half width). */
    public static Condition agentIdStartsWith(String idPrefix) {
        return CASE_FILE.ID.in(DSL.select(CASE_AGENT.CASE_ID).from(CASE_AGENT)
                .where(CASE_AGENT.ID_NUMBER.startsWith(idPrefix)));
    }

    /** Cases whose agent's name starts with {@code namePrefix}. */
    public static Condition agentNameStartsWith(String namePrefix) {
        return CASE_FILE.ID.in(DSL.select(CASE_AGENT.CASE_ID).from(CASE_AGENT)
                .where(CASE_AGENT.NAME.startsWith(namePrefix)));
    }

    /** Cases whose agent's name has pinyin initials starting with {@code initials} (lower case). */
    public static Condition agentInitialsStartWith(String initials) {
        return CASE_FILE.ID.in(DSL.select(CASE_AGENT.CASE_ID).from(CASE_AGENT)
                .where(CASE_AGENT.NAME_INITIALS.startsWith(initials)));
    }

    /** The payee's name and ID of a case for lists (null when the case records none). */
    public static Optional<PayeeRow> payeeOfCaseNo(DSLContext dsl, String caseNo) {
        return dsl.select(CASE_PAYEE.fields()).from(CASE_PAYEE).join(CASE_FILE).on(CASE_FILE.ID.eq(CASE_PAYEE.CASE_ID))
                .where(CASE_FILE.CASE_NO.eq(caseNo)).fetchOptional()
                .map(r -> new PayeeRow(r.get(CASE_PAYEE.KIND), r.get(CASE_PAYEE.NAME), r.get(CASE_PAYEE.ID_NUMBER),
                        r.get(CASE_PAYEE.ACCOUNT), r.get(CASE_PAYEE.BANK)));
    }
}
