package io.chatstream.worker.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.apache.camel.Exchange;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards {@code error-handling.camel.yaml} (route configuration {@code worker-error-handling}, named by the
 * answer route): a technical failure fails the record, so the consumer reads it again, and nothing is committed
 * or parked for it; an unreadable payload is a verdict, not a failure, and is never retried. The route never
 * redelivers: retries of an answer belong to the dispatcher alone ({@code chat.worker.redeliveries}).
 */
@DisplayName("error-handling.camel.yaml")
class ErrorHandlingRouteTest extends WorkerRouteHarness {

    private static final String ANSWER_ROUTE = "worker-answer-prompt";

    @Test
    @DisplayName("is the route configuration worker-error-handling, and the answer route uses it")
    void namedAndUsed() {
        assertThat(((ModelCamelContext) camel).getRouteConfigurationDefinitions())
                .extracting(RouteConfigurationDefinition::getId).contains("worker-error-handling");
        assertThat(shipped(ANSWER_ROUTE).configurationId()).isEqualTo("worker-error-handling");
    }

    @Test
    @DisplayName("a technical failure fails the record: nothing is committed or parked, so the consumer reads it again")
    void failureLeavesRecordUncommitted() throws Exception {
        doThrow(new IllegalStateException("Redis not reachable")).when(answerDispatcher).dispatch(any(), any());

        Exchange exchange = deliver(ANSWER_ROUTE, Payloads.promptSubmitted());

        assertThat(exchange.getException()).hasMessage("Redis not reachable");
        verify(kafkaOffsets, never()).commit(any());
        assertThat(kafkaOf("worker-answer-prompt-dead-letter").getReceivedCounter()).isZero();
    }

    @Test
    @DisplayName("the answer route never redelivers: a failing step runs once (the dispatcher owns the retries)")
    void noRedelivery() throws Exception {
        doThrow(new IllegalStateException("Redis not reachable")).when(answerDispatcher).dispatch(any(), any());

        deliver(ANSWER_ROUTE, Payloads.promptSubmitted());

        // The answer's own retries (AnswerDispatcher, chat.worker.redeliveries) are what retries a prompt.
        verify(answerDispatcher, times(1)).dispatch(any(), any());
    }

    @Test
    @DisplayName("its error handler redelivers nothing: chat.worker.redeliveries has one owner, the AnswerDispatcher")
    void noRedeliveryPolicy() {
        RouteConfigurationDefinition configuration = ((ModelCamelContext) camel).getRouteConfigurationDefinitions()
                .stream().filter(c -> "worker-error-handling".equals(c.getId())).findFirst().orElseThrow();
        RedeliveryPolicyDefinition policy = ((DefaultErrorHandlerDefinition)
                configuration.getErrorHandler().getErrorHandlerType()).getRedeliveryPolicy();

        assertThat(policy.getMaximumRedeliveries()).isEqualTo("0");
    }

    @Test
    @DisplayName("an unreadable payload is read once, never retried")
    void unreadableNotRetried() {
        Exchange exchange = deliver(ANSWER_ROUTE, Payloads.UNREADABLE);

        assertThat(exchange.getException()).isNull();
        verify(promptSubmittedTranslator, times(1)).translate(Payloads.UNREADABLE);
    }
}
