package org.ybdesk.province;

/** A request the server answers with a non-2xx status and an {@code ErrorBody} (code for programs, Chinese text). */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Long anchoredSeq;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** With the audit head the desk must prove (see {@link org.ybdesk.protocol.ErrorBody}). */
    public ApiException(int status, String code, String message, Long anchoredSeq) {
        super(message);
        this.status = status;
        this.code = code;
        this.anchoredSeq = anchoredSeq;
    }

    public Long anchoredSeq() {
        return anchoredSeq;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
