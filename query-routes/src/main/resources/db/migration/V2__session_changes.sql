-- Rename and delete (chat.session.changed).
-- title_user_set: the owner chose the title, so a first prompt projected later never overwrites it.
-- title_set_at: when that title was chosen; an older rename delivered again never undoes a newer one.
ALTER TABLE session_view
    ADD COLUMN title_user_set BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN title_set_at   DATETIME(6) NULL;

-- A deleted session's ownerships are removed by session id.
CREATE INDEX ix_request_ownership_session ON request_ownership (session_id);
