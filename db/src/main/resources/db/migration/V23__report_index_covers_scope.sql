-- The monthly statistics and the overdue list of a desk count only the cases made here (copy_kind null or LOCAL,
-- issue 12). V6's covering index predates copy_kind, so since issue 12 every report row was fetched from the table:
-- over 100,000 cases a new process read and decrypted most of the 1.5 GB file (a scheduled `ybdesk report monthly`
-- took 12 s). The index now holds copy_kind too and the report reads the index alone.
DROP INDEX IF EXISTS case_file_report_idx;
CREATE INDEX case_file_report_idx ON case_file(received_on, item_no, state, channel, accepted_on, closed_on, due_on,
    transferred_out_on, agency_code, copy_kind);
