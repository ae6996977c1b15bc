package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the province hands a desk once when it registers it ({@code province-server desk add … --json}): the
 * agency and admin-division codes the desk's envelopes must carry, its window number ({@code window_no}, 0–999,
 * unique in the agency; envelopes write it with three digits; {@code dev_no} before issue 11, still read) and its
 * bearer token (shown only here; the server keeps its SHA-256).
 */
public record DeskRegistration(@JsonProperty("agency_code") String agencyCode,
                               @JsonProperty("admdvs") String admdvs,
                               @JsonProperty("window_no") @JsonAlias("dev_no") int windowNo,
                               @JsonProperty("name") String name,
                               @JsonProperty("token") String token) {
}
