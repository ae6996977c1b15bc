package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code CASE_ATTACHMENT} (4104): a scanned material attached to the case (its name, type, size and SHA-256). */
@JsonPropertyOrder(alphabetic = true)
public record CaseAttachment(@JsonProperty("caseNo") String caseNo, @JsonProperty("fileName") String fileName,
                             @JsonProperty("mediaType") String mediaType, @JsonProperty("sizeBytes") Long sizeBytes,
                             @JsonProperty("sha256") String sha256) implements CaseChange {
}
