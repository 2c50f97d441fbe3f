package io.chatstream.worker.answering.application;

import java.util.Optional;

/**
 * Port: reads an original PromptSubmitted payload (such as the one a dead letter keeps) into the
 * answering use case's command, exactly as the answer flow reads a fresh one; empty when unreadable.
 */
public interface SubmittedPrompts {

    Optional<PromptToAnswer> read(String payload);
}
