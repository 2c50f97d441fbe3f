package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.AnswerEvent.AnswerFailed;

/**
 * Port: the dead-letter topic. A prompt whose answer failed for good goes there unchanged, with its
 * failure, as a dead letter operators can inspect and replay; returns once the broker acknowledged.
 */
public interface DeadLetterTopic {

    void publish(PromptToAnswer prompt, AnswerFailed failure);
}
