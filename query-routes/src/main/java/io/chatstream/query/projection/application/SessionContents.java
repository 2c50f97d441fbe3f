package io.chatstream.query.projection.application;

import io.chatstream.domain.SessionId;
import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.streaming.application.RequestOwnerships;

/** Everything the read model holds inside one session: what a delete removes. */
final class SessionContents {

    private final MessageViews messages;
    private final RequestOwnerships ownerships;

    SessionContents(MessageViews messages, RequestOwnerships ownerships) {
        this.messages = messages;
        this.ownerships = ownerships;
    }

    void forget(SessionId sessionId) {
        messages.deleteSession(sessionId);
        ownerships.deleteSession(sessionId);
    }
}
