package io.chatstream.command.conversation.domain;

/** Where the answer to one prompt stands, as far as this context knows. */
public enum AnswerState {
    /** Submitted; no outcome recorded yet. */
    ANSWERING,
    COMPLETED,
    FAILED,
    STOPPED;

    public boolean finished() {
        return this != ANSWERING;
    }
}
