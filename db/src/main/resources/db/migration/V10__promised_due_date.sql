-- Issue 10 (2 of 7), items 1 and 3: the promise made at 受理 is kept with the case.
-- promised_due_on: the due date printed on the 受理回执 when the case was accepted; every reprint shows it.
-- promised_provisional: whether that date rested on a year whose holiday notice was not yet published (暂定).
-- Both nullable (D71: a nullable column changes no content hash); cases accepted before V10 have no promise stored.
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS promised_due_on DATE;
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS promised_provisional BOOLEAN;
-- A due-date change recorded by the system (a calendar arriving by sync) has no acting user.
ALTER TABLE case_event ALTER COLUMN actor_id SET NULL;
