-- Provincial sync (desk side): the state of the last runs and the pulled versions, the server's refusal code on
-- outbox rows, the province's version on registry rows, and the clerk's tasks for refused messages.

CREATE TABLE sync_state (
    id                 INT          NOT NULL PRIMARY KEY,
    last_success_at    TIMESTAMP WITH TIME ZONE,
    last_attempt_at    TIMESTAMP WITH TIME ZONE,
    last_error         VARCHAR(1000),
    reference_version  BIGINT       DEFAULT 0 NOT NULL,
    registry_version   BIGINT       DEFAULT 0 NOT NULL,
    CONSTRAINT sync_state_single CHECK (id = 1)
);
INSERT INTO sync_state (id, reference_version, registry_version) VALUES (1, 0, 0);

-- The server's business refusal (err_code; err_msg goes to last_error) and when an answer was recorded.
ALTER TABLE outbox ADD COLUMN err_code VARCHAR(40);
ALTER TABLE outbox ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;

-- The version of the province-wide registry a row was last brought to by a pull (null: only known locally).
ALTER TABLE person ADD COLUMN province_version BIGINT;
ALTER TABLE unit ADD COLUMN province_version BIGINT;

-- 退回任务: one open task per case (or person/unit record) gathering the messages the province refused.
CREATE TABLE sync_task (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    entity_type   VARCHAR(24)   NOT NULL,
    entity_id     VARCHAR(64)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    handled_at    TIMESTAMP WITH TIME ZONE,
    handled_by    BIGINT REFERENCES app_user(id),
    handled_note  VARCHAR(1000)
);
CREATE INDEX sync_task_entity_idx ON sync_task(entity_type, entity_id, status);
CREATE INDEX sync_task_status_idx ON sync_task(status);

CREATE TABLE sync_task_message (
    task_id     BIGINT        NOT NULL REFERENCES sync_task(id),
    outbox_seq  BIGINT        NOT NULL REFERENCES outbox(seq),
    err_code    VARCHAR(40),
    err_msg     VARCHAR(1000),
    PRIMARY KEY (task_id, outbox_seq)
);

-- The uploader finds a change's operator through its audit record (same entity, same moment).
CREATE INDEX audit_log_entity_idx ON audit_log(entity_type, entity_id);
