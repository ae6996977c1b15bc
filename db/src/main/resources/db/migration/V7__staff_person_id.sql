-- Separation of duties by person (issue 9, D72): each desk user is tied to the staff member's 18-digit resident ID
-- number, and every case step records the person who took it, so that the rules compare persons, not accounts.
-- Users of folders made before this version have no number yet: the administrator sets it (ybdesk user update);
-- until then such a user may take no case step. Old case_event rows stay NULL and are read with the user's
-- current number. Idempotent: a re-run after a kill changes nothing.
ALTER TABLE app_user ADD COLUMN IF NOT EXISTS person_id_number VARCHAR(18);
ALTER TABLE case_event ADD COLUMN IF NOT EXISTS actor_person_id VARCHAR(18);
