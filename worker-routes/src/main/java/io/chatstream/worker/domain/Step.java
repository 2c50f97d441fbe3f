package io.chatstream.worker.domain;

/** What the task decided after a provider signal: end the answer, try again, or refuse the move. */
public sealed interface Step permits Step.Ended, Step.RetryNext, Step.Rejected {

    /** The answer is over: write the terminal entry, then publish the event. */
    record Ended(StreamEntry terminalEntry, AnswerEvent event) implements Step {
    }

    /** The failed attempt may be retried; {@code failedAttempt} is the one that just failed. */
    record RetryNext(int failedAttempt, ProviderError error) implements Step {
    }

    /** The move is not allowed in the current state (e.g. completing a stopped task). */
    record Rejected(TaskState state, String reason) implements Step {
    }
}
