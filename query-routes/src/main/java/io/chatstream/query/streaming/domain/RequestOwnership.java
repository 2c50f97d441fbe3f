package io.chatstream.query.streaming.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;

/** Who may read the answer to a request. */
public record RequestOwnership(RequestId requestId, UserId userId, SessionId sessionId, int turn) {

    public boolean ownedBy(UserId user) {
        return userId.equals(user);
    }
}
