-- Schema chat_command: written only by the command service (ConversationCommandContext).
-- Times are DATETIME(6) holding UTC wall-clock time; text is utf8mb4.

CREATE TABLE sessions (
    id                   VARCHAR(64)  NOT NULL,
    user_id              VARCHAR(64)  NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    next_turn            INT          NOT NULL,
    -- The prompt whose answer is in flight (one per session), and since when.
    in_flight_request_id VARCHAR(64)  NULL,
    in_flight_since      DATETIME(6)  NULL,
    -- Optimistic lock: every update checks and bumps it.
    version              BIGINT       NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_sessions_user (user_id, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE prompts (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    request_id  VARCHAR(64)  NOT NULL,
    session_id  VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    turn        INT          NOT NULL,
    text        MEDIUMTEXT   NOT NULL,
    trace_id    CHAR(32)     NOT NULL,
    accepted_at DATETIME(6)  NOT NULL,
    -- ANSWERING until the worker's outcome arrives: COMPLETED, FAILED or STOPPED.
    status      VARCHAR(16)  NOT NULL,
    -- The answer (partial for STOPPED/FAILED); kept as context for later turns.
    answer_text MEDIUMTEXT   NULL,
    answered_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    -- The truth of submit idempotency (the Redis key is only a fast path).
    UNIQUE KEY uq_prompts_request_id (request_id),
    UNIQUE KEY uq_prompts_session_turn (session_id, turn),
    CONSTRAINT fk_prompts_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Transactional outbox: rows are written with the state change and relayed to Kafka in id order.
CREATE TABLE outbox (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    topic      VARCHAR(249)  NOT NULL,
    msg_key    VARCHAR(64)   NOT NULL,
    payload    MEDIUMTEXT    NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    -- NULL while pending; set once Kafka acknowledged the record.
    sent_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    KEY ix_outbox_pending (sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Lease that keeps the outbox relay to one instance at a time (several command instances may run).
CREATE TABLE outbox_relay_lease (
    name        VARCHAR(64)  NOT NULL,
    owner       VARCHAR(64)  NOT NULL,
    lease_until DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO outbox_relay_lease (name, owner, lease_until) VALUES ('relay', '', '1970-01-02 00:00:00');
