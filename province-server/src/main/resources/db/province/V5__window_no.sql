-- Issue 11: one name for the window number (窗口号) in code, protocol and database (D104): desk.desk_no → window_no.
-- Renaming keeps the values, the range check and the unique (agency_code, window_no) constraint.
alter table desk rename column desk_no to window_no;
