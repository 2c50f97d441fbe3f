package io.chatstream.worker.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * Guards {@code dlq-index.camel.yaml}: {@code worker-dlq-index} reads the whole dead-letter topic from its
 * start, in a group of its own, into the index (read, then recorded; an unreadable record is still listed);
 * {@code worker-dlq-audit} sends operator actions to the audit topic with every replica's acknowledgement.
 */
@DisplayName("dlq-index.camel.yaml")
class DlqIndexRouteTest extends WorkerRouteHarness {

    private static final String INDEX = "worker-dlq-index";
    private static final String AUDIT = "worker-dlq-audit";

    @Test
    @DisplayName("reads chat.topics.answer-dlq from the earliest record, in a group of its own")
    void readsTheWholeTopic() {
        ShippedRoute route = shipped(INDEX);

        assertThat(ShippedRoute.withoutOptions(route.from())).isEqualTo("kafka:" + property("chat.topics.answer-dlq"));
        assertThat(route.fromOptions())
                .containsEntry("autoOffsetReset", "earliest")
                .containsEntry("maxPollRecords", property("chat.dlq.index.max-poll-records"));
        assertThat(route.fromOptions().get("groupId")).asString().startsWith("worker-dlq-index-")
                .isNotEqualTo(property("chat.worker.group-id"));
    }

    @Test
    @DisplayName("a dead-letter record is read into a dead letter, then recorded in the index")
    void readThenRecorded() {
        Exchange exchange = deliver(INDEX, Payloads.promptSubmitted(),
                Map.of("chat-error-code", "TIMEOUT", "kafka.PARTITION", 2, "kafka.OFFSET", 41L));

        assertThat(exchange.getException()).isNull();
        InOrder order = inOrder(deadLetterTranslator, deadLetters);
        order.verify(deadLetterTranslator).read(any());
        order.verify(deadLetters).record(argThat(letter -> letter.requestId().equals(Payloads.REQUEST_ID)
                && letter.errorCode().equals("TIMEOUT") && letter.partition() == 2 && letter.offset() == 41L
                && letter.readable()));
    }

    @Test
    @DisplayName("a record whose payload cannot be read is still indexed, under its position; nothing escapes")
    void unreadableStillIndexed() {
        Exchange exchange = deliver(INDEX, Payloads.UNREADABLE,
                Map.of("chat-error-code", "UNREADABLE_EVENT", "kafka.PARTITION", 0, "kafka.OFFSET", 7L));

        assertThat(exchange.getException()).isNull();
        verify(deadLetters).record(argThat(letter -> letter.requestId().equals("unreadable-0-7")
                && !letter.readable()));
    }

    @Test
    @DisplayName("an operator action goes unchanged to chat.topics.audit-log, acknowledged by all replicas")
    void auditsToTopic() throws Exception {
        MockEndpoint topic = kafkaOf(AUDIT);
        topic.expectedBodiesReceived("{\"action\":\"replay\"}");

        deliver(AUDIT, "{\"action\":\"replay\"}");

        topic.assertIsSatisfied();
        assertThat(shipped(AUDIT).sentTo()).containsExactly(
                "kafka:" + property("chat.topics.audit-log") + "?requestRequiredAcks=all");
    }
}
