-- The due list reads open cases by due date: a plain index on due_on serves its range scan in due-date order.
CREATE INDEX case_file_due_on_idx ON case_file(due_on);
