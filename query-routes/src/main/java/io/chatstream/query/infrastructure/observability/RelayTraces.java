package io.chatstream.query.infrastructure.observability;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The answer stream (StreamAnswer → gateway → SSE) belongs to another HTTP request than the send,
 * hence to another trace. When a stream has relayed an answer to its end, this records a span in
 * the <em>send's</em> trace (parent = the context stored with the request's ownership when its
 * PromptSubmitted was projected, linked to the stream's own trace) and logs the end under it, so
 * the request's trace id also shows the relay to the client.
 */
public final class RelayTraces {

    private static final Logger LOG = LoggerFactory.getLogger(RelayTraces.class);

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

    public RelayTraces(JdbcTemplate jdbc, OpenTelemetry openTelemetry) {
        this.jdbc = jdbc;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("io.chatstream.query");
    }

    /** The current span as a W3C traceparent, to store with the request's ownership; null outside a trace. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }

    /** Called once a stream has sent its final chunk; {@code streamContext} is the StreamAnswer call's. */
    public void relayed(String requestId, int chunks, String status, Instant openedAt, Context streamContext) {
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
