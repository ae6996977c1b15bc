package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code UNIT_REGISTERED} (4202): an insured unit registered at the desk, as its registry row reads after the
 * change. Every property is written, null or not.
 */
@JsonPropertyOrder(alphabetic = true)
public record UnitRegistered(
        @JsonProperty("creditCode") String creditCode,
        @JsonProperty("name") String name,
        @JsonProperty("unitType") String unitType,
        @JsonProperty("address") String address,
        @JsonProperty("legalRepName") String legalRepName,
        @JsonProperty("bankAccount") String bankAccount,
        @JsonProperty("status") String status) implements Change {
}
