package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.CASE_SEQ;
import static org.ybdesk.db.jooq.Tables.DESK_IDENTITY;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jooq.DSLContext;
import org.ybdesk.core.validation.CaseNumbers;

/**
 * The counters behind case numbers (D117–D118): one per agency, day and window in {@code case_seq}, and the same
 * series in the {@link NumberLedger} beside the database file ({@code CASE:agency+yyyyMMdd+WW}). A number is taken
 * above both, so it is never issued twice by this folder; windows keep desks of one agency apart; the province's
 * last sequence ({@link #raise}) and the block after a restore ({@link #jumpToNextBlock}) keep a reinstalled or
 * restored desk apart from its own past.
 */
public final class CaseNumbering {
    /** A restore continues the restore day's numbering at the next multiple of this (D118). */
    public static final int RESTORE_BLOCK = 10_000;

    private CaseNumbering() {
    }

    /** The ledger's series of a window's numbers of a day. */
    public static String series(String agencyCode, LocalDate day, int windowNo) {
        return "CASE:" + agencyCode + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%02d", windowNo);
    }

    /** The desk's window number (窗口号), empty before the setup. */
    public static Optional<Integer> windowNo(DSLContext tx) {
        return tx.select(DESK_IDENTITY.WINDOW_NO).from(DESK_IDENTITY).where(DESK_IDENTITY.ID.eq(1))
                .fetchOptional(DESK_IDENTITY.WINDOW_NO);
    }

    /** Sets the window number (the caller checks it is 1–99 and was not set before). */
    public static void setWindowNo(DSLContext tx, int windowNo) {
        tx.update(DESK_IDENTITY).set(DESK_IDENTITY.WINDOW_NO, windowNo).where(DESK_IDENTITY.ID.eq(1)).execute();
    }

    /** The counter of a window's numbers of a day as the database holds it (0 when none was issued). */
    public static int counter(DSLContext tx, String agencyCode, LocalDate day, int windowNo) {
        return tx.select(CASE_SEQ.LAST_SEQ).from(CASE_SEQ).where(key(agencyCode, day, windowNo))
                .fetchOptional(CASE_SEQ.LAST_SEQ).orElse(0);
    }

    /** The highest sequence of the day and window this folder knows of: the database's counter or the ledger's. */
    public static int known(DSLContext tx, NumberLedger ledger, String agencyCode, LocalDate day, int windowNo) {
        return (int) Math.max(counter(tx, agencyCode, day, windowNo), ledger.high(series(agencyCode, day, windowNo)));
    }

    /**
     * Takes the next sequence of a window's day: above the database's counter and above every number the ledger
     * ever handed out in that series. Throws when the day's 99,999 numbers are used up.
     */
    public static int next(DSLContext tx, NumberLedger ledger, String agencyCode, LocalDate day, int windowNo) {
        // the UPDATE first: it locks the counter's row until the transaction ends
        int updated = tx.update(CASE_SEQ).set(CASE_SEQ.LAST_SEQ, CASE_SEQ.LAST_SEQ.plus(1))
                .where(key(agencyCode, day, windowNo)).execute();
        if (updated == 0) {
            tx.insertInto(CASE_SEQ).set(CASE_SEQ.AGENCY_CODE, agencyCode).set(CASE_SEQ.SEQ_DAY, day)
                    .set(CASE_SEQ.WINDOW_NO, windowNo).set(CASE_SEQ.LAST_SEQ, 1).execute();
        }
        int counted = counter(tx, agencyCode, day, windowNo);
        if (counted > CaseNumbers.MAX_SEQ) {
            throw new IllegalStateException("case numbers of " + day + " window " + windowNo + " used up");
        }
        long seq = ledger.reserve(series(agencyCode, day, windowNo), counted);
        if (seq > CaseNumbers.MAX_SEQ) {
            throw new IllegalStateException("case numbers of " + day + " window " + windowNo + " used up: " + seq);
        }
        if (seq != counted) {
            store(tx, agencyCode, day, windowNo, (int) seq);
        }
        return (int) seq;
    }

    /**
     * Raises the counter (and the ledger) of a window's day to at least {@code atLeast}: numbers up to it are known
     * to be used elsewhere (the province received them, D118). Returns the counter before when it was raised, empty
     * when it already was at or above.
     */
    public static Optional<Integer> raise(DSLContext tx, NumberLedger ledger, String agencyCode, LocalDate day,
            int windowNo, int atLeast) {
        int before = known(tx, ledger, agencyCode, day, windowNo);
        if (atLeast <= before) {
            return Optional.empty();
        }
        int value = Math.min(atLeast, CaseNumbers.MAX_SEQ);
        ledger.reserve(series(agencyCode, day, windowNo), value);
        store(tx, agencyCode, day, windowNo, value);
        return Optional.of(before);
    }

    /**
     * After a restore: the restore day's numbering continues at the next block of {@link #RESTORE_BLOCK} above what
     * this folder knows (the backup's counter, a ledger kept in the folder), so numbers the lost desk issued after
     * the backup (at most 9,999 of the day before its block ends) are not issued again. Returns the new counter; a
     * day with no block left (nine restores) keeps its counter at 99,999, so no number is issued that day.
     */
    public static int jumpToNextBlock(DSLContext tx, NumberLedger ledger, String agencyCode, LocalDate day,
            int windowNo) {
        int known = known(tx, ledger, agencyCode, day, windowNo);
        int value = Math.min((known / RESTORE_BLOCK + 1) * RESTORE_BLOCK, CaseNumbers.MAX_SEQ);
        raise(tx, ledger, agencyCode, day, windowNo, value);
        return counter(tx, agencyCode, day, windowNo);
    }

    private static void store(DSLContext tx, String agencyCode, LocalDate day, int windowNo, int value) {
        int updated = tx.update(CASE_SEQ).set(CASE_SEQ.LAST_SEQ, value).where(key(agencyCode, day, windowNo)).execute();
        if (updated == 0) {
            tx.insertInto(CASE_SEQ).set(CASE_SEQ.AGENCY_CODE, agencyCode).set(CASE_SEQ.SEQ_DAY, day)
                    .set(CASE_SEQ.WINDOW_NO, windowNo).set(CASE_SEQ.LAST_SEQ, value).execute();
        }
    }

    private static org.jooq.Condition key(String agencyCode, LocalDate day, int windowNo) {
        return CASE_SEQ.AGENCY_CODE.eq(agencyCode).and(CASE_SEQ.SEQ_DAY.eq(day)).and(CASE_SEQ.WINDOW_NO.eq(windowNo));
    }
}
