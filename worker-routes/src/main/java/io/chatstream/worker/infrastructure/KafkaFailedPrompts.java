package io.chatstream.worker.infrastructure;

import io.chatstream.worker.application.FailedPrompts;
import io.chatstream.worker.application.PromptToAnswer;
import io.chatstream.worker.domain.AnswerEvent.AnswerFailed;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/** Parks the original PromptSubmitted JSON in the dead-letter topic with the failure as headers. */
public final class KafkaFailedPrompts implements FailedPrompts {

    static final String ERROR_CODE = "chat-error-code";
    static final String ERROR_MESSAGE = "chat-error-message";

    private final ProducerTemplate producer;
    private final String endpoint;

    public KafkaFailedPrompts(ProducerTemplate producer, String endpoint) {
        this.producer = producer;
        this.endpoint = endpoint;
    }

    @Override
    public void park(PromptToAnswer prompt, AnswerFailed failure) {
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
