package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/v1/cases/{no}/claim} (领取) and {@code …/release} when online: the person taking the case at the
 * window ({@code opter}: login name, {@code opterName}: display name). A claim is decided at once and atomically:
 * the first desk wins; a later claim gets HTTP 409 {@code CASE_HELD} naming the holder.
 */
public record ClaimRequest(@JsonProperty("opter") String opter, @JsonProperty("opter_name") String opterName) {
}
