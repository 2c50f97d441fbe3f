package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.AnswerEvent;
import java.time.Duration;

/** Port: what operators watch about answering. */
public interface AnswerMetrics {

    void firstToken(Duration sincePickUp);

    void answered(AnswerEvent event, Duration total);

    void retried(String errorCode);

    /** Submit (command's clock) to the moment a worker starts answering: the queue stage of time to first token. */
    default void startedAfter(Duration queueWait) {
    }

    /** Does nothing: for tests that do not look at metrics. */
    AnswerMetrics NONE = new AnswerMetrics() {
        @Override
        public void firstToken(Duration sincePickUp) {
        }

        @Override
        public void answered(AnswerEvent event, Duration total) {
        }

        @Override
        public void retried(String errorCode) {
        }
    };
}
