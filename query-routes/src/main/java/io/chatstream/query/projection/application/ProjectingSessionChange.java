package io.chatstream.query.projection.application;

import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.application.SessionViews;
import io.chatstream.query.projection.domain.SessionChange;
import io.chatstream.query.streaming.application.RequestOwnerships;

/**
 * Use case: a rename sets the session's title; a pin or unpin sets its flag (the latest change wins); a chosen
 * version moves the branch the history shows; a delete leaves only a tombstone (no title, no messages, no request
 * ownerships), so the session vanishes from every query and late events of it are ignored. Idempotent, and a
 * rename or pin after a delete changes nothing.
 */
public class ProjectingSessionChange {

    private final SessionViews sessions;
    private final SessionContents contents;

    public ProjectingSessionChange(SessionViews sessions, MessageViews messages, RequestOwnerships ownerships) {
        this.sessions = sessions;
        this.contents = new SessionContents(messages, ownerships);
    }

    public void project(SessionChange change) {
        if (change instanceof SessionChange.Renamed renamed) {
            if (sessions.isDeleted(renamed.sessionId())) {
                return;
            }
            if (renamed.generated()) {
                sessions.suggestTitle(renamed.sessionId(), renamed.userId(), renamed.title(), renamed.occurredAt());
            } else {
                sessions.rename(renamed.sessionId(), renamed.userId(), renamed.title(), renamed.occurredAt());
            }
            return;
        }
        if (change instanceof SessionChange.Pinned pinned) {
            if (!sessions.isDeleted(pinned.sessionId())) {
                sessions.pin(pinned.sessionId(), pinned.userId(), pinned.pinned(), pinned.occurredAt());
            }
            return;
        }
        if (change instanceof SessionChange.VersionSelected selected) {
            if (!sessions.isDeleted(selected.sessionId())) {
                sessions.showBranch(selected.sessionId(), selected.userId(), selected.head(), selected.sessionVersion(),
                        selected.occurredAt());
            }
            return;
        }
        // The tombstone comes first: it locks the session row, which every prompt/answer projection of
        // this session also writes, so they either finish before this purge or see the tombstone after.
        sessions.markDeleted(change.sessionId(), change.userId(), change.occurredAt());
        contents.forget(change.sessionId());
    }
}
