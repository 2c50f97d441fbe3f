package io.chatstream.gateway.streaming.infrastructure;

import io.chatstream.gateway.streaming.application.Delays;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pauses before an answer stream is followed again, on one daemon thread: a task only starts a gRPC call.
 * The task runs in the trace it was scheduled from, so the new call belongs to the stream's trace.
 */
final class ScheduledDelays implements Delays, AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "answer-stream-resume");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void after(Duration pause, Runnable task) {
        timer.schedule(Context.current().wrap(task), pause.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
