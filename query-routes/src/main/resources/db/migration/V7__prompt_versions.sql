-- Versions of a turn (regenerate, edit): the prompts of a session form a tree. parent_request_id is the
-- prompt a user message follows (NULL for a first turn; set on user rows only). The session shows the
-- branch that ends at head_request_id; head_version is the session version that chose it (events of a
-- session arrive on two topics, so the highest version wins, whatever the arrival order).
ALTER TABLE message_view ADD COLUMN parent_request_id VARCHAR(64) NULL AFTER turn;
ALTER TABLE session_view
    ADD COLUMN head_request_id VARCHAR(64) NULL,
    ADD COLUMN head_version    BIGINT      NOT NULL DEFAULT 0;

-- Before versions each session was one line of turns 1, 2, 3...: each prompt follows the prompt of the
-- turn before, and the session ends at its last turn.
UPDATE message_view child JOIN message_view parent
    ON parent.session_id = child.session_id AND parent.role = 'user' AND parent.turn = child.turn - 1
SET child.parent_request_id = parent.request_id
WHERE child.role = 'user';

UPDATE session_view s JOIN message_view m
    ON m.session_id = s.session_id AND m.role = 'user'
    AND m.turn = (SELECT MAX(turn) FROM message_view x WHERE x.session_id = s.session_id AND x.role = 'user')
SET s.head_request_id = m.request_id;
