package org.ybdesk.core.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows how a case number (办件编号) is built and whose it is. Today a case number is the
 * issuing agency's code, the day it was received ({@code yyyyMMdd}) and a 5-digit sequence of that agency and day.
 * The desk issues numbers with {@link #format}; the province decides with {@link #parse} / {@link #belongsTo}
 * which agency a number was issued for (an agency may only create cases numbered for itself). A later format (with
 * the window number) changes this class only.
 */
public final class CaseNumbers {
    /** The characters an agency code may have (as the province registers desks). */
    public static final String AGENCY_CODE = "[0-9A-Za-z]{1,32}";
    private static final Pattern FORMAT = Pattern.compile("(" + AGENCY_CODE + ")(\\d{8})(\\d{5})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A case number taken apart. */
    public record Parts(String agencyCode, LocalDate day, int seq) {
    }

    private CaseNumbers() {
    }

    /** The number of the {@code seq}-th case (from 1) an agency received on {@code day}. */
    public static String format(String agencyCode, LocalDate day, int seq) {
        if (seq < 1 || seq > 99_999) {
            throw new IllegalArgumentException("case sequence out of range 1-99999: " + seq);
        }
        return agencyCode + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", seq);
    }

    /** The parts of a well-formed case number (a real calendar day, sequence from 1); empty otherwise. */
    public static Optional<Parts> parse(String caseNo) {
        if (caseNo == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(caseNo);
        if (!m.matches()) {
            return Optional.empty();
        }
        int seq = Integer.parseInt(m.group(3));
        if (seq < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parts(m.group(1), LocalDate.parse(m.group(2), DAY), seq));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code caseNo} is a well-formed number issued for {@code agencyCode}. */
    public static boolean belongsTo(String caseNo, String agencyCode) {
        return parse(caseNo).map(p -> p.agencyCode().equals(agencyCode)).orElse(false);
    }
}
