package io.chatstream.gateway.backend.application;

/** A running relay of an answer; cancelling frees it at once (the reader went away). */
@FunctionalInterface
public interface AnswerSubscription {

    void cancel();

    /**
     * Asks for {@code n} more events; only meaningful when the listener declared a
     * {@link AnswerListener#window() window} (otherwise events flow without asking).
     */
    default void request(int n) {
    }
}
