-- Issue 15 (users in the window, one data folder for several programs).
-- A password reset by the administrator makes the user choose a new one at the next login.
ALTER TABLE app_user ADD COLUMN IF NOT EXISTS must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

-- The writers' turn: every write transaction locks this one row first, so the window and a `ybdesk` command on the
-- same folder (H2 mixed mode) write one after the other and the audit chain and outbox sequence stay gap-free.
CREATE TABLE IF NOT EXISTS desk_writer (
    id INT NOT NULL PRIMARY KEY
);
MERGE INTO desk_writer (id) KEY (id) VALUES (1);
