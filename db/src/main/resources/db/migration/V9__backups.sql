-- Backups: the desk's settings for the automatic daily backup (folder, generations kept) and the record of every
-- backup taken, so the window can show the last one and an administrator can see what exists.
CREATE TABLE IF NOT EXISTS desk_setting (
    name       VARCHAR(64)   NOT NULL PRIMARY KEY,
    setting    VARCHAR(1000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS backup_run (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind        VARCHAR(16)   NOT NULL,
    file_path   VARCHAR(1000) NOT NULL,
    bytes       BIGINT        NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    audit_seq   BIGINT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  BIGINT
);
CREATE INDEX IF NOT EXISTS backup_run_created_idx ON backup_run(created_at);
