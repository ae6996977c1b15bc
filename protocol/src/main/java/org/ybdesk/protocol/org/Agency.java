package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An agency as the province registers it: code, name, admin division, level ({@link AgencyLevel} name) and the
 * agency it belongs to ({@code parentCode}: a township service point's county agency; null at the top). Reference
 * data kind {@code AGENCIES} (key {@code all}) carries the list, so every desk can name where a case came from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agency(@JsonProperty("code") String code,
                     @JsonProperty("name") String name,
                     @JsonProperty("admdvs") String admdvs,
                     @JsonProperty("level") String level,
                     @JsonProperty("parent_code") String parentCode) {
}
