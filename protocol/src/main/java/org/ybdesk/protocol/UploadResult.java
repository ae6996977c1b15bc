package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The server's answer for one envelope of a batch. {@code infcode} 0 means received (now or before: a repeated
 * {@code msgid} gets the original acknowledgement with {@code duplicate} true and is not applied again); -1 means
 * refused for a business reason ({@code errCode}, {@code errMsg} in Chinese for the clerk), which is final: re-sending
 * the same message gives the same refusal. Transport and server faults are not results: the whole request fails
 * (HTTP 5xx, timeout) and the desk retries it.
 *
 * <p>Issue 13 (D135, D136): {@code infcode} 1 ({@link #WAIT}) means "not yet": the message depends on something the
 * province has not received (a back-filled filing whose registration is still on its way, {@code NOT_YET_INSURED});
 * nothing is kept, the same {@code msgid} is judged again when sent again, and the desk keeps the message pending
 * (its chain waits). An accepted registration of a record another agency registered too carries {@code errCode}
 * {@code REGISTRY_CONFLICT} and the conflict in {@code errMsg}: received, and a task for both agencies.
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
    /** Not judged yet: send again later (issue 13). */
    public static final int WAIT = 1;
    /** The {@code errCode} of an accepted registration that made a registry conflict (issue 13). */
    public static final String REGISTRY_CONFLICT = "REGISTRY_CONFLICT";
    /** The {@code errCode} of a WAIT for a back-filled case whose applicant's registration has not arrived. */
    public static final String NOT_YET_INSURED = "NOT_YET_INSURED";

    public boolean accepted() {
        return infcode == OK;
    }

    /** Not judged yet: the desk sends the message again later (issue 13). */
    public boolean waiting() {
        return infcode == WAIT;
    }
}
