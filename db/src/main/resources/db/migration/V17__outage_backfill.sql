-- Issue 13, outages and back-fill (D128–D133). Idempotent.
-- An outage (停机) recorded by a supervisor: the working days it covers do not count toward the time limit of any
-- case whose clock runs during it (办结时限顺延, D129). Times are Beijing wall-clock times as announced.
CREATE TABLE IF NOT EXISTS outage (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    starts_at         TIMESTAMP     NOT NULL,
    ends_at           TIMESTAMP     NOT NULL,
    scope             VARCHAR(200)  NOT NULL,
    reason            VARCHAR(200)  NOT NULL,
    notice_ref        VARCHAR(100),
    recorded_by       BIGINT        NOT NULL REFERENCES app_user(id),
    recorded_by_name  VARCHAR(64)   NOT NULL,
    recorded_by_person VARCHAR(32),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outage_order CHECK (ends_at > starts_at)
);
CREATE INDEX IF NOT EXISTS outage_ends_idx ON outage(ends_at);

-- A back-filled case (补录, D131): received_at is the paper's real 收件 time (received_on is its day); created_at
-- stays the entry time. Null on every other case (their 收件 time is created_at), so no content hash changes (D71).
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS received_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS backfill_paper_ref VARCHAR(100);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS backfill_by VARCHAR(64);
