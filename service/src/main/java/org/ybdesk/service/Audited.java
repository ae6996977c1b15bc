package org.ybdesk.service;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.db.AuditContent;
import org.ybdesk.db.AuditLog;
import org.ybdesk.db.Json;
import org.ybdesk.db.Outbox;

/**
 * Writes a change's audit record and its outbox message inside the change's own transaction. In the sandbox no
 * outbox message is written at all: training data has no route to the provincial server.
 */
final class Audited {
    private final Mode mode;
    private final org.ybdesk.db.NumberLedger ledger;

    Audited(Mode mode, org.ybdesk.db.NumberLedger ledger) {
        this.mode = mode;
        this.ledger = ledger;
    }

    AuditLog.Who who(Actor actor) {
        return actor == null ? new AuditLog.Who(null, org.ybdesk.core.i18n.Messages.common().get("actor.system")) : new AuditLog.Who(actor.id(), actor.name());
    }

    /**
     * Records the change: audit (before → after) always; an outbox message when {@code msgType} is not null.
     */
    void record(DSLContext tx, Actor actor, OffsetDateTime at, String action, String entityType,
                       String entityId, Object before, Object after, String msgType, Object payload) {
        boolean send = msgType != null && mode == Mode.PRODUCTION;
        String payloadJson = send ? Json.write(payload) : null;
        // the record vouches for the changed record's whole content after the change (read back as stored) and for
        // the message it enqueues (D71)
        String contentHash = AuditContent.hashOf(tx, entityType, entityId);
        String payloadHash = send ? AuditContent.outboxHash(msgType, entityType, entityId, payloadJson, at) : null;
        long seq = AuditLog.append(tx, who(actor), at, action, entityType, entityId,
                before == null ? null : Json.write(before), after == null ? null : Json.write(after), contentHash,
                payloadHash);
        if (send) {
            Outbox.enqueue(tx, ledger, msgType, entityType, entityId, payloadJson, at, seq);
        }
    }
}
