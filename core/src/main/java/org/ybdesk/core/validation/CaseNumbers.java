package org.ybdesk.core.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that knows how a case number (办件编号) is built and whose it is (D117).
 *
 * <p>Since issue 12 a case number is the issuing agency's code, the day it was received ({@code yyyyMMdd}), the
 * issuing desk's 2-digit window number (窗口号, 01–99) and a 5-digit sequence of that window and day:
 * {@code 230102001 20261125 03 00042} (spaces for reading only). Numbers issued before issue 12 have no window
 * ({@code agency + yyyyMMdd + 5 digits}); they stay valid and are read as window 0. The tail after the agency code
 * tells the formats apart (15 digits now, 13 before) — but only when the agency code is known: agency codes may end
 * in digits, so {@code parse} needs it.
 *
 * <p>The desk issues numbers with {@link #format}; the province decides with {@link #parse(String, String)} /
 * {@link #belongsTo} whether a number was issued for an agency (an agency may only create cases numbered for
 * itself), and checks the shape of numbers of other agencies' cases (a forwarded case keeps the number its
 * accepting agency gave it) with {@link #wellFormed}.
 */
public final class CaseNumbers {
    /** The characters an agency code may have (as the province registers desks). */
    public static final String AGENCY_CODE = "[0-9A-Za-z]{1,32}";
    private static final Pattern AGENCY = Pattern.compile(AGENCY_CODE);
    /** Digits after the agency code: yyyyMMdd + WW + 5-digit sequence. */
    public static final int TAIL = 15;
    /** Digits after the agency code in numbers issued before issue 12: yyyyMMdd + 5-digit sequence (window 0). */
    public static final int LEGACY_TAIL = 13;
    public static final int MAX_WINDOW = 99;
    public static final int MAX_SEQ = 99_999;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * A case number taken apart. {@code windowNo} is 0 for a number issued before issue 12 (no window in it).
     */
    public record Parts(String agencyCode, LocalDate day, int windowNo, int seq) {
        /** Whether the number is of the format before issue 12 (no window). */
        public boolean legacy() {
            return windowNo == 0;
        }
    }

    private CaseNumbers() {
    }

    /** Whether {@code windowNo} may be a desk's window number (1–99). */
    public static boolean validWindow(int windowNo) {
        return windowNo >= 1 && windowNo <= MAX_WINDOW;
    }

    /**
     * The number of the {@code seq}-th case (from 1) that window {@code windowNo} (1–99) of an agency received on
     * {@code day}.
     */
    public static String format(String agencyCode, LocalDate day, int windowNo, int seq) {
        if (!validWindow(windowNo)) {
            throw new IllegalArgumentException("window number out of range 1-99: " + windowNo);
        }
        return agencyCode + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%02d", windowNo)
                + seq(seq);
    }

    /** A number in the format before issue 12 (no window): to build old desks' numbers in tests and tools. */
    public static String formatLegacy(String agencyCode, LocalDate day, int seq) {
        return agencyCode + day.format(DateTimeFormatter.BASIC_ISO_DATE) + seq(seq);
    }

    private static String seq(int seq) {
        if (seq < 1 || seq > MAX_SEQ) {
            throw new IllegalArgumentException("case sequence out of range 1-99999: " + seq);
        }
        return String.format("%05d", seq);
    }

    /**
     * The parts of {@code caseNo} issued for {@code agencyCode}, in either format (a real calendar day, window 1–99
     * or none, sequence from 1); empty when it is not a well-formed number of that agency.
     */
    public static Optional<Parts> parse(String caseNo, String agencyCode) {
        if (caseNo == null || agencyCode == null || !AGENCY.matcher(agencyCode).matches()
                || !caseNo.startsWith(agencyCode)) {
            return Optional.empty();
        }
        String tail = caseNo.substring(agencyCode.length());
        if (!DIGITS.matcher(tail).matches()) {
            return Optional.empty();
        }
        int window;
        if (tail.length() == TAIL) {
            window = Integer.parseInt(tail.substring(8, 10));
            if (!validWindow(window)) {
                return Optional.empty();
            }
        } else if (tail.length() == LEGACY_TAIL) {
            window = 0;
        } else {
            return Optional.empty();
        }
        int seq = Integer.parseInt(tail.substring(tail.length() - 5));
        if (seq < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parts(agencyCode, LocalDate.parse(tail.substring(0, 8), DAY), window, seq));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code caseNo} is a well-formed number (either format) issued for {@code agencyCode}. */
    public static boolean belongsTo(String caseNo, String agencyCode) {
        return parse(caseNo, agencyCode).isPresent();
    }

    /**
     * Whether {@code caseNo} has the shape of a case number of <em>some</em> agency, in either format: for checking
     * numbers whose agency is not known to the reader (the province checking a message about a case another agency
     * accepted). It cannot say which agency, day or window: an agency code may end in digits, so the split is
     * ambiguous without it — use {@link #parse(String, String)} for that.
     */
    public static boolean wellFormed(String caseNo) {
        if (caseNo == null) {
            return false;
        }
        for (int tail : new int[] {TAIL, LEGACY_TAIL}) {
            if (caseNo.length() > tail && parse(caseNo, caseNo.substring(0, caseNo.length() - tail)).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
