package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code UNIT_REGISTERED} (4202): an insured unit registered at the desk, as its registry row reads after the
 * change. {@code occurredAt} (when the registration really happened) and {@code backfill} are written only for
 * work entered after an outage (补录): the province judges a conflict by the occurrence time. Every property is written, null or not.
 */
@JsonPropertyOrder(alphabetic = true)
public record UnitRegistered(
        @JsonProperty("creditCode") String creditCode,
        @JsonProperty("name") String name,
        @JsonProperty("unitType") String unitType,
        @JsonProperty("address") String address,
        @JsonProperty("legalRepName") String legalRepName,
        @JsonProperty("bankAccount") String bankAccount,
        @JsonProperty("status") String status,
        @JsonProperty("occurredAt") @JsonInclude(JsonInclude.Include.NON_NULL) String occurredAt,
        @JsonProperty("backfill") @JsonInclude(JsonInclude.Include.NON_NULL) Backfill backfill) implements Change {
}
