package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a non-2xx answer: a code for programs and a Chinese message for people. */
public record ErrorBody(@JsonProperty("err_code") String errCode, @JsonProperty("err_msg") String errMsg) {
}
