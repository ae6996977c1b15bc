package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code PERSON_REGISTERED} (4201): a person registered at the desk, as its registry row reads after the change.
 * {@code unitId} is the desk's own row id (the province ignores it); the unit travels by {@code unitCreditCode},
 * written only when the person has a unit; {@code occurredAt} (when the registration really happened) and
 * {@code backfill} only for work entered after an outage (补录), the province judging a conflict by the occurrence time. Every other property is written, null or not.
 */
@JsonPropertyOrder(alphabetic = true)
public record PersonRegistered(
        @JsonProperty("idType") String idType,
        @JsonProperty("idNumber") String idNumber,
        @JsonProperty("name") String name,
        @JsonProperty("gender") String gender,
        @JsonProperty("birthDate") String birthDate,
        @JsonProperty("insuranceType") String insuranceType,
        @JsonProperty("status") String status,
        @JsonProperty("unitId") Long unitId,
        @JsonProperty("phone") String phone,
        @JsonProperty("accountBalanceFen") Long accountBalanceFen,
        @JsonProperty("unitCreditCode") @JsonInclude(JsonInclude.Include.NON_NULL) String unitCreditCode,
        @JsonProperty("occurredAt") @JsonInclude(JsonInclude.Include.NON_NULL) String occurredAt,
        @JsonProperty("backfill") @JsonInclude(JsonInclude.Include.NON_NULL) Backfill backfill)
        implements Change {
}
