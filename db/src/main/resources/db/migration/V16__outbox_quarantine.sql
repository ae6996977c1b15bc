-- Issue 12: upload without a blocking queue (D124). Order is kept per chain (a case, a person, a unit: the outbox
-- row's entity_type + entity_id), not per desk. A message the province keeps rejecting as malformed (HTTP 400 when
-- sent alone) or that this release cannot send (an unreadable row) is counted here; at the third time it becomes
-- QUARANTINED (outbox.status) with its reason in last_error and the moment in quarantined_at, and only its own chain
-- waits. Sync bookkeeping like status and attempts: outside the content hashes (D71). Idempotent.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS rejections INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS quarantined_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX IF NOT EXISTS outbox_chain_idx ON outbox(entity_type, entity_id, status);
