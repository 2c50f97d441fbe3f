package io.chatstream.worker.infrastructure;

import io.chatstream.worker.application.AnswerOutcome;
import io.chatstream.worker.application.AnswerOutcomes;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outcomes through the route {@code direct:answer-prompt-publish}; the send throws
 * unless the broker acknowledged, so the prompt's offset is never committed before its outcome.
 */
public final class KafkaAnswerOutcomes implements AnswerOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAnswerOutcomes.class);

    private final ProducerTemplate producer;
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
        producer.sendBodyAndHeaders(endpoint, OutcomeJson.write(outcome, usedModel),
                Map.of(KafkaConstants.KEY, outcome.event().sessionId().value()));
        // Ids, status and timings only: prompt and answer text stay out of the logs.
        LOG.info("answer {} {} attempts={} first_token_ms={} total_ms={} model={} trace_id={}",
                outcome.event().requestId(), outcome.event().status().wireName(), outcome.event().attempts(),
                outcome.timings().firstTokenMs(), outcome.timings().totalMs(), usedModel, outcome.prompt().traceId());
    }
}
