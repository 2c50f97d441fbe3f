package io.chatstream.worker.application;

import io.chatstream.worker.domain.AnswerEvent.AnswerFailed;

/** Port: parks a prompt whose answer failed for good, with the failure, for inspection and replay. */
public interface FailedPrompts {

    void park(PromptToAnswer prompt, AnswerFailed failure);
}
