package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.APP_USER;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.db.AuditContent;
import org.ybdesk.db.AuditLog;
import org.ybdesk.db.Json;
import org.ybdesk.db.Outbox;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.change.Change;
import org.ybdesk.protocol.change.ChangeKind;

/**
 * Writes a change's audit record and its outbox message (a typed {@link Change} with its actor) inside the change's
 * own transaction. In the sandbox no outbox message is written at all: training data has no route to the provincial
 * server.
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

    /** Records the change: audit (before → after) always; the outbox message {@code change} when not null. */
    void record(DSLContext tx, Actor actor, OffsetDateTime at, String action, String entityType,
                String entityId, Object before, Object after, Change change) {
        boolean send = change != null && mode == Mode.PRODUCTION;
        String msgType = send ? change.msgType() : null;
        String payloadJson = send ? ChangeKind.write(change) : null;
        // the record vouches for the changed record's whole content after the change (read back as stored) and for
        // the message it enqueues (D71)
        String contentHash = AuditContent.hashOf(tx, entityType, entityId);
        String payloadHash = send ? AuditContent.outboxHash(msgType, entityType, entityId, payloadJson, at) : null;
        AuditLog.Who who = who(actor);
        long seq = AuditLog.append(tx, who, at, action, entityType, entityId,
                before == null ? null : Json.write(before), after == null ? null : Json.write(after), contentHash,
                payloadHash);
        if (send) {
            // the envelope's opter is the account's login name: read here, once, in the change's transaction (D103)
            String username = actor == null ? null : tx.select(APP_USER.USERNAME).from(APP_USER)
                    .where(APP_USER.ID.eq(actor.id())).fetchOne(APP_USER.USERNAME);
            Outbox.enqueue(tx, ledger, msgType, entityType, entityId, payloadJson, at, seq,
                    new Outbox.Actor(who.actorId(), username, who.actorName()));
        }
    }

    /**
     * Records the change with its outbox message given as the old map payload of {@code msgType}: the payload is
     * read into the kind's {@link Change} record (whose JSON is the map's JSON, D102) and stored as that. For callers
     * not yet building the record themselves ({@code CaseService} until the write path is rewritten).
     */
    void record(DSLContext tx, Actor actor, OffsetDateTime at, String action, String entityType,
                String entityId, Object before, Object after, String msgType, Object payload) {
        Change change = null;
        if (msgType != null) {
            ChangeKind kind = ChangeKind.ofMsgType(msgType)
                    .orElseThrow(() -> new IllegalArgumentException("unknown outbox message type " + msgType));
            change = payload instanceof Change c ? c : kind.read(ProtocolJson.mapper().valueToTree(payload));
        }
        record(tx, actor, at, action, entityType, entityId, before, after, change);
    }
}
