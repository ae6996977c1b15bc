package org.ybdesk.protocol.change;

/** One change a desk sends to the province (the {@code input} of an upload envelope). */
public sealed interface Change permits CaseChange, PersonRegistered, UnitRegistered {
    /** The kind of this change: its outbox message type, its transaction code and its record class. */
    default ChangeKind kind() {
        return ChangeKind.of(this);
    }

    /** The outbox message type ({@code CASE_RECEIVED} …). */
    default String msgType() {
        return kind().msgType();
    }

    /** The transaction code of the envelope carrying it ({@code 4101} …). */
    default String infno() {
        return kind().infno();
    }
}
