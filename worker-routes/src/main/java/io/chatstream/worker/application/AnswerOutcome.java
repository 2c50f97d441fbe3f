package io.chatstream.worker.application;

import io.chatstream.worker.domain.AnswerEvent;

/** The event to publish plus what the publisher needs around it ({@code model} null = the configured one). */
public record AnswerOutcome(PromptToAnswer prompt, AnswerEvent event, Timings timings, String model) {

    /** Answered by the model configured at start-up. */
    public AnswerOutcome(PromptToAnswer prompt, AnswerEvent event, Timings timings) {
        this(prompt, event, timings, null);
    }

    /** Milliseconds; {@code firstTokenMs} is 0 when no token arrived. */
    public record Timings(long queueWaitMs, long firstTokenMs, long totalMs) {
    }
}
