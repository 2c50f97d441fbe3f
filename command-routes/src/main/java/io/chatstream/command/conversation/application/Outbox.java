package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.SessionEvent;

/**
 * Events waiting to be published. Adding must join the caller's transaction, so an event
 * exists exactly when the state change that caused it was committed.
 */
public interface Outbox {

    void add(SessionEvent event);
}
