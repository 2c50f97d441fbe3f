package io.chatstream.worker.application;

import io.chatstream.worker.domain.TaskState;

/** What answering a delivered prompt did. */
public sealed interface AnswerResult {

    /** The answer ran and its outcome was published. */
    record Published(AnswerOutcome outcome) implements AnswerResult {
    }

    /** A redelivery of a prompt that had already ended: nothing was done. */
    record AlreadyAnswered(TaskState state) implements AnswerResult {
    }

    /** Given up because the prompt moved to another instance: nothing published, no terminal entry. */
    record Abandoned() implements AnswerResult {
    }

    /** A duplicate delivery while this instance is still answering the same request: nothing was done. */
    record AlreadyInProgress() implements AnswerResult {
    }
}
