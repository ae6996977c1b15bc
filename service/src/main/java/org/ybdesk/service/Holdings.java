package org.ybdesk.service;

import java.util.List;
import java.util.Optional;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.protocol.org.CaseFeed;
import org.ybdesk.protocol.org.CaseHistory;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.CountyCases;
import org.ybdesk.protocol.org.ReassignRequest;
import org.ybdesk.protocol.org.ReassignResult;

/**
 * What the desk knows of the organisation's cases it does not hold alone (issue 12): copies of cases held
 * elsewhere, rebuilt from the province's feed by the same rules as its own cases, the holder of each case, claims,
 * reassignments and the county view's summaries. Every method is one local transaction; the network is module
 * {@code sync}'s.
 *
 * <p>CONTRACT between the issue-12 helpers: the "hold" helper implements these bodies; the "sync" helper calls them.
 * Signatures change only by agreement with the lead.
 */
public final class Holdings {
    private final Desk desk;

    Holdings(Desk desk) {
        this.desk = desk;
    }

    /** The last feed version applied (0: none). */
    public long feedVersion() {
        throw new UnsupportedOperationException("issue 12: Holdings.feedVersion");
    }

    /**
     * Applies one page of the feed and records its version, in one transaction. Returns the case numbers the desk has
     * no copy of (their entries are not applied): the caller fetches each one's {@link CaseHistory} and calls
     * {@link #applyHistory}.
     */
    public List<String> applyFeed(CaseFeed page) {
        throw new UnsupportedOperationException("issue 12: Holdings.applyFeed");
    }

    /** Brings the desk's copy of one case up to the province's history (creating it when absent). */
    public void applyHistory(CaseHistory history) {
        throw new UnsupportedOperationException("issue 12: Holdings.applyHistory");
    }

    /** The province granted {@code actor}'s claim (领取): the desk holds the case now (audited). */
    public CaseViews.CaseView recordClaim(CaseHistory history, Actor actor) {
        throw new UnsupportedOperationException("issue 12: Holdings.recordClaim");
    }

    /** The last county-view version applied (0: none). */
    public long countyVersion() {
        throw new UnsupportedOperationException("issue 12: Holdings.countyVersion");
    }

    /** Applies one page of county summaries (and the covered desks) and records its version, in one transaction. */
    public void applyCounty(CountyCases page) {
        throw new UnsupportedOperationException("issue 12: Holdings.applyCounty");
    }

    /** A supervisor's reassignment the province carried out: recorded (audited, with the reason) and applied. */
    public void recordReassign(ReassignRequest request, ReassignResult result, Actor actor) {
        throw new UnsupportedOperationException("issue 12: Holdings.recordReassign");
    }

    /** Who holds the case as far as this desk knows (its own record, updated by the feed); empty when unknown. */
    public Optional<CaseHolder> holder(String caseNo) {
        throw new UnsupportedOperationException("issue 12: Holdings.holder");
    }

    /**
     * The province answered a hand-off message (CASE_FORWARDED / CASE_RELEASED) of this desk: accepted → the case is
     * no longer held here (its copy becomes read-only until the feed says otherwise); refused → the pending hand-off
     * is cleared and the case stays held here (the refusal becomes a 退回任务 as any other). Called by SyncStore in
     * the transaction that records the answers.
     */
    public void handOffAnswered(org.jooq.DSLContext tx, String caseNo, boolean accepted) {
        throw new UnsupportedOperationException("issue 12: Holdings.handOffAnswered");
    }
}
