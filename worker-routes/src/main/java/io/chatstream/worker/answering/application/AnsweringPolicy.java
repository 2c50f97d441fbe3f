package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.Backoff;
import java.time.Duration;

/** Retry, timeout and relay settings; the watchdog times are per attempt. */
public record AnsweringPolicy(int maxAttempts, Backoff backoff, Duration firstTokenTimeout, Duration idleTimeout,
        Duration totalTimeout, Coalescing coalescing) {

    public AnsweringPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        coalescing = coalescing == null ? Coalescing.OFF : coalescing;
    }

    /** Every provider piece becomes its own stream entry. */
    public AnsweringPolicy(int maxAttempts, Backoff backoff, Duration firstTokenTimeout, Duration idleTimeout,
            Duration totalTimeout) {
        this(maxAttempts, backoff, firstTokenTimeout, idleTimeout, totalTimeout, Coalescing.OFF);
    }
}
