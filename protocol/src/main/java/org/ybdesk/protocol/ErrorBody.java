package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a non-2xx answer: a code for programs and a Chinese message for people. With AUDIT_CHAIN_REWOUND
 * because the proof is missing or at a sequence number the province holds no head for, {@code anchored_seq} names
 * the head the desk must prove (its own chain's hash at that number), so a desk that crashed before recording the
 * province's answer can prove its chain and go on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(@JsonProperty("err_code") String errCode, @JsonProperty("err_msg") String errMsg,
                        @JsonProperty("anchored_seq") Long anchoredSeq) {
    public ErrorBody(String errCode, String errMsg) {
        this(errCode, errMsg, null);
    }
}
