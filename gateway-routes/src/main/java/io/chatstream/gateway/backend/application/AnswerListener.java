package io.chatstream.gateway.backend.application;

import io.chatstream.gateway.api.application.Rejection;

/**
 * Receives a followed answer. Exactly one of {@link #ended()}, {@link #rejected} or {@link #brokeOff} closes the
 * stream (one call of it).
 */
public interface AnswerListener {

    void event(AnswerEvent event);

    /** The stream ended after its final event. */
    void ended();

    /** The stream could not start or broke off (unknown request, dependency down). */
    void rejected(Rejection rejection);

    /**
     * The stream broke off for a reason of its connection, not of the answer: the query instance serving it
     * stopped or died, or could not reach its own store. Following the answer again after the last event
     * delivered may well succeed (streaming's {@code ResumingFollow} does); a listener that does not is told as for
     * any rejection.
     */
    default void brokeOff(Rejection rejection) {
        rejected(rejection);
    }

    /**
     * How many events may be delivered before the listener asks for more with
     * {@link AnswerSubscription#request}; 0 = no flow control (deliver as they come).
     */
    default int window() {
        return 0;
    }
}
