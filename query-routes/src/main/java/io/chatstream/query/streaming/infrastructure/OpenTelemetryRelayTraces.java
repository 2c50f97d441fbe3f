package io.chatstream.query.streaming.infrastructure;

import io.chatstream.query.streaming.application.RelayTraces;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link RelayTraces} with OpenTelemetry. The answer stream (StreamAnswer → gateway → SSE) belongs to another HTTP
 * request than the send, hence to another trace. When a stream has relayed an answer to its end, this records a
 * span in the <em>send's</em> trace (parent = the context stored with the request's ownership when its
 * PromptSubmitted was projected, linked to the stream's own trace) and logs the end under it, so the request's
 * trace id also shows the relay to the client. The span is recorded on {@code executor}: off the thread that sent
 * the final chunk, which is the one reader thread relaying every live stream (the span looks its parent up in the DB).
 */
public final class OpenTelemetryRelayTraces implements RelayTraces {

    private static final Logger LOG = LoggerFactory.getLogger(OpenTelemetryRelayTraces.class);

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final JdbcTemplate jdbc;
    private final TextMapPropagator propagator;
    private final Tracer tracer;
    private final Executor executor;

    public OpenTelemetryRelayTraces(JdbcTemplate jdbc, OpenTelemetry openTelemetry, Executor executor) {
        this.jdbc = jdbc;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("io.chatstream.query");
        this.executor = executor;
    }

    /** The current span as a W3C traceparent, to store with the request's ownership; null outside a trace. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }

    @Override
    public BiConsumer<Integer, String> opened(String requestId) {
        Instant openedAt = Instant.now();
        Context streamContext = Context.current();
        return (chunks, status) -> executor.execute(() ->
                relayed(requestId, chunks, status, openedAt, streamContext));
    }

    /** Called once a stream has sent its final chunk; {@code streamContext} is the StreamAnswer call's. */
    void relayed(String requestId, int chunks, String status, Instant openedAt, Context streamContext) {
        try {
            Context parent = requestContext(requestId);
            Span span = tracer.spanBuilder("answer stream relay").setParent(parent)
                    .setStartTimestamp(openedAt)
                    .addLink(Span.fromContext(streamContext).getSpanContext())
                    .setAttribute("chat.request_id", requestId)
                    .setAttribute("chat.chunks", chunks)
                    .startSpan();
            try (Scope ignored = parent.with(span).makeCurrent()) {
                LOG.info("answer stream {} relayed to the client: {} chunks, {} (stream trace {})", requestId, chunks,
                        status, Span.fromContext(streamContext).getSpanContext().getTraceId());
            } finally {
                span.end();
            }
        } catch (RuntimeException e) {
            // Observability must never break a stream.
            LOG.debug("no relay trace for {}: {}", requestId, e.toString());
        }
    }

    private Context requestContext(String requestId) {
        List<String> found = jdbc.queryForList(
                "SELECT traceparent FROM request_ownership WHERE request_id = ?", String.class, requestId);
        String traceparent = found.isEmpty() ? null : found.get(0);
        return traceparent == null ? Context.root()
                : propagator.extract(Context.root(), Map.of("traceparent", traceparent), MAP);
    }
}
