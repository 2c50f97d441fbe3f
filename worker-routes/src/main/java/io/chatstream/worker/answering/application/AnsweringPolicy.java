package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.Backoff;
import java.time.Duration;

/**
 * Retry, timeout and relay settings; the watchdog times are per attempt. A thinking model may reason
 * for up to {@code thinkingTimeout} before its first answer token, as long as no reasoning piece is
 * further than {@code idleTimeout} from the last; {@code firstTokenTimeout} then covers only the wait
 * for the first sign of life.
 */
public record AnsweringPolicy(int maxAttempts, Backoff backoff, Duration firstTokenTimeout, Duration idleTimeout,
        Duration totalTimeout, Coalescing coalescing, Duration thinkingTimeout) {

    public AnsweringPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        coalescing = coalescing == null ? Coalescing.OFF : coalescing;
        thinkingTimeout = thinkingTimeout == null ? totalTimeout : thinkingTimeout;
    }

    /** Thinking bounded only by the total timeout. */
    public AnsweringPolicy(int maxAttempts, Backoff backoff, Duration firstTokenTimeout, Duration idleTimeout,
            Duration totalTimeout, Coalescing coalescing) {
        this(maxAttempts, backoff, firstTokenTimeout, idleTimeout, totalTimeout, coalescing, null);
    }

    /** Every provider piece becomes its own stream entry. */
    public AnsweringPolicy(int maxAttempts, Backoff backoff, Duration firstTokenTimeout, Duration idleTimeout,
            Duration totalTimeout) {
        this(maxAttempts, backoff, firstTokenTimeout, idleTimeout, totalTimeout, Coalescing.OFF, null);
    }
}
