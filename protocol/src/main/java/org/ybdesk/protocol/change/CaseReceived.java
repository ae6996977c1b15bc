package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code CASE_RECEIVED} (4101): a case accepted at the window (受理), with its intake fields and the state of its
 * materials (material number → {@code MaterialStatus} name). {@code reasons} and {@code amountFen} are written only
 * when present ({@code backfill} only for work entered after an outage, 补录; {@code occurredAt} is then the
 * paper's real 收件 time); every other property is written, null or not.
 */
@JsonPropertyOrder(alphabetic = true)
public record CaseReceived(
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
        @JsonProperty("channel") @JsonInclude(JsonInclude.Include.NON_NULL) String channel,
        @JsonProperty("backfill") @JsonInclude(JsonInclude.Include.NON_NULL) Backfill backfill,
        @JsonProperty("fields") Map<String, String> fields,
        @JsonProperty("materials") Map<String, String> materials) implements CaseStep {
    public CaseReceived {
        reasons = Changes.listOrNull(reasons);
        fields = Changes.sorted(fields);
        materials = Changes.materials(materials);
    }
}
