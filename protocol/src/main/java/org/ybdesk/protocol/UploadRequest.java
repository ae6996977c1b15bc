package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A batch of envelopes from one desk, in order of occurrence (ascending {@code seq}).
 *
 * <p>Optional since D71, absent from older desks: {@code audit_head}, the desk's audit chain head when the batch
 * was made, and {@code audit_proof}, the desk's chain hash now at the sequence number of the head the province last
 * accepted from it. The province keeps the heads per desk and refuses a batch whose head is behind the last one or
 * whose hash at an accepted sequence number differs ({@code AUDIT_CHAIN_REWOUND}, HTTP 409). A batch may carry no
 * messages and only the head.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadRequest(@JsonProperty("messages") List<Envelope> messages,
                            @JsonProperty("audit_head") AuditHead auditHead,
                            @JsonProperty("audit_proof") AuditHead auditProof) {
    @com.fasterxml.jackson.annotation.JsonCreator
    public UploadRequest {
    }

    public UploadRequest(List<Envelope> messages) {
        this(messages, null, null);
    }
}
