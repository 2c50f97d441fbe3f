package io.chatstream.command.routes;

import static io.chatstream.command.routes.InfrastructureAdvice.GIVE_LEASE_BACK;
import static io.chatstream.command.routes.InfrastructureAdvice.MARK_SENT;
import static io.chatstream.command.routes.InfrastructureAdvice.NEXT_RUN;
import static io.chatstream.command.routes.InfrastructureAdvice.POLL_TICK;
import static io.chatstream.command.routes.InfrastructureAdvice.SELECT_PENDING;
import static io.chatstream.command.routes.InfrastructureAdvice.TAKE_LEASE;
import static io.chatstream.command.outbox.infrastructure.OutboxBatchPublisher.DEFERRED;
import static io.chatstream.command.outbox.infrastructure.OutboxBatchPublisher.FAILURE;
import static io.chatstream.command.outbox.infrastructure.OutboxBatchPublisher.IDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatstream.command.outbox.infrastructure.OutboxRelayLease;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Guards {@code outbox-relay.camel.yaml}: a run takes the lease, selects the pending rows, hands them to
 * {@code outboxBatchPublisher} with the relay's Kafka URI (acks=all, idempotent, not synchronous), marks only
 * the acknowledged rows sent, gives the lease back, and queues another run when more rows may wait; another
 * instance's lease skips the run; runs never overlap; the timer is a fallback that wakes the same queue.
 */
@DisplayName("Routes command-outbox-relay and command-outbox-relay-poll")
@ExtendWith(OutputCaptureExtension.class)
class OutboxRelayRouteTest extends CommandRouteTest {

    @Autowired
    io.chatstream.command.outbox.infrastructure.OutboxCleanup outboxCleanup;

    @Autowired
    OutboxRelayLease lease;

    private final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    private int leaseRowsUpdated;
    private List<Map<String, Object>> pending;
    private Map<String, Object> published;

    @BeforeEach
    void relayDoubles() throws Exception {
        leaseRowsUpdated = 1;
        pending = rows(2);
        published = result(List.of(1L, 2L), 0, null);
        mock(TAKE_LEASE).whenAnyExchangeReceived(e -> {
            steps.add("take lease");
            e.getMessage().setHeader("CamelSqlUpdateCount", leaseRowsUpdated);
        });
        mock(SELECT_PENDING).whenAnyExchangeReceived(e -> {
            steps.add("select pending");
            e.getMessage().setBody(pending);
        });
        mock(MARK_SENT).whenAnyExchangeReceived(e -> steps.add("mark sent"));
        mock(GIVE_LEASE_BACK).whenAnyExchangeReceived(e -> steps.add("give lease back"));
        when(outboxBatchPublisher.publish(anyList(), anyString())).thenAnswer(call -> {
            steps.add("publish");
            return published;
        });
    }

    @Test
    @DisplayName("takes the lease, selects, publishes, marks the acknowledged rows sent, gives the lease back")
    void run() throws Exception {
        published = result(List.of(1L), 1, null);

        relay();

        assertThat(steps).containsExactly("take lease", "select pending", "publish", "mark sent", "give lease back");
        verify(outboxBatchPublisher).publish(eq(pending), anyString());
        assertThat(body(TAKE_LEASE)).isEqualTo(Map.of("owner", lease.owner()));
        assertThat(body(MARK_SENT)).extracting(b -> ((Map<?, ?>) b).get(IDS)).isEqualTo(List.of(1L));
        assertThat(body(GIVE_LEASE_BACK)).isEqualTo(Map.of("owner", lease.owner()));
    }

    @Test
    @DisplayName("publishes through a Kafka producer that waits for all replicas, idempotent and not synchronous")
    void kafkaProducer() throws Exception {
        relay();

        ArgumentCaptor<String> uri = ArgumentCaptor.forClass(String.class);
        verify(outboxBatchPublisher).publish(anyList(), uri.capture());
        assertThat(uri.getValue())
                .startsWith("kafka:" + property("chat.topics.prompt-submitted") + "?")
                .contains("requestRequiredAcks=all", "enableIdempotence=true", "maxInFlightRequest=5",
                        "maxBlockMs=" + property("chat.outbox.kafka-max-block-ms"),
                        "deliveryTimeoutMs=" + property("chat.outbox.kafka-delivery-timeout-ms"),
                        "valueSerializer=org.apache.kafka.common.serialization.StringSerializer",
                        "keySerializer=org.apache.kafka.common.serialization.StringSerializer")
                .doesNotContain("synchronous=true");
    }

