package io.chatstream.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The emit schedule of one answer stream, kept by absolute deadlines: the first delta is due one
 * first-token delay after the stream starts, each next one an inter-chunk delay after the previous
 * deadline, whenever the previous write actually returned. A write held up by a slow reader (a full
 * socket buffer) or a late wake-up therefore does not shift the rest of the answer, and
 * {@link #dueMicros()} is the time the delta was due, so the delay shows up in an emit → receive figure
 * instead of being hidden by it (coordinated omission).
 */
final class Pacing {

    private final long startNanos = System.nanoTime();
    private final long startMicros = EmitStamp.micros(Instant.now());
    private long dueNanos = startNanos;

    /** Waits until the next delta is due, {@code gap} after the previous deadline. */
    void awaitNext(Duration gap) {
        dueNanos += gap.toNanos();
        long remaining = dueNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(remaining);
        } catch (InterruptedException e) {
            // Only close() interrupts: drop the connection instead of finishing the answer.
            Thread.currentThread().interrupt();
            throw new ConnectionCut("simulator closing");
        }
    }

    /** Wall-clock epoch microseconds at which the current delta was due. */
    long dueMicros() {
        return startMicros + (dueNanos - startNanos) / 1_000;
    }
}
