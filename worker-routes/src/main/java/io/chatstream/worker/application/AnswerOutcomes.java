package io.chatstream.worker.application;

/** Port: publishes how an answer ended; returns only once the broker acknowledged it. */
public interface AnswerOutcomes {

    void publish(AnswerOutcome outcome);
}
