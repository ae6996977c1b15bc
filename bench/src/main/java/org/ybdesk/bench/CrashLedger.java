package org.ybdesk.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the crash campaign knows about one data folder over its whole life: every commit the harness confirmed on it
 * (across all its runs and kills), which of them a later check found missing, and which case numbers were issued
 * more than once. Pure bookkeeping, no database: {@link CrashCampaign} feeds it the harness's lines and the rows it
 * reads back.
 */
final class CrashLedger {
    /** A confirmed intake: who it was issued to, and whether its acceptance was confirmed too. */
    static final class Issued {
        final String applicantId;
        boolean accepted;
        /** Already counted as lost (each confirmed commit is counted once, at the first check that misses it). */
        boolean createLost;
        boolean acceptLost;

        Issued(String applicantId) {
            this.applicantId = applicantId;
        }

        Issued copy() {
            Issued i = new Issued(applicantId);
            i.accepted = accepted;
            i.createLost = createLost;
            i.acceptLost = acceptLost;
            return i;
        }
    }

    /** A case as read back from the reopened folder. */
    record Row(String applicantId, String state) {
    }

    /** What one check found missing, counted in commits and in cases. */
    record Loss(int lostCreates, int lostAccepts, List<String> lostCaseNos) {
        int commits() {
            return lostCreates + lostAccepts;
        }
    }

    /** One harness line: {@code kind} S, M, R, C, A or E; {@code caseNo}/{@code applicantId} for C and A. */
    record Line(char kind, String caseNo, String applicantId, long value) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(?:([SME])|R (\\d+)|C (\\d{22}(?:\\d{2})?) (\\S+) (\\d+)|A (\\d{22}(?:\\d{2})?) (\\d+)) #$");

    /** Parses one stdout line of the harness; null for a line the kill cut short (no trailing {@code #}) or noise. */
    static Line parse(String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) != null) {
            return new Line(m.group(1).charAt(0), null, null, 0);
        }
        if (m.group(2) != null) {
            return new Line('R', null, null, Long.parseLong(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Line('C', m.group(3), m.group(4), Long.parseLong(m.group(5)));
        }
        return new Line('A', m.group(6), null, Long.parseLong(m.group(7)));
    }

    private final Map<String, Issued> issued = new LinkedHashMap<>();
    private final Map<String, Integer> timesIssued = new HashMap<>();
    private final Set<String> reused = new HashSet<>();
    private long confirmedCommits;

    CrashLedger copy() {
        CrashLedger c = new CrashLedger();
        issued.forEach((k, v) -> c.issued.put(k, v.copy()));
        c.timesIssued.putAll(timesIssued);
        c.reused.addAll(reused);
        c.confirmedCommits = confirmedCommits;
        return c;
    }

    /**
     * Records the harness's confirmation that {@code caseNo} was taken in for {@code applicantId}. A number confirmed
     * before on this folder (whatever became of it since) was issued twice: it counts as reused.
     *
     * @return true if this confirmation reused a number
     */
    boolean confirmCreate(String caseNo, String applicantId) {
        confirmedCommits++;
        int n = timesIssued.merge(caseNo, 1, Integer::sum);
        issued.put(caseNo, new Issued(applicantId));
        return n > 1 && reused.add(caseNo);
    }

    void confirmAccept(String caseNo) {
        Issued i = issued.get(caseNo);
        if (i == null) {
            throw new IllegalStateException("accept confirmed for a case never confirmed: " + caseNo);
        }
        confirmedCommits++;
        i.accepted = true;
    }

    /** Applies one parsed harness line (S/M/R/E carry no commit). */
    boolean apply(Line line) {
        return switch (line.kind()) {
            case 'C' -> confirmCreate(line.caseNo(), line.applicantId());
            case 'A' -> {
                confirmAccept(line.caseNo());
                yield false;
            }
            default -> false;
        };
    }

    /**
     * Compares every commit ever confirmed on the folder with what the reopened folder holds: a case missing, or
     * holding another applicant, lost its intake (and its acceptance if that was confirmed); a case still 待受理 after
     * its acceptance was confirmed lost the acceptance. Commits already counted lost are not counted again.
     */
    Loss check(Map<String, Row> rows) {
        int creates = 0;
        int accepts = 0;
        List<String> lostNos = new java.util.ArrayList<>();
        for (var e : issued.entrySet()) {
            Issued i = e.getValue();
            Row r = rows.get(e.getKey());
            boolean present = r != null && r.applicantId().equals(i.applicantId);
            if (!present) {
                if (!i.createLost) {
                    i.createLost = true;
                    creates++;
                    lostNos.add(e.getKey());
                }
                if (i.accepted && !i.acceptLost) {
                    i.acceptLost = true;
                    accepts++;
                }
            } else if (i.accepted && "RECEIVED".equals(r.state()) && !i.acceptLost) {
                i.acceptLost = true;
                accepts++;
            }
        }
        return new Loss(creates, accepts, lostNos);
    }

    long confirmedCommits() {
        return confirmedCommits;
    }

    int cases() {
        return issued.size();
    }

    int reusedNumbers() {
        return reused.size();
    }

    Set<String> reused() {
        return Set.copyOf(reused);
    }
}
