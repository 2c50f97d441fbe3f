package io.chatstream.gateway.platform.infrastructure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Meters of the answer streams ({@code GET /api/chat/stream}) without touching the SSE code:
 * {@code chat.gateway.sse.active} (open streams) and {@code chat.gateway.sse.first_event} (stream
 * request to its first bytes on the wire: for a stream opened right after the send, the time to
 * the first thing the user sees, minus the network).
 *
 * <p>Any event counts, whatever its kind: for a prompt sent with thinking the first event is a piece of
 * reasoning, so this is then not a time to the first answer token, by design. It times the stream's path
 * (query service, gateway, socket); the model itself is timed by the worker ({@code chat.worker.first_token}).
 */
final class SseStreamMetrics extends OncePerRequestFilter {

    static final String PATH = "/api/chat/stream";

    private final AtomicInteger active = new AtomicInteger();
    private final Timer firstEvent;

    SseStreamMetrics(MeterRegistry registry) {
        Gauge.builder("chat.gateway.sse.active", active, AtomicInteger::get)
                .description("answer streams (SSE) open on this gateway").register(registry);
        this.firstEvent = Timer.builder("chat.gateway.sse.first_event")
                .description("answer stream request to its first bytes sent")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        AtomicBoolean ended = new AtomicBoolean();
        active.incrementAndGet();
        try {
            chain.doFilter(request, new FirstWrite(response, () -> firstEvent.record(System.nanoTime() - started,
                    TimeUnit.NANOSECONDS)));
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        end(ended);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        end(ended);
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        end(ended);
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            } else {
                end(ended);
            }
        }
    }

    private void end(AtomicBoolean ended) {
        if (ended.compareAndSet(false, true)) {
            active.decrementAndGet();
        }
    }

    /** Calls {@code onFirst} once, when the first byte of the body is written. */
    private static final class FirstWrite extends HttpServletResponseWrapper {

        private final Runnable onFirst;
        private final AtomicBoolean written = new AtomicBoolean();
        private ServletOutputStream stream;

        FirstWrite(HttpServletResponse response, Runnable onFirst) {
            super(response);
            this.onFirst = onFirst;
        }

        @Override
        public synchronized ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream delegate = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        first();
                        delegate.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (len > 0) {
                            first();
                        }
                        delegate.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        delegate.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        delegate.close();
                    }

                    @Override
                    public boolean isReady() {
                        return delegate.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        delegate.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        private void first() {
            if (written.compareAndSet(false, true)) {
                onFirst.run();
            }
        }
    }
}
