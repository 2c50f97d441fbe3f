package io.chatstream.worker.answering.application;

/** Port: publishes outcomes; returns only once the broker acknowledged one. */
public interface AnswerOutcomes {

    void publish(AnswerOutcome outcome);
}
