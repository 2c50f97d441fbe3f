package io.chatstream.query.history.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/** One entry of a user's session list. */
public record SessionView(
        SessionId sessionId, UserId userId, String title, Instant createdAt, Instant updatedAt, int messageCount,
        boolean deleted) {

    public SessionCursor position() {
        return new SessionCursor(updatedAt, sessionId);
    }

    public boolean visibleTo(UserId user) {
        return !deleted && userId.equals(user);
    }
}
