package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A point of a desk's audit chain (D71): the record's sequence number, its SHA-256 chain hash (64 hex digits) and,
 * for a head, when it was written ({@code yyyyMMddHHmmss}, Asia/Shanghai). The hash of a record covers every record
 * before it, so the province keeping a desk's heads can tell a chain that was rewritten or cut back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditHead(@JsonProperty("seq") long seq, @JsonProperty("hash") String hash,
                        @JsonProperty("time") String time) {
}
