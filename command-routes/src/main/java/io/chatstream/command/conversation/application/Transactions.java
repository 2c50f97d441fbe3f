package io.chatstream.command.conversation.application;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of its writes happen, or none. */
public interface Transactions {

    /** Commits when {@code work} returns, rolls back when it throws. */
    <T> T inTransaction(Supplier<T> work);
}
