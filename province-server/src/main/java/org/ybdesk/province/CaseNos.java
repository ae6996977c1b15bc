package org.ybdesk.province;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.ybdesk.core.validation.CaseNumbers;

/**
 * Case numbers as the province reads them (issue 12): agency code + {@code yyyyMMdd} + 2-digit window + 5-digit
 * sequence; numbers of earlier releases (agency + {@code yyyyMMdd} + 5 digits) stay valid and read as window 0. The
 * agency code is needed to tell the two apart (the tail's length does).
 *
 * <p>TODO(lead): replace the body of {@link #parse(String, String)} by {@code CaseNumbers.parse(caseNo, agencyCode)}
 * once core has it (issue 12, "num" helper); this class then only adapts its answer. Nothing else in the server
 * takes case numbers apart.
 */
public final class CaseNos {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A case number taken apart; {@code windowNo} 0 for a number of the old format. */
    public record Parts(String agencyCode, LocalDate day, int windowNo, int seq) {
    }

    private CaseNos() {
    }

    /** The parts of {@code caseNo} read as a number of {@code agencyCode}; empty when it is not one. */
    public static Optional<Parts> parse(String caseNo, String agencyCode) {
        if (caseNo == null || agencyCode == null || agencyCode.isEmpty() || !caseNo.startsWith(agencyCode)
                || !agencyCode.matches(CaseNumbers.AGENCY_CODE)) {
            return Optional.empty();
        }
        String tail = caseNo.substring(agencyCode.length());
        if (!tail.matches("\\d{13}|\\d{15}")) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(tail.substring(0, 8), DAY);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        int window = tail.length() == 15 ? Integer.parseInt(tail.substring(8, 10)) : 0;
        int seq = Integer.parseInt(tail.substring(tail.length() - 5));
        if (seq < 1 || (tail.length() == 15 && window < 1)) {
            return Optional.empty();
        }
        return Optional.of(new Parts(agencyCode, day, window, seq));
    }

    /** Whether {@code caseNo} is a well-formed number of {@code agencyCode}. */
    public static boolean belongsTo(String caseNo, String agencyCode) {
        return parse(caseNo, agencyCode).isPresent();
    }

    /**
     * Whether {@code caseNo} is a well-formed number of some agency (any split of agency code and tail that reads as
     * a number): the province checks a later change's number before it knows the case.
     */
    public static boolean wellFormed(String caseNo) {
        if (caseNo == null || caseNo.length() < 14) {
            return false;
        }
        for (int tail : new int[] {13, 15}) {
            if (caseNo.length() > tail && parse(caseNo, caseNo.substring(0, caseNo.length() - tail)).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
