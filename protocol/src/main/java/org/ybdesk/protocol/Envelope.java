package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request message, modelled on the national medical-insurance platform's envelope: a transaction code
 * ({@code infno}), a message id that is also the idempotency key ({@code msgid}), the time the change happened at
 * the window ({@code inf_time}), who did it (operator type, id, name), where (agency and admin-division codes, the
 * desk), the interface version, and the business content ({@code input}).
 *
 * <p>{@code inf_time} is the moment of the change at the window (the outbox row's time), not the moment of upload:
 * the province orders back-filled changes by it, as the rulebook's outage notice asks ("in order of occurrence").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
        @JsonProperty("infno") String infno,
        @JsonProperty("msgid") String msgid,
        @JsonProperty("inf_time") String infTime,
        @JsonProperty("infver") String infver,
        @JsonProperty("opter_type") String opterType,
        @JsonProperty("opter") String opter,
        @JsonProperty("opter_name") String opterName,
        @JsonProperty("agency_code") String agencyCode,
        @JsonProperty("admdvs") String admdvs,
        @JsonProperty("window_no") @JsonAlias("dev_no") String windowNo,
        @JsonProperty("seq") long seq,
        @JsonProperty("input") JsonNode input) {
}
