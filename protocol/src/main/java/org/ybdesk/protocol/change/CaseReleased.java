package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code CASE_RELEASED} (4107, 释放): the holding desk gives the case back to its agency's pool, where any desk of the
 * agency may take it (领取). {@code nextAction} names the stage it waits for ({@code REVIEW} → 待审核 …).
 */
@JsonPropertyOrder(alphabetic = true)
public record CaseReleased(
        @JsonProperty("caseNo") String caseNo,
        @JsonProperty("nextAction") String nextAction,
        @JsonProperty("state") String state,
        @JsonProperty("occurredAt") String occurredAt,
        @JsonProperty("actorName") String actorName,
        @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_NULL) String reason) implements CaseHandOff {
}
