package org.ybdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The crash campaign's bookkeeping (no database, no child process): line parsing, loss and reuse counting. */
class CrashLedgerTest {
    static final String N1 = "2301020012026110200001";
    static final String N2 = "2301020012026110200002";
    static final String N3 = "2301020012026110200003";

    @Test
    void parsesWholeLinesAndIgnoresALineTheKillCutShort() {
        assertThat(CrashLedger.parse("C " + N1 + " 230102198001011234 4 #"))
                .isEqualTo(new CrashLedger.Line('C', N1, "230102198001011234", 4));
        assertThat(CrashLedger.parse("A " + N1 + " 5 #")).isEqualTo(new CrashLedger.Line('A', N1, null, 5));
        // the case numbers since issue 12 carry the window (agency + day + 2-digit window + 5-digit sequence)
        String withWindow = "230102001" + "20261102" + "01" + "13561";
        assertThat(CrashLedger.parse("A " + withWindow + " 27127 #"))
                .isEqualTo(new CrashLedger.Line('A', withWindow, null, 27127));
        assertThat(CrashLedger.parse("R 1953 #").kind()).isEqualTo('R');
        assertThat(CrashLedger.parse("M #").kind()).isEqualTo('M');
        assertThat(CrashLedger.parse("C " + N1 + " 230102198001011234 4")).isNull();
        assertThat(CrashLedger.parse("C 23010200120261102")).isNull();
        assertThat(CrashLedger.parse("A " + N1 + " 5 ")).isNull();
        assertThat(CrashLedger.parse("")).isNull();
    }

    @Test
    void countsEachLostCommitOnceAndALostAcceptance() {
        CrashLedger l = new CrashLedger();
        l.confirmCreate(N1, "P1");
        l.confirmAccept(N1);
        l.confirmCreate(N2, "P2");
        l.confirmAccept(N2);
        l.confirmCreate(N3, "P3");
        Map<String, CrashLedger.Row> db = new HashMap<>();
        db.put(N1, new CrashLedger.Row("P1", "ACCEPTED"));
        db.put(N2, new CrashLedger.Row("P2", "RECEIVED")); // acceptance lost
        // N3 missing: intake lost
        CrashLedger.Loss loss = l.check(db);
        assertThat(loss.lostCreates()).isEqualTo(1);
        assertThat(loss.lostAccepts()).isEqualTo(1);
        assertThat(loss.commits()).isEqualTo(2);
        assertThat(loss.lostCaseNos()).containsExactly(N3);
        assertThat(l.confirmedCommits()).isEqualTo(5);
        // the next check of the same folder does not count them again
        assertThat(l.check(db).commits()).isZero();
    }

    @Test
    void aNumberConfirmedAgainAfterItWasLostCountsAsReused() {
        CrashLedger l = new CrashLedger();
        assertThat(l.confirmCreate(N1, "P1")).isFalse();
        l.confirmAccept(N1);
        l.confirmCreate(N2, "P2");
        // run 1 killed: N2 lost
        Map<String, CrashLedger.Row> db = new HashMap<>();
        db.put(N1, new CrashLedger.Row("P1", "ACCEPTED"));
        assertThat(l.check(db).lostCreates()).isEqualTo(1);
        // run 2 issues N2 again, to another applicant: reused; the folder now holds it for P9
        assertThat(l.confirmCreate(N2, "P9")).isTrue();
        db.put(N2, new CrashLedger.Row("P9", "RECEIVED"));
        assertThat(l.check(db).commits()).isZero();
        assertThat(l.reusedNumbers()).isEqualTo(1);
        assertThat(l.reused()).containsExactly(N2);
        // a third issue of the same number is still one reused number
        assertThat(l.confirmCreate(N2, "P10")).isFalse();
        assertThat(l.reusedNumbers()).isEqualTo(1);
    }

    @Test
    void aCaseHoldingAnotherApplicantIsLost() {
        CrashLedger l = new CrashLedger();
        l.confirmCreate(N1, "P1");
        CrashLedger copy = l.copy();
        Map<String, CrashLedger.Row> db = Map.of(N1, new CrashLedger.Row("P7", "RECEIVED"));
        assertThat(l.check(db).lostCreates()).isEqualTo(1);
        // a copy (a folder copied from a template) keeps its own bookkeeping
        assertThat(copy.check(Map.of(N1, new CrashLedger.Row("P1", "RECEIVED"))).commits()).isZero();
    }

    @Test
    void summaryLineRoundTrips() {
        String s = CrashCampaign.summary(4307, 27, 2, 5);
        assertThat(s).isEqualTo("confirmed=4307 lost=27 unopenable=2 reused_numbers=5");
        assertThat(CrashCampaign.parseSummary(s)).containsExactly(4307, 27, 2, 5);
        assertThat(CrashCampaign.parseSummary("phase=new kills=3 " + s)).isNull();
    }
}
