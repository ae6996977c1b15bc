-- Issue 12: many desks, one organisation (docs/province-server.md, docs/DECISIONS.md D112–D116).
-- Agencies form a tree at the province; every case has one holder (an agency and, when taken, one of its desks);
-- every accepted case change and holder change gets a feed version; a case's parties read its feed.

create table agency (
    code         varchar(32)  primary key,
    name         varchar(200) not null,
    admdvs       varchar(12)  not null,
    agency_level varchar(16)  not null check (agency_level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code  varchar(32)  references agency (code),
    created_at   timestamptz  not null
);
create index agency_parent on agency (parent_code);

-- the agencies of desks registered before issue 12: county agencies without a parent (as they worked so far)
insert into agency (code, name, admdvs, agency_level, parent_code, created_at)
select agency_code, min(name), min(admdvs), 'COUNTY', null, min(created_at) from desk group by agency_code;
alter table desk add constraint desk_agency foreign key (agency_code) references agency (code);

-- feed versions: every case change and holder change; a case's version is its newest entry's
create sequence feed_version_seq;

-- who holds the case now (holder_desk_id null: the holder agency's pool, waiting under next_action); the acceptor
-- stays agency_code + desk_id; last_seq is the last applied seq of last_seq_desk_id (the per-case order, D113)
alter table province_case add column holder_agency varchar(32) references agency (code);
alter table province_case add column holder_desk_id bigint references desk (id);
alter table province_case add column next_action varchar(40);
alter table province_case add column holder_since timestamptz;
alter table province_case add column last_seq_desk_id bigint references desk (id);
alter table province_case add column version bigint not null default 0;
alter table province_case add column due_on date;
alter table province_case add column catalog_version varchar(40);
alter table province_case add column applicant_kind varchar(16);
alter table province_case add column channel varchar(32);
alter table province_case add column received_on date;
/* [jooq ignore start] */
update province_case set holder_agency = agency_code, holder_desk_id = desk_id, last_seq_desk_id = desk_id,
    holder_since = received_at at time zone 'Asia/Shanghai', received_on = cast(received_at as date);
/* [jooq ignore stop] */
alter table province_case alter column holder_agency set not null;

-- case_step: the case's feed; holder events (CLAIM, REASSIGN, online release) have no uploaded message
alter table case_step alter column msgid drop not null;
alter table case_step alter column infno drop not null;
alter table case_step add column kind varchar(16) not null default 'CHANGE'
    check (kind in ('CHANGE', 'CLAIM', 'REASSIGN'));
alter table case_step add column feed_version bigint unique;
alter table case_step add column reason varchar(500);
alter table case_step add column agency_code varchar(32) references agency (code);
alter table case_step add column desk_id bigint references desk (id);
-- the holder after the step (every feed entry carries it)
alter table case_step add column holder_agency varchar(32) references agency (code);
alter table case_step add column holder_desk_id bigint references desk (id);
alter table case_step add column next_action varchar(40);
alter table case_step add column holder_since timestamptz;
/* [jooq ignore start] */
update case_step s set agency_code = c.agency_code, desk_id = c.desk_id, holder_agency = c.agency_code,
    holder_desk_id = c.desk_id, holder_since = c.holder_since
    from province_case c where c.case_no = s.case_no;
update case_step s set feed_version = o.v
    from (select id, nextval('feed_version_seq') as v from (select id from case_step order by id) i) o
    where s.id = o.id;
update province_case c set version = coalesce((select max(feed_version) from case_step s
    where s.case_no = c.case_no), 0);
/* [jooq ignore stop] */
create index case_step_feed on case_step (case_no, feed_version);

-- the agencies party to a case: accepted it, hold it, held it before; version = the case's newest feed version
create table case_party (
    case_no      varchar(40)  not null references province_case (case_no),
    agency_code  varchar(32)  not null references agency (code),
    version      bigint       not null,
    primary key (case_no, agency_code)
);
/* [jooq ignore start] */
insert into case_party (case_no, agency_code, version) select case_no, agency_code, version from province_case;
/* [jooq ignore stop] */
-- the feed: a party agency's cases changed after a version
create index case_party_feed on case_party (agency_code, version);
-- the county view: an agency's (accepted or held) cases changed after a version
create index province_case_acceptor_version on province_case (agency_code, version);
create index province_case_holder_version on province_case (holder_agency, version);
-- the holder's cases (reassign, claim lists)
create index province_case_holder_desk on province_case (holder_desk_id);
