package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code CASE_FORWARDED} (4106, 移交): the holding desk hands the case to the agency that performs its next stage.
 * {@code toLevel} is an {@link org.ybdesk.protocol.org.AgencyLevel} name; the province resolves the agency (the
 * accepting agency when it is of that level, else the sending agency's nearest ancestor of that level) and puts the
 * case into that agency's pool ({@code nextAction} names the stage its desks list it under, e.g. {@code REVIEW} →
 * 待审核). {@code toAgencyCode} may name the agency explicitly (it must then be of that level and related).
 */
@JsonPropertyOrder(alphabetic = true)
public record CaseForwarded(
        @JsonProperty("caseNo") String caseNo,
        @JsonProperty("toLevel") String toLevel,
        @JsonProperty("toAgencyCode") @JsonInclude(JsonInclude.Include.NON_NULL) String toAgencyCode,
        @JsonProperty("nextAction") String nextAction,
        @JsonProperty("state") String state,
        @JsonProperty("occurredAt") String occurredAt,
        @JsonProperty("actorName") String actorName,
        @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_NULL) String reason) implements CaseHandOff {
}
