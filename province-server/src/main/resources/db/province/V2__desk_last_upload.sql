-- When the desk's last upload batch ended. Written in a synchronous commit at the end of every batch: that commit
-- flushes the write-ahead log of the batch's messages (committed asynchronously, one transaction each) before the
-- answer leaves the server (docs/DECISIONS.md D53).
alter table desk add column last_upload_at timestamptz;
