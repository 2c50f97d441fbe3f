-- The model tokens (input + output) of each user's answers per UTC day, added once per recorded
-- answer: what the daily token budget (chat.quota.daily-tokens) is checked against at submit.
CREATE TABLE daily_tokens (
    user_id VARCHAR(64) NOT NULL,
    day     DATE        NOT NULL,
    tokens  BIGINT      NOT NULL,
    PRIMARY KEY (user_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
