-- Issue 13: medical-insurance e-vouchers (医保电子凭证, docs/DECISIONS.md D151–D156). The national platform issues one
-- code per person and per unit; the reference server holds the codes it was loaded with (province-server voucher
-- load FILE) and resolves them for desks against this table and its registry. Every resolution a desk asks for is
-- logged (which desk, which code, the outcome) instead of being rate-limited (D155).
create table voucher (
    code         varchar(32)  primary key,
    kind         varchar(8)   not null check (kind in ('PERSON', 'UNIT')),
    id_number    varchar(40)  not null,
    name         varchar(200) not null,
    valid_until  date         not null,
    loaded_at    timestamptz  not null
);
create index voucher_id_number on voucher (id_number);

create table voucher_lookup (
    id           bigserial    primary key,
    desk_id      bigint       not null references desk (id),
    code         varchar(40)  not null,
    outcome      varchar(20)  not null,
    looked_up_at timestamptz  not null
);
create index voucher_lookup_desk on voucher_lookup (desk_id, looked_up_at);
