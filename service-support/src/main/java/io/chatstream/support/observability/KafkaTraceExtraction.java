package io.chatstream.support.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Continues the producer's trace in every route that consumes a Kafka topic: the W3C
 * {@code traceparent} record header (a String thanks to the consumers' ToStringKafkaHeaderDeserializer;
 * byte[] is read too) becomes the parent of a CONSUMER span that is current while the route runs on
 * the consumer thread, so its logs carry the trace id and what it publishes carries the context on.
 * Auto-discovered by Camel as a RoutePolicyFactory bean.
 */
public final class KafkaTraceExtraction implements RoutePolicyFactory {

    private static final String ACTIVE = "chat.trace.active";

    private static final TextMapGetter<Message> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Message message) {
            return message.getHeaders().keySet();
        }

        @Override
        public String get(Message message, String key) {
            Object value = message == null ? null : message.getHeader(key);
            return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : value == null ? null : value.toString();
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    public KafkaTraceExtraction(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("io.chatstream.kafka");
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                if (route.getEndpoint() instanceof KafkaEndpoint kafka && exchange.getProperty(ACTIVE) == null) {
                    begin(route.getRouteId(), kafka.getConfiguration().getTopic(), exchange);
                }
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                end(exchange);
            }
        };
    }

    private void begin(String routeId, String topic, Exchange exchange) {
        Context parent = propagator.extract(Context.root(), exchange.getIn(), HEADERS);
        Span span = tracer.spanBuilder(topic + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", String.valueOf(exchange.getIn().getHeader(KafkaConstants.KEY)))
                .setAttribute("camel.route.id", routeId)
                .startSpan();
        Scope scope = parent.with(span).makeCurrent();
        exchange.setProperty(ACTIVE, new Active(span, scope, Thread.currentThread()));
    }

    private static void end(Exchange exchange) {
        Active active = exchange.getProperty(ACTIVE, Active.class);
        if (active == null) {
            return;
        }
        exchange.removeProperty(ACTIVE);
        if (exchange.getException() != null) {
            active.span().recordException(exchange.getException());
            active.span().setStatus(StatusCode.ERROR);
        }
        active.span().end();
        // A scope belongs to its thread; a route that ended elsewhere leaves the consumer thread's
        // context to be replaced by its next record.
        if (active.thread() == Thread.currentThread()) {
            active.scope().close();
        }
    }

    private record Active(Span span, Scope scope, Thread thread) {
    }
}
