package io.chatstream.query.routes;

import static io.chatstream.query.routes.ShippedRoutes.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import ch.qos.logback.classic.Level;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.query.projection.interfaces.EventProjections;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The contract every projection flow keeps (docs/routes.md, query): it reads its topic in its own consumer group,
 * commits manually and stops at the first error; it hands the payload to one {@code eventProjections} method and
 * only then advances the position; an unreadable payload is logged with its place in the topic and skipped, and
 * the position still advances; any other failure goes to the shared {@code query-error-handling}
 * ({@link ErrorHandlingRouteTest}).
 */
abstract class ProjectionRouteTest extends QueryRouteTest {

    private static final String PAYLOAD = "{\"request_id\":\"r-1\"}";

    abstract String routeId();

    /** The property naming the topic the flow reads. */
    abstract String topicProperty();

    /** The property naming the flow's consumer group. */
    abstract String groupProperty();

    /** The projection the flow runs, called on {@code projections} (a mock, or Mockito's verify/stub form of it). */
    abstract void project(EventProjections projections, String payload);

    @Test
    @DisplayName("reads its topic in its own consumer group, commits manually and stops at the first error")
    void readsItsTopic() {
        ShippedConsumer consumer = routes.shippedConsumer(routeId());

        assertThat(consumer.address()).isEqualTo("kafka:" + property(topicProperty()));
        assertThat(consumer.options())
                .containsEntry("groupId", property(groupProperty()))
                .containsEntry("autoCommitEnable", "false")
                .containsEntry("allowManualCommit", "true")
                .containsEntry("breakOnFirstError", "true");
    }

    @Test
    @DisplayName("hands technical failures to the shared error handling")
    void usesSharedErrorHandling() {
        assertThat(routeDefinition(routeId()).getRouteConfigurationId()).isEqualTo("query-error-handling");
    }

    @Test
    @DisplayName("projects the event, then advances the position")
    void projectsThenAdvances() {
        KafkaManualCommit position = mock(KafkaManualCommit.class);

        Exchange done = template.send(entry(routeId()), record(PAYLOAD, position));

        assertThat(done.getException()).isNull();
        InOrder order = inOrder(projections, position);
        project(order.verify(projections), PAYLOAD);
        order.verify(position).commit();
        verifyNoMoreInteractions(projections, position);
    }

    @Test
    @DisplayName("logs an unreadable payload with its offset, skips it without a retry and still advances the position")
    void skipsUnreadable() {
        KafkaManualCommit position = mock(KafkaManualCommit.class);
        project(doThrow(new UnreadableEventException("malformed session_id")).when(projections), PAYLOAD);

        try (CapturedLog log = CapturedLog.of("io.chatstream.query.projection")) {
            Exchange done = template.send(entry(routeId()), record(PAYLOAD, position));

            assertThat(done.getException()).isNull();
            assertThat(log.at(Level.WARN)).singleElement().asString().contains("41");
        }
        project(verify(projections), PAYLOAD);
        verify(position).commit();
        verifyNoMoreInteractions(projections, position);
    }

    /** A record as the Kafka consumer hands it over: partition 2, offset 41, with its manual commit. */
    Exchange record(String payload, KafkaManualCommit position) {
        return ExchangeBuilder.anExchange(context).withBody(payload)
                .withHeader(KafkaConstants.PARTITION, 2)
                .withHeader(KafkaConstants.OFFSET, 41L)
                .withHeader(KafkaConstants.MANUAL_COMMIT, position).build();
    }
}
