package io.chatstream.gateway.application;

/** Receives a followed answer. Exactly one of {@link #ended()} or {@link #rejected} closes the stream. */
public interface AnswerListener {

    void event(AnswerEvent event);

    /** The stream ended after its final event. */
    void ended();

    /** The stream could not start or broke off (unknown request, dependency down). */
    void rejected(Rejection rejection);

    /**
     * How many events may be delivered before the listener asks for more with
     * {@link AnswerSubscription#request}; 0 = no flow control (deliver as they come).
     */
    default int window() {
        return 0;
    }
}
