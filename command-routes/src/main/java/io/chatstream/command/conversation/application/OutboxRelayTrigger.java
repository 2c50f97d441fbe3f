package io.chatstream.command.conversation.application;

/** Tells the outbox relay there is something new, so it need not wait for its next poll. */
public interface OutboxRelayTrigger {

    /** Returns at once; the relay runs in the background. Must never throw. */
    void relayNow();
}
