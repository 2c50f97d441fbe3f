package io.chatstream.command.conversation.application;

import io.chatstream.domain.SessionId;
import io.chatstream.command.conversation.domain.SessionEvent;

/**
 * Events waiting to be published. Adding must join the caller's transaction, so an event
 * exists exactly when the state change that caused it was committed.
 */
public interface Outbox {

    void add(SessionEvent event);

    /** Drops the rows of a session already sent (their payloads hold its texts); pending ones still go out. */
    void forgetSentOf(SessionId sessionId);
}
