-- YB Desk schema v1: agency, users, registry (units, persons), case files with their timeline, pauses and messages,
-- the hash-chained audit log, the outbox for provincial sync, and the reference data versions (catalog, calendar).

CREATE TABLE agency (
    code                VARCHAR(32)  NOT NULL PRIMARY KEY,
    admin_division_code CHAR(6)      NOT NULL,
    name                VARCHAR(200) NOT NULL,
    signature           VARCHAR(100) NOT NULL,
    hotline             VARCHAR(40),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE app_user (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    active         BOOLEAN      DEFAULT TRUE NOT NULL,
    failed_logins  INT          DEFAULT 0 NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE unit (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    credit_code         CHAR(18)     NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    unit_type           VARCHAR(60),
    address             VARCHAR(300),
    legal_rep_name      VARCHAR(64),
    legal_rep_id_type   VARCHAR(40),
    legal_rep_id_number VARCHAR(32),
    legal_rep_phone     VARCHAR(32),
    bank_name           VARCHAR(100),
    bank_account        VARCHAR(40),
    contact_name        VARCHAR(64),
    contact_phone       VARCHAR(32),
    admin_division_code CHAR(6),
    status              VARCHAR(20)  DEFAULT 'INSURED' NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX unit_name_idx ON unit(name);

CREATE TABLE person (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    id_type             VARCHAR(40)  NOT NULL,
    id_number           VARCHAR(32)  NOT NULL,
    name                VARCHAR(64)  NOT NULL,
    name_initials       VARCHAR(32),
    gender              VARCHAR(10),
    birth_date          DATE,
    insurance_type      VARCHAR(20)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    unit_id             BIGINT REFERENCES unit(id),
    phone               VARCHAR(32),
    household_address   VARCHAR(300),
    living_address      VARCHAR(300),
    account_balance_fen BIGINT       DEFAULT 0 NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT person_id_uk UNIQUE (id_type, id_number)
);
CREATE INDEX person_id_number_idx ON person(id_number);
CREATE INDEX person_name_idx ON person(name);
CREATE INDEX person_initials_idx ON person(name_initials);
CREATE INDEX person_unit_idx ON person(unit_id);

CREATE TABLE case_seq (
    agency_code VARCHAR(32) NOT NULL,
    seq_day     DATE        NOT NULL,
    last_seq    INT         NOT NULL,
    PRIMARY KEY (agency_code, seq_day)
);

CREATE TABLE case_file (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_no             VARCHAR(48)  NOT NULL UNIQUE,
    agency_code         VARCHAR(32)  NOT NULL,
    item_no             INT          NOT NULL,
    catalog_version     VARCHAR(32)  NOT NULL,
    state               VARCHAR(24)  NOT NULL,
    resume_state        VARCHAR(24),
    applicant_kind      VARCHAR(16)  NOT NULL,
    person_id           BIGINT REFERENCES person(id),
    unit_id             BIGINT REFERENCES unit(id),
    applicant_name      VARCHAR(200) NOT NULL,
    applicant_id_number VARCHAR(32)  NOT NULL,
    applicant_phone     VARCHAR(32),
    channel             VARCHAR(40)  NOT NULL,
    received_on         DATE         NOT NULL,
    accepted_on         DATE,
    due_on              DATE,
    transferred_out_on  DATE,
    rectifying_since    DATE,
    closed_on           DATE,
    fields_json         CLOB         NOT NULL,
    materials_json      CLOB         NOT NULL,
    declared_fen        BIGINT,
    reconciled_fen      BIGINT,
    paid_fen            BIGINT,
    created_by          BIGINT       NOT NULL REFERENCES app_user(id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version         INT          DEFAULT 0 NOT NULL
);
CREATE INDEX case_file_state_due_idx ON case_file(state, due_on);
CREATE INDEX case_file_item_idx ON case_file(item_no);
CREATE INDEX case_file_applicant_idx ON case_file(applicant_id_number);
CREATE INDEX case_file_received_idx ON case_file(received_on);

CREATE TABLE case_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL REFERENCES case_file(id),
    action      VARCHAR(24)  NOT NULL,
    from_state  VARCHAR(24),
    to_state    VARCHAR(24)  NOT NULL,
    actor_id    BIGINT       NOT NULL REFERENCES app_user(id),
    actor_name  VARCHAR(64)  NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    on_day      DATE         NOT NULL,
    reasons     CLOB,
    note        VARCHAR(1000),
    amount_fen  BIGINT
);
CREATE INDEX case_event_case_idx ON case_event(case_id);

CREATE TABLE case_pause (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES case_file(id),
    paused_on  DATE   NOT NULL,
    resumed_on DATE
);
CREATE INDEX case_pause_case_idx ON case_pause(case_id);

CREATE TABLE case_message (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id    BIGINT      NOT NULL REFERENCES case_file(id),
    event_id   BIGINT      NOT NULL REFERENCES case_event(id),
    kind       VARCHAR(16) NOT NULL,
    message_text CLOB        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_message_case_idx ON case_message(case_id);

-- Append-only: the application never updates or deletes a row; each row's hash covers its content and the
-- previous row's hash, so an edited or removed row breaks the chain.
CREATE TABLE audit_log (
    seq         BIGINT       NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    BIGINT,
    actor_name  VARCHAR(64)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    entity_type VARCHAR(24)  NOT NULL,
    entity_id   VARCHAR(64)  NOT NULL,
    before_json CLOB,
    after_json  CLOB,
    prev_hash   CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL
);

CREATE TABLE outbox (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    msg_type     VARCHAR(40)  NOT NULL,
    entity_type  VARCHAR(24)  NOT NULL,
    entity_id    VARCHAR(64)  NOT NULL,
    payload_json CLOB         NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(16)  DEFAULT 'PENDING' NOT NULL,
    attempts     INT          DEFAULT 0 NOT NULL,
    last_error   VARCHAR(1000),
    acked_at     TIMESTAMP WITH TIME ZONE,
    ack_id       VARCHAR(64)
);
CREATE INDEX outbox_status_idx ON outbox(status, seq);

CREATE TABLE reference_data (
    kind        VARCHAR(24)  NOT NULL,
    version     VARCHAR(40)  NOT NULL,
    content     CLOB         NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    active      BOOLEAN      NOT NULL,
    PRIMARY KEY (kind, version)
);
