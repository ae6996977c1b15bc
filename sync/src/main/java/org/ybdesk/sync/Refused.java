package org.ybdesk.sync;

/**
 * The province answered and said no (a refusal, not a fault): a claim of a case another desk holds (HTTP 409
 * {@code CASE_HELD}), a request this desk may not make (403, e.g. the county view for a township desk), a case the
 * province does not know (404), a request it finds wrong (400). The message is the server's Chinese {@code err_msg}
 * (or a Chinese sentence with the status when it sent none); {@code code} its {@code err_code} for programs.
 */
public final class Refused extends Exception {
    /** The province's code of a second claim: another desk holds the case (the message names it). */
    public static final String CASE_HELD = "CASE_HELD";

    private final int status;
    private final String code;

    public Refused(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The province's {@code err_code} (null when it sent none). */
    public String code() {
        return code;
    }

    /** The path is unknown to the server (an older province without the organisation's endpoints) or the case is. */
    public boolean notFound() {
        return status == 404;
    }

    /** A claim lost: another desk holds the case. */
    public boolean caseHeld() {
        return status == 409 && CASE_HELD.equals(code);
    }
}
