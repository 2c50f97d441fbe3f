package io.chatstream.worker.deadletters.infrastructure;

import io.chatstream.worker.answering.application.DeadLetterTopic;
import io.chatstream.worker.answering.application.PromptToAnswer;
import io.chatstream.worker.answering.domain.AnswerEvent.AnswerFailed;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Writes a dead letter: the original PromptSubmitted JSON to the dead-letter topic (through the route
 * {@code direct:answer-prompt-dead-letter}), with the failure as {@code chat-*} headers that
 * {@link DeadLetterTranslator} reads back.
 */
public final class KafkaDeadLetterTopic implements DeadLetterTopic {

    static final String ERROR_CODE = "chat-error-code";
    static final String ERROR_MESSAGE = "chat-error-message";

    private final ProducerTemplate producer;
    private final String endpoint;

    public KafkaDeadLetterTopic(ProducerTemplate producer, String endpoint) {
        this.producer = producer;
        this.endpoint = endpoint;
    }

    @Override
    public void publish(PromptToAnswer prompt, AnswerFailed failure) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KafkaConstants.KEY, prompt.sessionId().value());
        headers.put(ERROR_CODE, failure.errorCode());
        headers.put(ERROR_MESSAGE, failure.errorMessage());
        headers.put("chat-attempts", Integer.toString(failure.attempts()));
        headers.put("chat-first-failure-at", String.valueOf(failure.firstFailureAt()));
        headers.put("chat-last-failure-at", String.valueOf(failure.lastFailureAt()));
        headers.put("chat-trace-id", prompt.traceId());
        producer.sendBodyAndHeaders(endpoint, prompt.originalPayload(), headers);
    }
}
