-- Versions of a turn (regenerate, edit): the prompts of a session form a tree. Each prompt names the
-- prompt it follows (NULL for a first turn); versions of one turn share that parent, so (session_id,
-- turn) is no longer unique. The session shows one branch, which ends at head_request_id (NULL before
-- the first prompt); a new prompt follows the head.
ALTER TABLE prompts
    ADD COLUMN parent_request_id VARCHAR(64) NULL AFTER turn,
    DROP INDEX uq_prompts_session_turn,
    ADD KEY ix_prompts_session_turn (session_id, turn),
    ADD KEY ix_prompts_parent (parent_request_id);

ALTER TABLE sessions ADD COLUMN head_request_id VARCHAR(64) NULL AFTER in_flight_since;

-- Before versions each session was one line of turns 1, 2, 3...: each prompt follows the prompt of the
-- turn before, and the session ends at its last turn.
UPDATE prompts child JOIN prompts parent ON parent.session_id = child.session_id AND parent.turn = child.turn - 1
SET child.parent_request_id = parent.request_id;

UPDATE sessions s JOIN prompts p ON p.session_id = s.id AND p.turn = s.next_turn - 1
SET s.head_request_id = p.request_id;
