-- Issue 12: the desk's window number (窗口号, 1–99) is part of every case number it issues (D117), and case numbers
-- are counted per window and day. Idempotent: every statement may run twice.
--
-- desk_identity.window_no: chosen at setup (ybdesk init --window, the setup screen), fixed afterwards. Null until
-- then; a folder set up before issue 12 gets it on its first opening (sync.window-no of config.properties, else 1),
-- recorded in the audit log (service.Desk).
ALTER TABLE desk_identity ADD COLUMN IF NOT EXISTS window_no INT;
ALTER TABLE desk_identity DROP CONSTRAINT IF EXISTS desk_identity_window;
ALTER TABLE desk_identity ADD CONSTRAINT desk_identity_window CHECK (window_no IS NULL OR window_no BETWEEN 1 AND 99);

-- case_seq: one counter per agency, day and window. Counters written before count the numbers without a window
-- (window 0, the format before issue 12); new numbers count from 1 in their window's series.
ALTER TABLE case_seq ADD COLUMN IF NOT EXISTS window_no INT DEFAULT 0 NOT NULL;
ALTER TABLE case_seq DROP PRIMARY KEY;
ALTER TABLE case_seq ADD CONSTRAINT case_seq_pk PRIMARY KEY (agency_code, seq_day, window_no);
