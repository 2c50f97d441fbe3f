-- Whether the owner pinned the session (PinSession): their list shows pinned sessions first. Only
-- the command service writes it; the query service keeps its own copy from SessionChanged{pinned}.
-- Existing sessions were never pinned.
ALTER TABLE sessions ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT FALSE AFTER head_request_id;
