package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.AnswerEvent;

/**
 * The outcome: the one message published per prompt on {@code chat.answer.completed} (contract
 * AnswerCompleted, status completed | failed | stopped), made of the answer event and what the publisher
 * needs around it ({@code model} null = the configured one).
 */
public record AnswerOutcome(PromptToAnswer prompt, AnswerEvent event, Timings timings, String model) {

    /** Answered by the model configured at start-up. */
    public AnswerOutcome(PromptToAnswer prompt, AnswerEvent event, Timings timings) {
        this(prompt, event, timings, null);
    }

    /** Milliseconds; {@code firstTokenMs} is 0 when no token arrived. */
    public record Timings(long queueWaitMs, long firstTokenMs, long totalMs) {
    }
}
