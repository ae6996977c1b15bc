package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code CASE_TRANSITION} (4102): a step of an accepted case (审核, 补正, 办结, 支付 …), with the outcome message
 * sent to the applicant when the step has one. {@code reasons}, {@code amountFen} and {@code message} are written
 * only when present; every other property is written, null or not.
 */
@JsonPropertyOrder(alphabetic = true)
public record CaseStepped(
        @JsonProperty("caseNo") String caseNo,
        @JsonProperty("agencyCode") String agencyCode,
        @JsonProperty("itemNo") Integer itemNo,
        @JsonProperty("catalogVersion") String catalogVersion,
        @JsonProperty("applicantKind") String applicantKind,
        @JsonProperty("applicantIdNumber") String applicantIdNumber,
        @JsonProperty("applicantName") String applicantName,
        @JsonProperty("action") String action,
        @JsonProperty("fromState") String fromState,
        @JsonProperty("toState") String toState,
        @JsonProperty("occurredAt") String occurredAt,
        @JsonProperty("onDay") String onDay,
        @JsonProperty("actorId") Long actorId,
        @JsonProperty("actorName") String actorName,
        @JsonProperty("reasons") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> reasons,
        @JsonProperty("amountFen") @JsonInclude(JsonInclude.Include.NON_NULL) Long amountFen,
        @JsonProperty("actorPersonId") @JsonInclude(JsonInclude.Include.NON_NULL) String actorPersonId,
        @JsonProperty("dueOn") @JsonInclude(JsonInclude.Include.NON_NULL) String dueOn,
        @JsonProperty("message") @JsonInclude(JsonInclude.Include.NON_NULL) String message) implements CaseStep {
    public CaseStepped {
        reasons = Changes.listOrNull(reasons);
    }
}
