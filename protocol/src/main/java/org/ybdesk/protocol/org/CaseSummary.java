package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A case as the county view sees it ({@code GET /api/v1/county/cases}): what the batch reports print and no more
 * personal data — number, item, applicant's name and ID number (the ledger prints them), channel, state, dates,
 * the due date the holder computed, the holder and the acceptor, and its steps (action, day, person's name, amount).
 * The desk rebuilds the report columns (accepted, closed, paid …) from the steps by the same rules as its own cases.
 * {@code occurred_at} (issue 13) is when the case really happened (its 收件 time; a back-filled paper's own time,
 * {@code yyyy-MM-dd HH:mm:ss}): a page lists its cases in that order, and reports order by it rather than by arrival.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSummary(@JsonProperty("case_no") String caseNo,
                          @JsonProperty("version") long version,
                          @JsonProperty("item_no") int itemNo,
                          @JsonProperty("catalog_version") String catalogVersion,
                          @JsonProperty("applicant_kind") String applicantKind,
                          @JsonProperty("applicant_name") String applicantName,
                          @JsonProperty("applicant_id_number") String applicantIdNumber,
                          @JsonProperty("channel") String channel,
                          @JsonProperty("state") String state,
                          @JsonProperty("received_on") String receivedOn,
                          @JsonProperty("due_on") String dueOn,
                          @JsonProperty("holder") CaseHolder holder,
                          @JsonProperty("steps") List<Step> steps,
                          @JsonProperty("occurred_at") String occurredAt) {
    public CaseSummary {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A summary without its occurrence time (before issue 13). */
    public CaseSummary(String caseNo, long version, int itemNo, String catalogVersion, String applicantKind,
                       String applicantName, String applicantIdNumber, String channel, String state, String receivedOn,
                       String dueOn, CaseHolder holder, List<Step> steps) {
        this(caseNo, version, itemNo, catalogVersion, applicantKind, applicantName, applicantIdNumber, channel, state,
                receivedOn, dueOn, holder, steps, null);
    }

    /** One step of the case: action, states, the working day it counts for, who (name only) and the amount. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(@JsonProperty("action") String action,
                       @JsonProperty("from_state") String fromState,
                       @JsonProperty("to_state") String toState,
                       @JsonProperty("on_day") String onDay,
                       @JsonProperty("at") String at,
                       @JsonProperty("actor_name") String actorName,
                       @JsonProperty("amount_fen") Long amountFen) {
    }
}
