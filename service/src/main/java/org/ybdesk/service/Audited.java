package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.APP_USER;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.db.AuditLog;
import org.ybdesk.db.ChangeLog;
import org.ybdesk.db.Outbox;
import org.ybdesk.protocol.change.Change;
import org.ybdesk.protocol.change.ChangeKind;

/**
 * Writes a change's audit record and its outbox message (a typed {@link Change} with its actor) inside the change's
 * own transaction. In the sandbox no outbox message is written at all: training data has no route to the provincial
 * server.
 */
final class Audited {
    private final Mode mode;
    private final ChangeLog log;

    Audited(Mode mode, org.ybdesk.db.NumberLedger ledger) {
        this.mode = mode;
        this.log = new ChangeLog(ledger);
    }

    AuditLog.Who who(Actor actor) {
        return actor == null ? new AuditLog.Who(null, org.ybdesk.core.i18n.Messages.common().get("actor.system"))
                : new AuditLog.Who(actor.id(), actor.name());
    }

    /** Records the change: audit (before → after) always; the outbox message {@code change} when not null. */
    void record(DSLContext tx, Actor actor, OffsetDateTime at, String action, String entityType,
                String entityId, Object before, Object after, Change change) {
        AuditLog.Who who = who(actor);
        ChangeLog.Message message = null;
        if (change != null && mode == Mode.PRODUCTION) {
            // the envelope's opter is the account's login name: read here, once, in the change's transaction (D103)
            String username = actor == null ? null : tx.select(APP_USER.USERNAME).from(APP_USER)
                    .where(APP_USER.ID.eq(actor.id())).fetchOne(APP_USER.USERNAME);
            message = new ChangeLog.Message(change.msgType(), ChangeKind.write(change),
                    new Outbox.Actor(who.actorId(), username, who.actorName()));
        }
        log.record(tx, who, at, action, entityType, entityId, before, after, message);
    }
}
