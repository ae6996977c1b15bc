package org.ybdesk.sync;

/**
 * A request the server did not answer: connection refused, timeout, a 5xx, an unreadable body. Not a result: the
 * messages stay pending and are sent again later. The message is Chinese, for the clerk and the command line.
 */
public final class Unanswered extends Exception {
    private final boolean unauthorized;
    private final boolean tooLarge;
    private Long proofSeq;
    private int status;

    public Unanswered(String message, Throwable cause) {
        this(message, cause, false);
    }

    public Unanswered(String message, Throwable cause, boolean unauthorized) {
        this(message, cause, unauthorized, false);
    }

    public Unanswered(String message, Throwable cause, boolean unauthorized, boolean tooLarge) {
        super(message, cause);
        this.unauthorized = unauthorized;
        this.tooLarge = tooLarge;
    }

    /** The province wants the desk's audit hash at this sequence number (AUDIT_CHAIN_REWOUND, proof missing). */
    public Long proofSeq() {
        return proofSeq;
    }

    Unanswered withProofSeq(Long seq) {
        this.proofSeq = seq;
        return this;
    }

    /** The HTTP status of an answer that was not a result (0: no answer at all: refused, timeout, cut off). */
    public int status() {
        return status;
    }

    Unanswered withStatus(int status) {
        this.status = status;
        return this;
    }

    /**
     * 400: the province found the request malformed (an envelope it cannot read, D54). For an upload of several
     * messages the desk sends them in smaller parts to find the one (D124).
     */
    public boolean badRequest() {
        return status == 400;
    }

    /** 413: the request was too large; a smaller batch will be read. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** 401/403: the desk's token is wrong; retrying will not help until it is configured again. */
    public boolean unauthorized() {
        return unauthorized;
    }
}
