package io.chatstream.query.history.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.query.history.domain.MessageCursor.Role;
import java.time.Instant;

/** One result of a search: which message of which session, and the snippet of it that shows the terms. */
public record SearchHit(
        SessionId sessionId, String sessionTitle, RequestId requestId, Role role, int turn, String snippet,
        Instant createdAt) {

    public HitCursor position() {
        return new HitCursor(createdAt, requestId, role);
    }
}
