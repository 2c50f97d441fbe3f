package io.chatstream.worker.answering.application;

import java.time.Duration;

/**
 * How provider pieces are merged into stream entries: a piece waits at most {@code window} for
 * followers, and a buffer of {@code maxChars} or more goes out at once. A zero window writes
 * every piece as its own entry.
 */
public record Coalescing(Duration window, int maxChars) {

    public static final Coalescing OFF = new Coalescing(Duration.ZERO, 0);

    public Coalescing {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("the coalesce window must be zero or positive");
        }
        if (maxChars < 0) {
            throw new IllegalArgumentException("coalesce-max-chars must be zero or positive");
        }
    }

    public boolean enabled() {
        return !window.isZero();
    }
}
