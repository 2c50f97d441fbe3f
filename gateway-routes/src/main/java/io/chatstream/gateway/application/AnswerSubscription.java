package io.chatstream.gateway.application;

/** A running relay of an answer; cancelling frees it at once (the reader went away). */
@FunctionalInterface
public interface AnswerSubscription {

    void cancel();
}
