-- Provincial side of desk <-> province sync (docs/protocol.md). PostgreSQL.
-- Names are lower case and unquoted so generated jOOQ code renders them as PostgreSQL folds them.

-- One version counter for the province-wide registry: every accepted person or unit change takes the next value.
create sequence registry_version_seq;
-- Reference data (catalog, calendars, policy, institutions) has its own counter.
create sequence reference_version_seq;
-- Acknowledgement ids.
create sequence ack_seq;

create table desk (
    id           bigserial    primary key,
    agency_code  varchar(32)  not null,
    desk_no      integer      not null check (desk_no between 0 and 999),
    admdvs       varchar(12)  not null,
    name         varchar(200) not null,
    token_hash   varchar(64)  not null unique, -- SHA-256 hex of the bearer token; the token itself is never stored
    last_seq     bigint       not null default 0,
    created_at   timestamptz  not null,
    unique (agency_code, desk_no)
);

create table received_message (
    msgid        varchar(64)  primary key, -- the idempotency key
    desk_id      bigint       not null references desk (id),
    seq          bigint       not null,
    infno        varchar(8)   not null,
    inf_time     timestamp    not null, -- local time (Asia/Shanghai) of the change at the window
    received_at  timestamptz  not null,
    ack_id       varchar(32)  not null unique,
    status       varchar(16)  not null check (status in ('ACCEPTED', 'REFUSED')),
    err_code     varchar(40),
    err_msg      varchar(1000),
    case_no      varchar(40), -- set for case messages: finds a refused receipt quickly
    payload      jsonb        not null
);
create index received_message_desk_seq on received_message (desk_id, seq);
create index received_message_case on received_message (case_no);

create table registry_unit (
    credit_code          varchar(18)  primary key,
    name                 varchar(200) not null,
    unit_type            varchar(60),
    status               varchar(16)  not null,
    insured_agency_code  varchar(32)  not null,
    admdvs               varchar(12)  not null,
    registered_on        date         not null,
    msgid                varchar(64)  not null references received_message (msgid),
    version              bigint       not null unique
);

create table registry_person (
    id_type              varchar(32)  not null,
    id_number            varchar(40)  not null,
    name                 varchar(100) not null,
    gender               varchar(16),
    birth_date           date,
    insurance_type       varchar(60),
    status               varchar(16)  not null,
    insured_agency_code  varchar(32)  not null,
    admdvs               varchar(12)  not null,
    phone                varchar(40),
    unit_credit_code     varchar(18),
    registered_on        date         not null,
    msgid                varchar(64)  not null references received_message (msgid),
    version              bigint       not null unique,
    primary key (id_type, id_number)
);
-- the same person must not be insured twice whatever the id type label says: the number alone is unique too
create unique index registry_person_id_number on registry_person (id_number);

create table province_case (
    case_no               varchar(40)  primary key,
    agency_code           varchar(32)  not null,
    desk_id               bigint       not null references desk (id),
    item_no               integer      not null,
    applicant_id_number   varchar(40),
    applicant_name        varchar(200),
    state                 varchar(32)  not null,
    received_at           timestamp    not null,
    updated_at            timestamp    not null,
    last_seq              bigint       not null
);

create table case_step (
    id          bigserial    primary key,
    case_no     varchar(40)  not null references province_case (case_no),
    msgid       varchar(64)  not null unique references received_message (msgid),
    infno       varchar(8)   not null,
    action      varchar(40)  not null,
    from_state  varchar(32),
    to_state    varchar(32),
    inf_time    timestamp    not null,
    opter_name  varchar(100),
    content     jsonb        not null
);
create index case_step_case on case_step (case_no, id);

create table reference_entry (
    kind         varchar(20)  not null,
    entry_key    varchar(60)  not null,
    version      bigint       not null unique,
    content      jsonb        not null,
    imported_at  timestamptz  not null,
    primary key (kind, entry_key)
);
