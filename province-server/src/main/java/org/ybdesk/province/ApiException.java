package org.ybdesk.province;

/** A request the server answers with a non-2xx status and an {@code ErrorBody} (code for programs, Chinese text). */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
