package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.ConcurrentSessionChange;
import java.util.function.Supplier;

/** Runs work in one database transaction: all of its writes happen, or none. */
public interface Transactions {

    /** Attempts of {@link #retryingConflicts} before the last conflict is thrown. */
    int CONFLICT_ATTEMPTS = 3;

    /** Commits when {@code work} returns, rolls back when it throws. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * {@link #inTransaction}, run again from the start (on freshly read state) when it loses an optimistic-lock
     * race to another writer of the same session; after {@value #CONFLICT_ATTEMPTS} lost races the last
     * {@link ConcurrentSessionChange} is thrown. Every other exception ends it at once.
     */
    default <T> T retryingConflicts(Supplier<T> work) {
        ConcurrentSessionChange last = null;
        for (int attempt = 1; attempt <= CONFLICT_ATTEMPTS; attempt++) {
            try {
                return inTransaction(work);
            } catch (ConcurrentSessionChange conflict) {
                last = conflict;
            }
        }
        throw last;
    }
}
