package io.chatstream.worker.answering.infrastructure;

import io.chatstream.support.observability.KafkaTraceInjection;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import io.chatstream.worker.answering.application.AnswerOutcome;
import io.chatstream.worker.answering.application.AnswerOutcomes;
import io.chatstream.worker.answering.domain.AnswerEvent;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Publishes outcomes through the route {@code direct:answer-prompt-publish}; the send throws
 * unless the broker acknowledged, so the prompt's offset is never committed before its outcome.
 */
public final class KafkaAnswerOutcomes implements AnswerOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAnswerOutcomes.class);

    private final ProducerTemplate producer;
    /** Micrometer Tracing's MDC key, written as trace_id in the JSON logs. */
    private static final String MDC_TRACE_ID = "traceId";
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    private final String endpoint;
    private final String model;

    public KafkaAnswerOutcomes(ProducerTemplate producer, String endpoint, String model) {
        this.producer = producer;
        this.endpoint = endpoint;
        this.model = model;
    }

    @Override
    public void publish(AnswerOutcome outcome) {
        String usedModel = outcome.model() == null ? model : outcome.model();
        String traceId = outcome.prompt().traceId();
        // The log line belongs to the prompt's trace too, also when no span is current here.
        boolean ownMdc = MDC.get(MDC_TRACE_ID) == null && traceparent(traceId).isPresent();
        if (ownMdc) {
            MDC.put(MDC_TRACE_ID, traceId);
        }
        try {
            send(outcome, usedModel);
        } finally {
            if (ownMdc) {
                MDC.remove(MDC_TRACE_ID);
            }
        }
    }

    private void send(AnswerOutcome outcome, String usedModel) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KafkaConstants.KEY, outcome.event().sessionId().value());
        // The outcome may be published from a provider callback thread that holds no trace context:
        // the prompt's own trace id keeps the answer in the chat's trace (a current span, when there
        // is one, still takes precedence in KafkaTraceInjection).
        traceparent(outcome.prompt().traceId()).ifPresent(t -> headers.put(KafkaTraceInjection.TRACEPARENT, t));
        producer.sendBodyAndHeaders(endpoint, OutcomeJson.write(outcome, usedModel), headers);
        // Ids, status and timings only: prompt and answer text stay out of the logs.
        String failure = outcome.event() instanceof AnswerEvent.AnswerFailed f
                ? " failure_class=" + f.failureClass().wireName() + " error_code=" + f.errorCode() : "";
        LOG.info("answer {} {}{} attempts={} first_token_ms={} total_ms={} model={} trace_id={}",
                outcome.event().requestId(), outcome.event().status().wireName(), failure, outcome.event().attempts(),
                outcome.timings().firstTokenMs(), outcome.timings().totalMs(), usedModel, outcome.prompt().traceId());
    }

    /** A W3C traceparent for a new span in the given trace, when it is a valid trace id. */
    static Optional<String> traceparent(String traceId) {
        if (traceId == null || !TRACE_ID.matcher(traceId).matches() || traceId.chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        long span;
        do {
            span = ThreadLocalRandom.current().nextLong();
        } while (span == 0);
        return Optional.of("00-" + traceId + "-" + String.format("%016x", span) + "-01");
    }
}
