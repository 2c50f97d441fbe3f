package io.chatstream.worker.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.infrastructure.RouteAnswerSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * Guards {@code answer-prompt.camel.yaml}: the answer route reads a submitted prompt, takes its settings from
 * the policy hop and hands both to the dispatcher; an unreadable payload is parked on the dead-letter topic,
 * counted and only then committed; the consumer keeps the options that make it at-least-once; the outcome and
 * dead-letter hops send to their topics with every replica's acknowledgement.
 */
@DisplayName("answer-prompt.camel.yaml")
class AnswerPromptRouteTest extends WorkerRouteHarness {

    private static final RouteAnswerSettings SETTINGS = new RouteAnswerSettings("qwen-plus", "");

    private static final String ROUTE = "worker-answer-prompt";
    private static final String PUBLISH = "worker-answer-prompt-publish";
    private static final String DEAD_LETTER = "worker-answer-prompt-dead-letter";

    @Test
    @DisplayName("consumes chat.topics.prompt-submitted in the answer group, with the at-least-once options fixed")
    void atLeastOnceConsumer() {
        ShippedRoute route = shipped(ROUTE);

        assertThat(ShippedRoute.withoutOptions(route.from())).isEqualTo("kafka:" + property("chat.topics.prompt-submitted"));
        assertThat(route.fromOptions())
                .containsEntry("groupId", property("chat.worker.group-id"))
                .containsEntry("autoCommitEnable", "false")
                .containsEntry("allowManualCommit", "true")
                .containsEntry("breakOnFirstError", "true")
                .containsEntry("kafkaClientFactory", "#guardedKafkaClientFactory")
                .containsEntry("kafkaManualCommitFactory",
                        "#class:org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory");
        assertThat(route.configurationId()).isEqualTo("worker-error-handling");
    }

    @Test
    @DisplayName("a prompt is translated, given the policy's settings, then handed to the dispatcher")
    void dispatchesWithSettings() throws Exception {
        AtomicReference<AnswerSettings> settingsAtDispatch = new AtomicReference<>();
        doAnswer(call -> {
            settingsAtDispatch.set(SETTINGS.read(call.getArgument(1, Exchange.class)));
            return null;
        }).when(answerDispatcher).dispatch(any(), any());

        Exchange exchange = deliver(ROUTE, Payloads.promptSubmitted());

        assertThat(exchange.getException()).isNull();
        InOrder order = inOrder(promptSubmittedTranslator, answerDispatcher);
        order.verify(promptSubmittedTranslator).translate(Payloads.promptSubmitted());
        order.verify(answerDispatcher).dispatch(
                argThat(prompt -> prompt.requestId().value().equals(Payloads.REQUEST_ID)), any());
        assertThat(settingsAtDispatch.get().model()).isEqualTo("qwen-route-test");
        assertThat(settingsAtDispatch.get().maxAttempts()).isEqualTo(4);
        // The dispatcher commits once the answer is out; the route itself neither commits nor parks.
        verify(kafkaOffsets, never()).commit(any());
        assertThat(kafkaOf(DEAD_LETTER).getReceivedCounter()).isZero();
    }

    @Test
    @DisplayName("an unreadable payload is parked with UNREADABLE_EVENT, counted, then committed; nothing escapes")
    void unreadableIsParkedThenCommitted() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        MockEndpoint deadLetterTopic = kafkaOf(DEAD_LETTER);
        deadLetterTopic.whenAnyExchangeReceived(e -> steps.add("parked"));
        deadLetterTopic.expectedBodiesReceived(Payloads.UNREADABLE);
        deadLetterTopic.expectedHeaderReceived("chat-error-code", "UNREADABLE_EVENT");
        doAnswer(call -> steps.add("counted")).when(deadLetterMeter).count(any());
        doAnswer(call -> steps.add("committed")).when(kafkaOffsets).commit(any());

        Exchange exchange = deliver(ROUTE, Payloads.UNREADABLE);

        assertThat(exchange.getException()).isNull();
        deadLetterTopic.assertIsSatisfied();
        assertThat(deadLetterTopic.getExchanges().get(0).getMessage().getHeader("chat-error-message", String.class))
                .isNotBlank();
        assertThat(steps).containsExactly("parked", "counted", "committed");
        verify(deadLetterMeter).count("UNREADABLE_EVENT");
        verify(answerDispatcher, never()).dispatch(any(), any());
    }

    @Test
    @DisplayName("an unreadable payload the dead-letter topic does not take fails the record and is not committed")
    void unparkedIsNotCommitted() throws Exception {
        kafkaOf(DEAD_LETTER).whenAnyExchangeReceived(e -> {
            throw new IllegalStateException("broker not reachable");
        });

        Exchange exchange = deliver(ROUTE, Payloads.UNREADABLE);

        assertThat(exchange.getException()).isNotNull();
        verify(kafkaOffsets, never()).commit(any());
        verify(deadLetterMeter, never()).count(any());
    }

    @Test
    @DisplayName("the outcome goes unchanged to chat.topics.answer-completed, acknowledged by all replicas")
    void publishesOutcome() throws Exception {
        MockEndpoint topic = kafkaOf(PUBLISH);
        topic.expectedBodiesReceived("{\"request_id\":\"" + Payloads.REQUEST_ID + "\"}");
        topic.expectedHeaderReceived("kafka.KEY", Payloads.SESSION_ID);

        deliver(PUBLISH, "{\"request_id\":\"" + Payloads.REQUEST_ID + "\"}", Map.of("kafka.KEY", Payloads.SESSION_ID));

        topic.assertIsSatisfied();
        assertThat(shipped(PUBLISH).sentTo()).containsExactly(
                "kafka:" + property("chat.topics.answer-completed") + "?requestRequiredAcks=all");
    }

    @Test
    @DisplayName("a dead letter goes to chat.topics.answer-dlq with its failure headers, then is counted by code")
    void parksAndCounts() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        MockEndpoint topic = kafkaOf(DEAD_LETTER);
        topic.whenAnyExchangeReceived(e -> steps.add("parked"));
        topic.expectedHeaderReceived("chat-error-code", "TIMEOUT");
        doAnswer(call -> steps.add("counted")).when(deadLetterMeter).count(any());

        deliver(DEAD_LETTER, Payloads.promptSubmitted(), Map.of("chat-error-code", "TIMEOUT"));

        topic.assertIsSatisfied();
        assertThat(steps).containsExactly("parked", "counted");
        verify(deadLetterMeter).count("TIMEOUT");
        assertThat(shipped(DEAD_LETTER).sentTo()).containsExactly(
                "kafka:" + property("chat.topics.answer-dlq") + "?requestRequiredAcks=all");
    }
}
