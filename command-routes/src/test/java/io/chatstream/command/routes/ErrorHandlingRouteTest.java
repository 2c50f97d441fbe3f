package io.chatstream.command.routes;

import static io.chatstream.command.routes.InfrastructureAdvice.ANSWER_RECORD;
import static io.chatstream.command.routes.InfrastructureAdvice.NEXT_RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Guards {@code error-handling.camel.yaml}: which route uses which route configuration (the gRPC routes use none:
 * their bean method answers every call itself, GrpcReplies), that a failed relay run is only logged
 * (its rows stay pending for the next run), and that a consumer redelivers a technical failure
 * {@code chat.answers.max-redeliveries} times with a backoff from {@code chat.answers.redelivery-delay}
 * before it gives up.
 */
@DisplayName("Route configurations of error-handling.camel.yaml")
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingRouteTest extends CommandRouteTest {

    @Test
    @DisplayName("are used by the routes as documented")
    void assignment() {
        Map<String, String> used = new TreeMap<>();
        for (RouteDefinition route : camel.getRouteDefinitions()) {
            used.put(route.getRouteId(), String.valueOf(route.getRouteConfigurationId()));
        }
        assertThat(used).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("command-grpc-entry", "null"),
                Map.entry("command-submit-prompt", "null"),
                Map.entry("command-select-version", "null"),
                Map.entry("command-cancel-prompt", "null"),
                Map.entry("command-rename-session", "null"),
                Map.entry("command-pin-session", "null"),
                Map.entry("command-delete-session", "null"),
                Map.entry("command-get-prompt-status", "null"),
                Map.entry("command-record-answer", "command-consumer-errors"),
                Map.entry("command-apply-suggested-title", "command-consumer-errors"),
                Map.entry("command-outbox-relay", "command-relay-errors"),
                Map.entry("command-outbox-relay-poll", "null"),
                Map.entry("command-outbox-cleanup", "null")));
    }

    @Test
    @DisplayName("command-consumer-errors: redelivers a technical failure chat.answers.max-redeliveries times, then gives up")
    void consumerErrors() {
        TransientDataAccessResourceException down = new TransientDataAccessResourceException("database down");
        when(recordingAnswer.record(any())).thenThrow(down);

        Exchange exchange = producer.send(ANSWER_RECORD, e -> e.getMessage().setBody(EventJson.write(
                AnswerCompleted.newBuilder().setRequestId("req-00001").setStatus("completed").build())));

        assertThat(exchange.getException()).isSameAs(down);
        verify(recordingAnswer, times(1 + REDELIVERIES)).record(any());
        DefaultErrorHandlerDefinition handler = (DefaultErrorHandlerDefinition)
                configuration("command-consumer-errors").getErrorHandler().getErrorHandlerType();
        assertThat(handler.getRedeliveryPolicy().getMaximumRedeliveries()).isEqualTo("{{chat.answers.max-redeliveries}}");
        assertThat(handler.getRedeliveryPolicy().getRedeliveryDelay()).isEqualTo("{{chat.answers.redelivery-delay}}");
        assertThat(handler.getRedeliveryPolicy().getUseExponentialBackOff()).isEqualTo("true");
    }

    @Test
    @DisplayName("command-relay-errors: a failed relay run is logged and ends, its rows stay pending")
    void relayErrors(CapturedOutput log) throws Exception {
        when(outboxRelay.relayOnce()).thenThrow(new IllegalStateException("database gone in test"));
        NotifyBuilder handled = new NotifyBuilder(camel).fromRoute("command-outbox-relay").whenCompleted(1).create();

        producer.sendBody(property("chat.outbox.trigger-uri"), "trigger");

        assertThat(handled.matches(10, TimeUnit.SECONDS)).as("the failed run ends as handled").isTrue();
        assertThat(mock(NEXT_RUN).getReceivedCounter()).isZero();
        assertThat(log.getAll()).contains("outbox relay run failed, rows stay pending: database gone in test");
    }

    private RouteConfigurationDefinition configuration(String id) {
        return camel.getRouteConfigurationDefinitions().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no route configuration " + id));
    }
}
