package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code GET /api/v1/health} (no token needed): {@code status} {@value #UP} with HTTP 200 when the
 * server and its database answer, {@value #DOWN} with HTTP 503 when the database does not; {@code version} is the
 * server's protocol version ({@link Protocol#VERSION}).
 */
public record Health(@JsonProperty("status") String status, @JsonProperty("version") String version) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
}
