-- Issue 13: occurrence order at the province (docs/DECISIONS.md D134–D138).
-- Registrations and cases keep when they really happened (a back-filled paper application's own time), the registry
-- holder of a person or unit is the registration that occurred first, and two agencies registering the same record
-- get a registry conflict both of them see.

-- when the registration happened at its window (the message's occurredAt, else its inf_time)
alter table registry_person add column occurred_at timestamp;
alter table registry_unit add column occurred_at timestamp;
-- when the case happened (its 收件 time: CASE_RECEIVED's occurredAt, else the message's inf_time)
alter table province_case add column occurred_at timestamp;
/* [jooq ignore start] */
update registry_person p set occurred_at = m.inf_time from received_message m where m.msgid = p.msgid;
update registry_unit u set occurred_at = m.inf_time from received_message m where m.msgid = u.msgid;
update province_case set occurred_at = received_at;
/* [jooq ignore stop] */
-- one person's cases in the order they happened
create index province_case_applicant_occurred on province_case (applicant_id_number, occurred_at);

-- the same person or unit registered by two agencies: the holder is the one that occurred first; "other" is the
-- registration that does not hold the record; arrived_first says which reached the province first; replaced holds
-- the registry row the holder replaced (when the earlier-arrived registration occurred later), as it was
create sequence conflict_version_seq;
create table registry_conflict (
    id                  bigserial    primary key,
    kind                varchar(8)   not null check (kind in ('PERSON', 'UNIT')),
    record_key          varchar(40)  not null,
    record_name         varchar(200),
    holder_agency       varchar(32)  not null,
    holder_desk_id      bigint       references desk (id),
    holder_msgid        varchar(64)  not null references received_message (msgid),
    holder_occurred_at  timestamp    not null,
    holder_backfill     boolean      not null,
    other_agency        varchar(32)  not null,
    other_desk_id       bigint       references desk (id),
    other_msgid         varchar(64)  not null references received_message (msgid),
    other_occurred_at   timestamp    not null,
    other_backfill      boolean      not null,
    arrived_first       varchar(8)   not null check (arrived_first in ('HOLDER', 'OTHER')),
    replaced            jsonb,
    created_at          timestamptz  not null,
    version             bigint       not null unique
);
create index registry_conflict_holder on registry_conflict (holder_agency, version);
create index registry_conflict_other on registry_conflict (other_agency, version);
