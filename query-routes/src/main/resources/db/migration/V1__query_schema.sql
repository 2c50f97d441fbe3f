-- Read models of ConversationQueryContext (schema chat_query; only the query service writes here).
-- Timestamps are UTC, DATETIME(6).

CREATE TABLE request_ownership (
    request_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id     VARCHAR(64) NOT NULL,
    session_id  VARCHAR(64) NOT NULL,
    turn        INT         NOT NULL,
    created_at  DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE message_view (
    request_id     VARCHAR(64)  NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    -- 0 = user, 1 = assistant: the order of the two messages of one turn.
    role_rank      TINYINT      NOT NULL,
    session_id     VARCHAR(64)  NOT NULL,
    user_id        VARCHAR(64)  NOT NULL,
    turn           INT          NOT NULL,
    content        MEDIUMTEXT   NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    finish_reason  VARCHAR(32)  NULL,
    error_code     VARCHAR(64)  NULL,
    error_message  VARCHAR(1024) NULL,
    input_tokens   INT          NOT NULL DEFAULT 0,
    output_tokens  INT          NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (request_id, role),
    KEY ix_message_view_session (session_id, turn, role_rank)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE session_view (
    session_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id        VARCHAR(64)  NOT NULL,
    title          VARCHAR(255) NOT NULL DEFAULT '',
    -- The turn the title was taken from: the lowest turn seen wins, whatever the arrival order.
    title_turn     INT          NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    message_count  INT          NOT NULL DEFAULT 0,
    deleted        BOOLEAN      NOT NULL DEFAULT FALSE,
    KEY ix_session_view_user (user_id, deleted, updated_at, session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
