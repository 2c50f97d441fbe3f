package io.chatstream.gateway.application;

/** Receives a followed answer. Exactly one of {@link #ended()} or {@link #rejected} closes the stream. */
public interface AnswerListener {

    void event(AnswerEvent event);

    /** The stream ended after its final event. */
    void ended();

    /** The stream could not start or broke off (unknown request, dependency down). */
    void rejected(Rejection rejection);
}
