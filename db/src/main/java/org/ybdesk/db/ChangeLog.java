package org.ybdesk.db;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * The change log: what every change of the desk records, in the change's own transaction, after the repository
 * wrote the new state — the audit record (who, when, what, before → after, a hash of the changed record's whole
 * content as stored, chained to the previous record) and, for a change the province must learn, the outbox message
 * with its actor, vouched for by the audit record's payload hash (D71, D103). Nothing else writes to {@code audit_log}
 * or {@code outbox}.
 */
public final class ChangeLog {
    /** An outbox message: its type, its typed change as JSON, and who made it (the envelope's operator). */
    public record Message(String msgType, String payloadJson, Outbox.Actor actor) {
    }

    private final NumberLedger ledger;

    public ChangeLog(NumberLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Records a change: the audit record always, the outbox message when {@code message} is not null. Runs inside
     * the caller's transaction (which holds the writer lock); returns the audit record's sequence number.
     */
    public long record(DSLContext tx, AuditLog.Who who, OffsetDateTime at, String action, String entityType,
                       String entityId, Object before, Object after, Message message) {
        // the record vouches for the changed record's whole content after the change (read back as stored) and for
        // the message it enqueues
        String contentHash = AuditContent.hashOf(tx, entityType, entityId);
        String payloadHash = message == null ? null
                : AuditContent.outboxHash(message.msgType(), entityType, entityId, message.payloadJson(), at);
        long seq = AuditLog.append(tx, who, at, action, entityType, entityId,
                before == null ? null : Json.write(before), after == null ? null : Json.write(after), contentHash,
                payloadHash);
        if (message != null) {
            Outbox.enqueue(tx, ledger, message.msgType(), entityType, entityId, message.payloadJson(), at, seq,
                    message.actor());
        }
        return seq;
    }
}
