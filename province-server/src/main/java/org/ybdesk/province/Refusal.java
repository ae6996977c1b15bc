package org.ybdesk.province;

/**
 * Why the province refuses one message (a business reason, final): a code for programs and a Chinese reason for
 * the clerk. Codes: {@value #ALREADY_INSURED}, {@value #UNIT_ALREADY_REGISTERED}, {@value #NOT_INSURED},
 * {@value #CASE_REFUSED_EARLIER}, {@value #CASE_UNKNOWN}, {@value #CASE_EXISTS}, {@value #ITEM_UNKNOWN},
 * {@value #SEQ_OUT_OF_ORDER}, {@value #INVALID_INPUT}, {@value #INVALID_FIELD}, {@value #UNSAFE_TEXT},
 * {@value #INPUT_TOO_LARGE}, {@value #FORBIDDEN_AGENCY}, {@value #NOT_HOLDER}, {@value #NO_TARGET_AGENCY}.
 */
public record Refusal(String code, String message) {
    public static final String ALREADY_INSURED = "ALREADY_INSURED";
    public static final String UNIT_ALREADY_REGISTERED = "UNIT_ALREADY_REGISTERED";
    public static final String NOT_INSURED = "NOT_INSURED";
    public static final String CASE_REFUSED_EARLIER = "CASE_REFUSED_EARLIER";
    public static final String CASE_UNKNOWN = "CASE_UNKNOWN";
    public static final String CASE_EXISTS = "CASE_EXISTS";
    public static final String ITEM_UNKNOWN = "ITEM_UNKNOWN";
    public static final String SEQ_OUT_OF_ORDER = "SEQ_OUT_OF_ORDER";
    public static final String INVALID_INPUT = "INVALID_INPUT";
    /** A field's value is wrong (type, length, enum, date, check digit, amount). */
    public static final String INVALID_FIELD = InputCheck.INVALID_FIELD;
    /** A text holds a control character, NUL, a bidirectional override or a zero-width character. */
    public static final String UNSAFE_TEXT = InputCheck.UNSAFE_TEXT;
    /** The message's input is larger than {@link InputCheck#MAX_INPUT_BYTES}. */
    public static final String INPUT_TOO_LARGE = InputCheck.INPUT_TOO_LARGE;
    /** A case number that is not the sending agency's own (or not of the message's day). */
    public static final String FORBIDDEN_AGENCY = InputCheck.FORBIDDEN_AGENCY;
    /** A change of a case another agency holds. */
    public static final String NOT_HOLDER = "NOT_HOLDER";
    /** A forwarded case whose target level has no agency (neither the acceptor nor an ancestor of the sender). */
    public static final String NO_TARGET_AGENCY = "NO_TARGET_AGENCY";
    /**
     * Not a refusal but "not yet" (issue 13, D136): a back-filled case whose applicant's registration has not reached
     * the province; answered {@code infcode} 1 and nothing is kept, so the same message is judged again later.
     */
    public static final String NOT_YET_INSURED = org.ybdesk.protocol.UploadResult.NOT_YET_INSURED;
    /** Not a refusal: the note of an accepted registration that made a registry conflict (issue 13, D134). */
    public static final String REGISTRY_CONFLICT = org.ybdesk.protocol.UploadResult.REGISTRY_CONFLICT;
}
