package io.chatstream.worker.answering.domain;

import java.time.Duration;

/** Exponential backoff with jitter between provider attempts, capped. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
        }
    }

    /**
     * The pause before attempt {@code nextAttempt} (2, 3, ...); {@code random} in [0, 1) spreads
     * retries of many workers over the upper half of the window so they do not hit the provider together.
     */
    public Duration before(int nextAttempt, double random) {
        int exponent = Math.max(0, Math.min(nextAttempt - 2, 30));
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << exponent));
        return Duration.ofMillis((long) (ceiling * (0.5 + random / 2)));
    }
}
