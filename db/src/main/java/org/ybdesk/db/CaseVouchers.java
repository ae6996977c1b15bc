package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The e-voucher columns of a case file (issue 13, V20): the code the applicant showed, its check (VERIFIED, PENDING,
 * MISMATCH), when the province last answered and the mismatch's detail. Runs in the caller's transaction; the
 * caller records the change (audit).
 */
public final class CaseVouchers {
    private CaseVouchers() {
    }

    /** A case's voucher with the applicant it is compared with. */
    public record Row(String caseNo, String applicantKind, String applicantIdNumber,
                      String applicantName, String code, String check, OffsetDateTime checkedAt, String detail,
                      OffsetDateTime createdAt) {
    }

    /** Writes the voucher columns of {@code caseNo}. */
    public static void set(DSLContext tx, String caseNo, String code, String check, OffsetDateTime checkedAt,
                           String detail) {
        tx.update(CASE_FILE).set(CASE_FILE.VOUCHER_CODE, code).set(CASE_FILE.VOUCHER_CHECK, check)
                .set(CASE_FILE.VOUCHER_CHECKED_AT, checkedAt).set(CASE_FILE.VOUCHER_DETAIL, detail)
                .where(CASE_FILE.CASE_NO.eq(caseNo)).execute();
    }

    /** The voucher of a case; empty when the case has none (or does not exist). */
    public static Optional<Row> find(DSLContext dsl, String caseNo) {
        return dsl.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo)).and(CASE_FILE.VOUCHER_CODE.isNotNull())
                .fetchOptional(CaseVouchers::row);
    }

    /** The voucher of a case, locked for update (the recheck's transaction). */
    public static Optional<Row> lock(DSLContext tx, String caseNo) {
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo)).and(CASE_FILE.VOUCHER_CODE.isNotNull())
                .forUpdate().fetchOptional(CaseVouchers::row);
    }

    /** Cases whose voucher check is one of {@code checks}, oldest first. */
    public static List<Row> withCheck(DSLContext dsl, List<String> checks, int limit) {
        return dsl.selectFrom(CASE_FILE).where(CASE_FILE.VOUCHER_CHECK.in(checks))
                .orderBy(CASE_FILE.CREATED_AT, CASE_FILE.CASE_NO).limit(limit).fetch(CaseVouchers::row);
    }

    /** How many cases have the voucher check {@code check}. */
    public static int count(DSLContext dsl, String check) {
        return dsl.fetchCount(CASE_FILE, CASE_FILE.VOUCHER_CHECK.eq(check));
    }

    private static Row row(org.ybdesk.db.jooq.tables.records.CaseFileRecord r) {
        return new Row(r.getCaseNo(), r.getApplicantKind(), r.getApplicantIdNumber(),
                r.getApplicantName(), r.getVoucherCode(), r.getVoucherCheck(), r.getVoucherCheckedAt(),
                r.getVoucherDetail(), r.getCreatedAt());
    }
}
