-- Pin and unpin (SessionChanged{pinned}): the owner keeps pinned sessions on top of their list.
-- pinned_changed_at: when the flag was last set; an older change delivered late never undoes a newer one.
-- Existing sessions were never pinned.
ALTER TABLE session_view
    ADD COLUMN pinned            BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN pinned_changed_at DATETIME(6) NULL;

-- ListSessions: pinned first, then newest first, paged by (pinned, updated_at, session_id).
CREATE INDEX ix_session_view_user_pinned ON session_view (user_id, deleted, pinned, updated_at, session_id);
