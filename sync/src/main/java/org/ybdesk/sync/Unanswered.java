package org.ybdesk.sync;

/**
 * A request the server did not answer: connection refused, timeout, a 5xx, an unreadable body. Not a result: the
 * messages stay pending and are sent again later. The message is Chinese, for the clerk and the command line.
 */
public final class Unanswered extends Exception {
    private final boolean unauthorized;
    private final boolean tooLarge;
    private Long proofSeq;

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

    /** 413: the request was too large; a smaller batch will be read. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** 401/403: the desk's token is wrong; retrying will not help until it is configured again. */
    public boolean unauthorized() {
        return unauthorized;
    }
}
