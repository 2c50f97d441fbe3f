package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.TaskState;

/** What one call of the answering use case did; kept in the service (what is published is the outcome). */
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
