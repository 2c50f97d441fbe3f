package io.chatstream.worker.answering.domain;

/** What the task decided after a provider callback or a stop: end the answer, try again, or refuse the move. */
public sealed interface TaskDecision permits TaskDecision.Ended, TaskDecision.RetryNext, TaskDecision.Rejected {

    /** The answer is over: write the terminal entry, then publish the event. */
    record Ended(StreamEntry terminalEntry, AnswerEvent event) implements TaskDecision {
    }

    /** The failed attempt may be retried; {@code failedAttempt} is the one that just failed. */
    record RetryNext(int failedAttempt, ProviderError error) implements TaskDecision {
    }

    /** The move is not allowed in the current state (e.g. completing a stopped task). */
    record Rejected(TaskState state, String reason) implements TaskDecision {
    }
}
