-- The audit chain heads each desk sent with its uploads (docs/DECISIONS.md D71): the anchor of the desk's audit log
-- outside its file. A batch whose head is behind the desk's last one, or whose hash at an anchored sequence number
-- differs, is refused (AUDIT_CHAIN_REWOUND): the desk's chain was cut back or rewritten.
create table if not exists desk_audit_anchor (
    desk_id      bigint       not null references desk (id),
    seq          bigint       not null,
    hash         varchar(64)  not null,
    head_time    varchar(20),
    received_at  timestamptz  not null,
    primary key (desk_id, seq)
);
