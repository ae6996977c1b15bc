-- Desk workstation support: search keys on case files, the role a case waits for, attachments (scans, PDFs), notes,
-- and the database's identity (production or sandbox) so a sandbox file can never be opened as production.

ALTER TABLE case_file ADD COLUMN applicant_initials VARCHAR(32);
ALTER TABLE case_file ADD COLUMN next_role VARCHAR(16);
CREATE INDEX case_file_initials_idx ON case_file(applicant_initials);
CREATE INDEX case_file_applicant_name_idx ON case_file(applicant_name);
CREATE INDEX case_file_next_role_idx ON case_file(next_role, due_on);
CREATE INDEX case_file_created_by_idx ON case_file(created_by, state);
CREATE INDEX case_event_day_idx ON case_event(on_day, action);

CREATE TABLE case_attachment (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL REFERENCES case_file(id),
    file_name   VARCHAR(260) NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    content     BLOB         NOT NULL,
    added_by    BIGINT       NOT NULL REFERENCES app_user(id),
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_attachment_case_idx ON case_attachment(case_id);

CREATE TABLE case_note (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL REFERENCES case_file(id),
    note_text   VARCHAR(2000) NOT NULL,
    author_id   BIGINT        NOT NULL REFERENCES app_user(id),
    author_name VARCHAR(64)   NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_note_case_idx ON case_note(case_id);

CREATE TABLE desk_identity (
    id         INT         NOT NULL PRIMARY KEY,
    mode       VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT desk_identity_single CHECK (id = 1)
);
