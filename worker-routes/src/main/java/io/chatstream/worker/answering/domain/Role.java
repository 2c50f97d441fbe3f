package io.chatstream.worker.answering.domain;

/** Who said a turn of the conversation sent to the model. */
public enum Role {
    SYSTEM, USER, ASSISTANT
}
