package io.chatstream.command.application;

import io.chatstream.command.domain.SessionEvent;

/**
 * Events waiting to be published. Adding must join the caller's transaction, so an event
 * exists exactly when the state change that caused it was committed.
 */
public interface Outbox {

    void add(SessionEvent event);
}
