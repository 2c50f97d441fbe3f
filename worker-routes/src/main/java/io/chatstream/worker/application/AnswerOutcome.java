package io.chatstream.worker.application;

import io.chatstream.worker.domain.AnswerEvent;

/** The event to publish plus what the publisher needs around it. */
public record AnswerOutcome(PromptToAnswer prompt, AnswerEvent event, Timings timings) {

    /** Milliseconds; {@code firstTokenMs} is 0 when no token arrived. */
    public record Timings(long queueWaitMs, long firstTokenMs, long totalMs) {
    }
}
