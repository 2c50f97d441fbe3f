package io.chatstream.gateway.api.interfaces.sse;

import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.api.interfaces.http.ApiJson;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes one followed answer as Server-Sent Events: {@code id:} = seq, {@code event:} = kind (token, thinking,
 * reset, done, error), JSON data; heartbeats become comment lines. When the browser goes away the answer's gRPC
 * stream is cancelled.
 *
 * <p><b>Back-pressure.</b> gRPC callbacks never write to the socket (a slow browser would block them):
 * they put the event in a per-connection queue that an {@link SseWriters} thread drains. The queue is
 * bounded by gRPC flow control: the relay asks the query service for one more event per event written
 * ({@link #window()} up front), so a burst (a resume replaying a long answer) waits upstream, not here.
 * If events wait and nothing could be written for the stall timeout (the browser stopped reading),
 * the gateway cancels the upstream call and ends the response after the last complete event; the
 * browser's EventSource reconnects with {@code Last-Event-ID} and resumes without a gap.
 */
final class SseRelay implements AnswerListener {

    private static final Logger log = LoggerFactory.getLogger(SseRelay.class);
    /** Explicit, so the converter never falls back to ISO-8859-1 for model text. */
    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final Out END = new Out(null, true);

    /** One queued write; {@code last} completes the response after it. */
    private record Out(SseEmitter.SseEventBuilder event, boolean last) {
    }

    private final SseEmitter emitter;
    private final SseWriters writers;
    /** Linked, not an array of the window's size: an idle stream (most of them) then holds no slots. */
    private final ConcurrentLinkedQueue<Out> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean endQueued = new AtomicBoolean();
    private final AtomicBoolean stallCheckPending = new AtomicBoolean();
    private final AtomicInteger owed = new AtomicInteger();
    private final int window;
    private volatile long lastProgressNanos = System.nanoTime();
    /** When the queue last went from empty to not empty: a wait is measured from here or the last write. */
    private volatile long waitingSinceNanos = System.nanoTime();
    private volatile boolean started;
    private volatile boolean overflowed;
    private volatile AnswerSubscription subscription;
    private final Runnable onEnd;

    SseRelay(SseEmitter emitter, SseWriters writers, int maxQueuedEvents) {
        this(emitter, writers, maxQueuedEvents, () -> { });
    }

    /** {@code onEnd} runs once the reader is gone, however the stream ended (it may run more than once: make it idempotent). */
    SseRelay(SseEmitter emitter, SseWriters writers, int maxQueuedEvents, Runnable onEnd) {
        this.onEnd = onEnd;
        this.emitter = emitter;
        this.writers = writers;
        this.window = maxQueuedEvents;
        this.capacity = maxQueuedEvents + 2; // + room for an error event and the end marker
        emitter.onCompletion(this::readerGone);
        emitter.onTimeout(this::readerGone);
        emitter.onError(e -> readerGone());
    }

    void attach(AnswerSubscription subscription) {
        this.subscription = subscription;
        if (closed.get()) {
            subscription.cancel();
        }
        payBack();
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public void event(AnswerEvent event) {
        enqueue(new Out(event instanceof AnswerEvent.Heartbeat
                ? SseEmitter.event().comment(" ping")
                : SseEmitter.event().id(Long.toString(event.seq())).name(name(event)).data(ApiJson.write(data(event)), UTF8_TEXT),
                event.isFinal()));
    }

    @Override
    public void ended() {
        enqueue(END);
    }

    @Override
    public void rejected(Rejection rejection) {
        if (!started && closed.compareAndSet(false, true)) {
            // Nothing sent yet: the response can still become a plain JSON error with its HTTP status.
            emitter.completeWithError(new StreamRejected(rejection));
            return;
        }
        enqueue(new Out(SseEmitter.event().name("error").data(ApiJson.write(ApiJson.fields(
                "seq", null, "code", rejection.code(), "message", rejection.message())), UTF8_TEXT), true));
    }

    private void enqueue(Out out) {
        if (closed.get() || overflowed || endQueued.get()) {
            return;
        }
        if (out.last() && !endQueued.compareAndSet(false, true)) {
            return;
        }
        started = true;
        // Flow control keeps this within the window; should the upstream ignore it, end rather than grow.
        int waiting = queued.incrementAndGet();
        if (waiting == 1) {
            waitingSinceNanos = System.nanoTime();
        }
        if (waiting > capacity) {
            queued.decrementAndGet();
            overflow("the upstream sent more than was asked for");
            return;
        }
        queue.offer(out);
        schedule();
        // While events wait, one check per stall timeout looks for a writer that made no progress.
        if (stallCheckPending.compareAndSet(false, true)) {
            writers.afterStallTimeout(this::checkStall);
        }
    }

    /**
     * Events are waiting: if none could be written for the stall timeout, the browser is not reading. The
     * wait counts from the later of the last write and the moment events started waiting; the last write
     * alone would cut an idle stream whose heartbeat arrives just before a check that an earlier event armed.
     */
    private void checkStall() {
        stallCheckPending.set(false);
        if (closed.get() || overflowed || queue.isEmpty()) {
            return;
        }
        if (System.nanoTime() - Math.max(lastProgressNanos, waitingSinceNanos) >= writers.stallTimeoutNanos()) {
            overflow("nothing could be written for the stall timeout");
        } else if (stallCheckPending.compareAndSet(false, true)) {
            writers.afterStallTimeout(this::checkStall);
        }
    }

    /** The browser cannot keep up: stop the upstream and end after what is already written. */
    private void overflow(String why) {
        overflowed = true;
        log.info("SSE reader too slow ({}, {} events queued): ending the stream, it resumes with Last-Event-ID",
                why, queued.get());
        AnswerSubscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        schedule();
    }

    /** One more event may come for each one written (gRPC flow control). */
    private void credit() {
        owed.incrementAndGet();
        payBack();
    }

    private void payBack() {
        AnswerSubscription s = subscription;
        if (s != null && !closed.get() && !overflowed) {
            int n = owed.getAndSet(0);
            if (n > 0) {
                s.request(n);
            }
        }
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            writers.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            if (overflowed) {
                clear();
                finish();
                return;
            }
            Out out = queue.poll();
            if (out != null) {
                queued.decrementAndGet();
            }
            if (out == null) {
                draining.set(false);
                // Something may have arrived between poll() and set(false): go on if nobody else took over.
                if ((queue.isEmpty() && !overflowed) || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (out.event() != null) {
                write(out.event());
                lastProgressNanos = System.nanoTime();
            }
            if (out.last()) {
                finish();
                return;
            }
            credit();
        }
    }

    private void write(SseEmitter.SseEventBuilder event) {
        if (closed.get()) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser has gone: stop the upstream stream instead of generating into the void.
            readerGone();
        }
    }

    private void finish() {
        if (closed.compareAndSet(false, true)) {
            emitter.complete();
        }
    }

    private void clear() {
        while (queue.poll() != null) {
            queued.decrementAndGet();
        }
    }

    private void readerGone() {
        onEnd.run();
        closed.set(true);
        clear();
        AnswerSubscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private static String name(AnswerEvent event) {
        if (event instanceof AnswerEvent.Token) {
            return "token";
        } else if (event instanceof AnswerEvent.Thinking) {
            return "thinking";
        } else if (event instanceof AnswerEvent.Reset) {
            return "reset";
        } else if (event instanceof AnswerEvent.Done) {
            return "done";
        }
        return "error";
    }

    private static Object data(AnswerEvent event) {
        if (event instanceof AnswerEvent.Token t) {
            return ApiJson.fields("seq", t.seq(), "text", t.text());
        } else if (event instanceof AnswerEvent.Thinking t) {
            return ApiJson.fields("seq", t.seq(), "text", t.text());
        } else if (event instanceof AnswerEvent.Reset r) {
            return ApiJson.fields("seq", r.seq(), "attempt", r.attempt());
        } else if (event instanceof AnswerEvent.Done d) {
            return ApiJson.fields("seq", d.seq(), "status", d.status(), "finish_reason", d.finishReason(),
                    "usage", ApiJson.usage(d.usage()));
        }
        AnswerEvent.Failed f = (AnswerEvent.Failed) event;
        return ApiJson.fields("seq", f.seq(), "code", f.code(), "message", f.message());
    }
}
