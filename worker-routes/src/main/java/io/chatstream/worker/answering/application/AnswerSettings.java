package io.chatstream.worker.answering.application;

import java.time.Duration;

/**
 * Per-prompt overrides of the answering policy and the model, set by the answer route so ops can
 * change them live by editing a route file. A null field keeps the start-up default.
 */
public record AnswerSettings(String model, Integer maxAttempts, Duration firstTokenTimeout, Duration idleTimeout,
        Duration totalTimeout) {

    /** Everything as configured at start-up. */
    public static final AnswerSettings DEFAULTS = new AnswerSettings(null, null, null, null, null);

    public AnswerSettings {
        model = model == null || model.isBlank() ? null : model.strip();
    }

    /** The policy for one prompt: these overrides on top of {@code base}. */
    public AnsweringPolicy applyTo(AnsweringPolicy base) {
        return new AnsweringPolicy(
                maxAttempts == null ? base.maxAttempts() : maxAttempts,
                base.backoff(),
                firstTokenTimeout == null ? base.firstTokenTimeout() : firstTokenTimeout,
                idleTimeout == null ? base.idleTimeout() : idleTimeout,
                totalTimeout == null ? base.totalTimeout() : totalTimeout,
                base.coalescing(), base.thinkingTimeout());
    }
}
