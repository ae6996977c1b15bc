package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The server's answer for one envelope of a batch. {@code infcode} 0 means received (now or before: a repeated
 * {@code msgid} gets the original acknowledgement with {@code duplicate} true and is not applied again); -1 means
 * refused for a business reason ({@code errCode}, {@code errMsg} in Chinese for the clerk), which is final: re-sending
 * the same message gives the same refusal. Transport and server faults are not results: the whole request fails
 * (HTTP 5xx, timeout) and the desk retries it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadResult(
        @JsonProperty("msgid") String msgid,
        @JsonProperty("infcode") int infcode,
        @JsonProperty("inf_refmsgid") String infRefmsgid,
        @JsonProperty("refmsg_time") String refmsgTime,
        @JsonProperty("duplicate") boolean duplicate,
        @JsonProperty("err_code") String errCode,
        @JsonProperty("err_msg") String errMsg) {
    public static final int OK = 0;
    public static final int REFUSED = -1;

    public boolean accepted() {
        return infcode == OK;
    }
}
