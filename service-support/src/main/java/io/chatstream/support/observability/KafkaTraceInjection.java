package io.chatstream.support.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Puts the current W3C trace context on every record sent to a Kafka endpoint (camel-kafka maps
 * the {@code traceparent} header to a record header). Without a current span the message keeps the
 * {@code traceparent} it already has: the outbox relay sets the one stored with the row at submit
 * time. Auto-discovered by Camel as an EventNotifier bean.
 */
public final class KafkaTraceInjection extends EventNotifierSupport {

    public static final String TRACEPARENT = "traceparent";

    private final TextMapPropagator propagator;

    public KafkaTraceInjection(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSendingEvent sending && sending.getEndpoint() instanceof KafkaEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        Message message = ((CamelEvent.ExchangeSendingEvent) event).getExchange().getMessage();
        if (Span.current().getSpanContext().isValid() || message.getHeader(TRACEPARENT) == null) {
            propagator.inject(Context.current(), message, Message::setHeader);
        }
    }
}
