package io.chatstream.query.application;

import io.chatstream.domain.SessionId;

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
