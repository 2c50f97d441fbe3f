package io.chatstream.worker.application;

import java.util.Optional;

/** Port: reads a parked PromptSubmitted payload back into the answering use case's command. */
public interface ParkedPrompts {

    Optional<PromptToAnswer> read(String payload);
}