    @Test
    @DisplayName("skips the run while another instance holds the lease")
    void leaseHeldElsewhere() throws Exception {
        leaseRowsUpdated = 0;

        relay();

        assertThat(steps).containsExactly("take lease");
    }

    @Test
    @DisplayName("after a failed publish marks nothing, gives the lease back, logs and waits for the next trigger")
    void publishFailed(CapturedOutput log) throws Exception {
        published = result(List.of(), 2, "TimeoutException: no Kafka ack");

        relay();

        assertThat(steps).containsExactly("take lease", "select pending", "publish", "give lease back");
        assertThat(mock(NEXT_RUN).getReceivedCounter()).isZero();
        assertThat(log.getAll()).contains("outbox relay run failed, 2 rows stay pending: TimeoutException: no Kafka ack");
    }

    @Test
    @DisplayName("queues another run at once after a full batch")
    void fullBatch() throws Exception {
        int batchSize = Integer.parseInt(property("chat.outbox.batch-size"));
        pending = rows(batchSize);
        published = result(LongStream.rangeClosed(1, batchSize).boxed().toList(), 0, null);
        mock(NEXT_RUN).expectedMessageCount(1);

        relay();

        mock(NEXT_RUN).assertIsSatisfied();
    }

    @Test
    @DisplayName("queues another run at once when rows were held back for it")
    void deferredRows() throws Exception {
        published = result(List.of(1L), 1, null);
        mock(NEXT_RUN).expectedMessageCount(1);

        relay();

        mock(NEXT_RUN).assertIsSatisfied();
    }

    @Test
    @DisplayName("waits for the next trigger after a partial batch with nothing held back")
    void partialBatch() throws Exception {
        relay();

        assertThat(mock(NEXT_RUN).getReceivedCounter()).isZero();
        assertThat(mock(MARK_SENT).getReceivedCounter()).isEqualTo(1);
    }

    @Test
    @DisplayName("runs one at a time from the one-slot queue the use cases wake")
    void oneRunAtATime() {
        SedaEndpoint queue = (SedaEndpoint) camel.getRoute("command-outbox-relay").getEndpoint();
        SedaEndpoint wakeUp = camel.getEndpoint(property("chat.outbox.trigger-uri"), SedaEndpoint.class);

        assertThat(queue.getSize()).isEqualTo(1);
        assertThat(queue.getConcurrentConsumers()).isEqualTo(1);
        assertThat(wakeUp.getQueue()).isSameAs(queue.getQueue());
        assertThat(wakeUp.isDiscardWhenFull()).isTrue();
    }

    @Test
    @DisplayName("polls every chat.outbox.poll-delay as a fallback, by waking the same queue")
    void poll() throws Exception {
        mock(NEXT_RUN).expectedMessageCount(1);

        producer.sendBody(POLL_TICK, null);

        mock(NEXT_RUN).assertIsSatisfied();
        assertThat(InfrastructureAdvice.shippedInput("command-outbox-relay-poll"))
                .startsWith("timer:command-outbox-relay?")
                .contains("period=" + property("chat.outbox.poll-delay"), "delay=" + property("chat.outbox.poll-delay"));
    }

    @Test
    @DisplayName("drops old sent rows every chat.outbox.cleanup-interval through outboxCleanup.run")
    void cleanup() {
        org.mockito.Mockito.reset(outboxCleanup);

        producer.sendBody(InfrastructureAdvice.CLEANUP_TICK, null);

        org.mockito.Mockito.verify(outboxCleanup).run();
        assertThat(InfrastructureAdvice.shippedInput("command-outbox-cleanup"))
                .startsWith("timer:command-outbox-cleanup?")
                .contains("period=" + property("chat.outbox.cleanup-interval"));
    }

    /** Wakes the relay as the use cases do and waits until that run has ended. */
    private void relay() {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("command-outbox-relay").whenCompleted(1).create();
        producer.sendBody(property("chat.outbox.trigger-uri"), "trigger");
        assertThat(done.matches(10, TimeUnit.SECONDS)).as("relay run completed").isTrue();
    }

    private Object body(String mockUri) {
        List<Exchange> received = mock(mockUri).getReceivedExchanges();
        assertThat(received).as(mockUri).hasSize(1);
        return received.get(0).getMessage().getBody();
    }

    private static List<Map<String, Object>> rows(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            rows.add(Map.of("id", id, "topic", "chat.prompt.submitted", "msg_key", "session-" + id, "payload", "{}"));
        }
        return rows;
    }

    private static Map<String, Object> result(List<Long> ids, int deferred, String failure) {
        Map<String, Object> result = new HashMap<>();
        result.put(IDS, ids);
        result.put(DEFERRED, deferred);
        result.put(FAILURE, failure);
        return result;
    }
}
