package io.chatstream.worker.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.domain.OfferedModel;
import io.chatstream.worker.answering.infrastructure.RouteAnswerSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards {@code answer-policy.camel.yaml} (route {@code worker-answer-policy}): the hop the answer and replay
 * routes call sets each prompt's model, attempts and timeouts from the {@code chat.bailian.*} placeholders,
 * under the exchange property names the Java side reads, and touches nothing else.
 */
@DisplayName("answer-policy.camel.yaml")
class AnswerPolicyRouteTest extends WorkerRouteHarness {

    private static final RouteAnswerSettings SETTINGS = new RouteAnswerSettings("qwen-plus", "");

    private static final String ROUTE = "worker-answer-policy";

    @Test
    @DisplayName("is the hop direct:answer-prompt-policy that the answer and replay routes call")
    void calledByName() {
        assertThat(shipped(ROUTE).from()).isEqualTo("direct:answer-prompt-policy");
        assertThat(shipped("worker-answer-prompt").sentTo()).contains("direct:answer-prompt-policy");
        assertThat(shipped("worker-dlq-replay").sentTo()).contains("direct:answer-prompt-policy");
    }

    @Test
    @DisplayName("sets the chat.bailian.* settings where the answer side reads them as this prompt's settings")
    void settingsForThePrompt() {
        Exchange exchange = deliver(ROUTE, "payload");

        assertThat(exchange.getException()).isNull();
        AnswerSettings settings = SETTINGS.read(exchange);
        assertThat(settings).isEqualTo(new AnswerSettings("qwen-route-test", 4,
                Duration.ofSeconds(7), Duration.ofSeconds(3), Duration.ofMinutes(2), settings.catalog()));
        assertThat(settings.catalog().models()).containsExactly(
                new OfferedModel("qwen-route-test", "Route Test", OfferedModel.Thinking.OPTIONAL, false, 1000),
                new OfferedModel("qwq-route-test", "qwq-route-test", OfferedModel.Thinking.ALWAYS, false, 0));
    }

    @Test
    @DisplayName("leaves the message itself as it was")
    void messageUntouched() {
        Exchange exchange = deliver(ROUTE, "the prompt payload", Map.of("kafka.KEY", "session-1"));

        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("the prompt payload");
        assertThat(exchange.getMessage().getHeaders()).containsExactlyEntriesOf(Map.of("kafka.KEY", "session-1"));
    }
}
