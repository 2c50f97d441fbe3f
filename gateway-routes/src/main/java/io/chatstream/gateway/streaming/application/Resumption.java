package io.chatstream.gateway.streaming.application;

import java.time.Duration;

/**
 * How a broken-off answer stream is followed again (chat.sse.resume.*): up to {@code maxAttempts} re-opens in a
 * row without a new event, the first after a random pause up to {@code initialBackoff} (streams cut off together
 * do not all come back at once), each further one up to twice as long, at most {@code maxBackoff}. Pauses are
 * taken on {@code delays}; every re-open and every give-up is told to {@code reports}. 0 attempts: never.
 */
public record Resumption(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Delays delays,
        StreamResumes reports) {

    public Resumption {
        if (maxAttempts < 0 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("chat.sse.resume: max-attempts >= 0 and 0 <= initial-backoff <= max-backoff");
        }
    }

    /** The pause before re-open number {@code attempt} (from 1); {@code fraction} in [0, 1) picks it below its ceiling. */
    Duration pauseBefore(int attempt, double fraction) {
        long ceiling = initialBackoff.toNanos();
        for (int i = 1; i < attempt && ceiling < maxBackoff.toNanos(); i++) {
            ceiling *= 2;
        }
        return Duration.ofNanos((long) (Math.min(ceiling, maxBackoff.toNanos()) * fraction));
    }
}
