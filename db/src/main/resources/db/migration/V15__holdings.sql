-- Issue 12 (4 of 7): many desks, one organisation — who holds a case, copies of cases held elsewhere, the county view.
-- Every new case_file column is nullable and null on existing rows (D71: a nullable column changes no content hash,
-- so `audit verify` stays green on old folders); null reads as the value every case had before (D119):
--   held_here      null/TRUE = this desk holds the case; FALSE = another desk or an agency's pool holds it
--   holder_agency  the holding agency's code (null: this desk's agency)
--   holder_window  the holding desk's window number (null with held_here FALSE: the agency's pool)
--   holder_name    the holding desk's name (or agency name) as the province reported it
--   hand_off       null | FORWARD | RELEASE: sent to the province, not yet acknowledged (待移交 / 待释放)
--   next_action    the case's next positive action (ACCEPT, REVIEW, …; null when finished): the stage lists use
--   copy_kind      null/LOCAL = made here | FULL = a copy rebuilt from the province's history | SUMMARY = county view
--   acceptor_agency / acceptor_window  where the case was accepted (null on rows made here before V15: this desk)
--   province_version  the last feed/county version applied to this copy
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS held_here BOOLEAN;
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS holder_agency VARCHAR(32);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS holder_window INT;
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS holder_name VARCHAR(200);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS hand_off VARCHAR(8);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS next_action VARCHAR(24);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS copy_kind VARCHAR(8);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS acceptor_agency VARCHAR(32);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS acceptor_window INT;
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS province_version BIGINT;
-- a copy of a case made elsewhere has no creating account here
ALTER TABLE case_file ALTER COLUMN created_by SET NULL;
CREATE INDEX IF NOT EXISTS case_file_next_action_idx ON case_file(next_action, held_here);

-- a remote step: the province's message id (applied once) and where it was taken (「某某乡镇服务点 2号窗口」)
ALTER TABLE case_event ADD COLUMN IF NOT EXISTS remote_msgid VARCHAR(64);
ALTER TABLE case_event ADD COLUMN IF NOT EXISTS remote_desk VARCHAR(200);
CREATE UNIQUE INDEX IF NOT EXISTS case_event_remote_msgid_idx ON case_event(remote_msgid);

ALTER TABLE sync_state ADD COLUMN IF NOT EXISTS feed_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE sync_state ADD COLUMN IF NOT EXISTS county_version BIGINT DEFAULT 0 NOT NULL;

-- the window number of this desk (issue 12, migration V14 of the numbers part; here only if that has not run)
ALTER TABLE desk_identity ADD COLUMN IF NOT EXISTS window_no INT;

-- the desks a county view covers (replaced whole by each county page), with their last upload
CREATE TABLE IF NOT EXISTS county_desk (
    agency_code    VARCHAR(32)  NOT NULL,
    agency_name    VARCHAR(200),
    window_no      INT          NOT NULL,
    name           VARCHAR(200),
    last_upload_at VARCHAR(40),
    PRIMARY KEY (agency_code, window_no)
);
