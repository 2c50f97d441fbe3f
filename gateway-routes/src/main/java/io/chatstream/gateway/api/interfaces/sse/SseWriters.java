package io.chatstream.gateway.api.interfaces.sse;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write SSE events to browsers. A thread is busy only while a relay has events to
 * write (an idle stream holds none), so a few serve thousands of streams; a browser that reads slowly
 * occupies one only until its relay's queue overflows and the stream is ended (see {@link SseRelay}).
 * Deliberately not an {@code Executor} bean: Boot and platform-http choose their executor by type.
 */
public final class SseWriters implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-stall-check");
        t.setDaemon(true);
        return t;
    });
    private final Duration stallTimeout;

    public SseWriters(int threads, Duration stallTimeout) {
        this.stallTimeout = stallTimeout;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sse-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    void execute(Runnable drain) {
        pool.execute(drain);
    }

    /** Runs {@code check} once the stall timeout has passed. */
    void afterStallTimeout(Runnable check) {
        timer.schedule(check, stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long stallTimeoutNanos() {
        return stallTimeout.toNanos();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
    }
}
