package io.chatstream.worker.application;

import io.chatstream.worker.domain.Backoff;
import java.time.Duration;

/** Retry and timeout settings; the watchdog times are per attempt. */
public record AnsweringPolicy(int maxAttempts, Backoff backoff, Duration firstTokenTimeout, Duration idleTimeout,
        Duration totalTimeout) {

    public AnsweringPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
