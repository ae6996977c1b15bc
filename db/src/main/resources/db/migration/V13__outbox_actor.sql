-- Issue 11: the outbox stores its message's actor (D103), so the uploader no longer finds the operator by joining
-- the audit log on timestamps. Idempotent: every statement may run twice.
--
-- actor_id: the clerk's account id (null for the desk itself); actor_username: the account's login name (the
-- envelope's opter); actor_name: the name shown (opter_name), as on the audit record that vouches for the message.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS actor_id BIGINT;
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS actor_username VARCHAR(64);
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS actor_name VARCHAR(64);

-- Rows written before: the actor of the audit record covering the message (outbox.audit_seq) unless that record is
-- the baseline seal (its actor opened the desk, it did not make the change) …
UPDATE outbox o SET
    actor_id = (SELECT a.actor_id FROM audit_log a WHERE a.seq = o.audit_seq),
    actor_name = (SELECT a.actor_name FROM audit_log a WHERE a.seq = o.audit_seq)
WHERE o.actor_name IS NULL AND o.audit_seq IS NOT NULL
  AND EXISTS (SELECT 1 FROM audit_log a WHERE a.seq = o.audit_seq AND a.action <> 'AUDIT_SEAL');

-- … otherwise the way sync found it until now: the first audit record of the same entity at the same time.
UPDATE outbox o SET
    actor_id = (SELECT a.actor_id FROM audit_log a WHERE a.seq = (SELECT MIN(b.seq) FROM audit_log b
        WHERE b.entity_type = o.entity_type AND b.entity_id = o.entity_id AND b.occurred_at = o.created_at)),
    actor_name = (SELECT a.actor_name FROM audit_log a WHERE a.seq = (SELECT MIN(b.seq) FROM audit_log b
        WHERE b.entity_type = o.entity_type AND b.entity_id = o.entity_id AND b.occurred_at = o.created_at))
WHERE o.actor_name IS NULL;

UPDATE outbox o SET actor_username = (SELECT u.username FROM app_user u WHERE u.id = o.actor_id)
WHERE o.actor_username IS NULL AND o.actor_id IS NOT NULL;
