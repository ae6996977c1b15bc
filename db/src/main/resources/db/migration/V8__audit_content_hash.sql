-- Tamper evidence that covers content (docs/DECISIONS.md D71). Idempotent: every statement may run twice.
--
-- content_hash: SHA-256 of the changed record's full current content after the change (a case_file row, the person
--   rows of an ID number, a unit row), canonicalised by org.ybdesk.db.AuditContent; null for records of other kinds.
-- payload_hash: SHA-256 of the outbox message the change enqueued (type, entity, payload, time); null when none.
-- Both are part of the record's chained hash when present, so neither can be edited without breaking the chain.
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS content_hash CHAR(64);
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS payload_hash CHAR(64);

-- The audit record that covers an outbox message (its payload_hash); null only on rows older than this migration
-- until the desk's first opening seals them.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS audit_seq BIGINT;

-- sealed_at: when the desk's first opening after this migration wrote the baseline AUDIT_SEAL records (hashes of
-- every row the current release left without one). anchored_*: the chain head the province last accepted with an
-- upload (the anchor outside the file, as far as this desk knows it).
CREATE TABLE IF NOT EXISTS audit_state (
    id             INT          NOT NULL PRIMARY KEY,
    sealed_at      TIMESTAMP WITH TIME ZONE,
    anchored_seq   BIGINT,
    anchored_hash  CHAR(64),
    anchored_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT audit_state_single CHECK (id = 1)
);
MERGE INTO audit_state (id) KEY (id) VALUES (1);
