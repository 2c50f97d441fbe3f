package io.chatstream.worker.deadletters.infrastructure;

import io.chatstream.worker.deadletters.application.ReplayQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays start at most {@code ratePerSecond} per second across all calls (each gets the next free
 * start slot), at most {@code maxConcurrent} run at once, and at most {@code maxPending} wait or run;
 * more are refused, not queued without bound. Replays are provider calls like any answer: the pacing
 * keeps an operator's "replay all" from hammering a provider that has only just recovered.
 */
public final class PacedReplayQueue implements ReplayQueue, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PacedReplayQueue.class);

    private final ScheduledThreadPoolExecutor executor;
    private final Semaphore pending;
    private final long intervalNanos;
    private long nextStartNanos;

    public PacedReplayQueue(double ratePerSecond, int maxConcurrent, int maxPending) {
        if (ratePerSecond <= 0 || maxConcurrent < 1 || maxPending < 1) {
            throw new IllegalArgumentException("chat.dlq.replay rate, max-concurrent and max-pending must be positive");
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(maxConcurrent, r -> {
            Thread t = new Thread(r, "dlq-replay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pending = new Semaphore(maxPending);
        this.intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        this.nextStartNanos = System.nanoTime();
    }

    @Override
    public boolean submit(Runnable replay) {
        if (!pending.tryAcquire()) {
            return false;
        }
        long delay = reserveSlot();
        try {
            executor.schedule(() -> {
                try {
                    replay.run();
                } catch (RuntimeException e) {
                    LOG.error("a DLQ replay failed for a technical reason; it may be replayed again", e);
                } finally {
                    pending.release();
                }
            }, delay, TimeUnit.NANOSECONDS);
            return true;
        } catch (RuntimeException e) {
            pending.release();
            return false;
        }
    }

    private synchronized long reserveSlot() {
        long now = System.nanoTime();
        long start = Math.max(now, nextStartNanos);
        nextStartNanos = start + intervalNanos;
        return start - now;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
