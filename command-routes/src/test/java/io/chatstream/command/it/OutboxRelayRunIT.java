package io.chatstream.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.command.outbox.infrastructure.OutboxRelay;
import io.chatstream.command.outbox.infrastructure.OutboxSettings;
import io.chatstream.support.kafka.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One relay run at a time ({@link OutboxRelay#relayOnce()}, called by the test, never by the timer) against the
 * real MariaDB and Kafka of {@link CommandItSupport}. The rows go to {@code chat.prompt.cancelled}, whose single
 * partition shows the order of the sends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("An outbox relay run")
class OutboxRelayRunIT extends CommandItSupport {

    private static final String TOPIC = "chat.prompt.cancelled";
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final int BATCH = 5;

    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxSettings settings;
    @Autowired
    KafkaSettings kafkaSettings;

    /** Only the test runs the relay (the timer waits an hour); small batches and quick Kafka timeouts. */
    @DynamicPropertySource
    static void testDrivenRuns(DynamicPropertyRegistry registry) {
        registry.add("chat.outbox.poll-delay", () -> "1h");
        registry.add("chat.outbox.batch-size", () -> BATCH);
        registry.add("chat.outbox.kafka-max-block-ms", () -> "2000");
        registry.add("chat.outbox.kafka-request-timeout-ms", () -> "2000");
        registry.add("chat.outbox.kafka-delivery-timeout-ms", () -> "4000");
    }

    @BeforeEach
    void emptyOutboxFreeLease() {
        jdbc.update("DELETE FROM outbox");
        jdbc.update("UPDATE outbox_relay_lease SET owner = '', lease_until = '1970-01-02 00:00:00' WHERE name = 'relay'");
    }

    @Test
    @Order(1)
    @DisplayName("sends a batch in id order with key and trace context, marks it sent and gives the lease back")
    void batch() throws Exception {
        add("batch-1", "s-a", TRACEPARENT);
        add("batch-2", "s-b", null);
        add("batch-3", "s-c", null);

        OutboxRelay.Run run = relay.relayOnce();

        assertThat(run).isEqualTo(new OutboxRelay.Run(3, 0, Optional.empty(), false));
        List<ConsumerRecord<String, String>> records = records("batch-", 3);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("batch-1", "batch-2", "batch-3");
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("s-a", "s-b", "s-c");
        assertThat(records.get(0).headers().toArray()).extracting(Header::key).containsExactly("traceparent");
        assertThat(new String(records.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(TRACEPARENT);
        assertThat(records.get(1).headers().toArray()).isEmpty();
        assertThat(pending()).isZero();
        assertThat(jdbc.queryForObject("SELECT lease_until <= UTC_TIMESTAMP(6) FROM outbox_relay_lease WHERE name = 'relay'",
                Boolean.class)).as("lease given back").isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("sends at most one row per key per run, defers the rest, and says more may wait")
    void onePerKey() throws Exception {
        add("key-a1", "s-a", null);
        add("key-a2", "s-a", null);
        add("key-b1", "s-b", null);
        add("key-a3", "s-a", null);

        assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.Run(2, 2, Optional.empty(), true));
        assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.Run(1, 1, Optional.empty(), true));
        assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.Run(1, 0, Optional.empty(), false));

        assertThat(records("key-", 4)).extracting(ConsumerRecord::value)
                .containsExactly("key-a1", "key-b1", "key-a2", "key-a3");
        assertThat(pending()).isZero();
    }

    @Test
    @Order(3)
    @DisplayName("says more may wait after a full batch")
    void fullBatch() throws Exception {
        for (int i = 1; i <= BATCH + 1; i++) {
            add("full-" + i, "s-" + i, null);
        }

        assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.Run(BATCH, 0, Optional.empty(), true));
        assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.Run(1, 0, Optional.empty(), false));
        assertThat(records("full-", BATCH + 1)).hasSize(BATCH + 1);
    }

    @Test
    @Order(4)
    @DisplayName("stays out while another instance holds the lease, and relays once it expired")
    void leaseHeldElsewhere() throws Exception {
        jdbc.update("UPDATE outbox_relay_lease SET owner = 'relay-other-instance', "
                + "lease_until = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR WHERE name = 'relay'");
        add("held-1", "s-a", null);

        assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.Run(0, 0, Optional.empty(), false));
        assertThat(pending()).isEqualTo(1);

        jdbc.update("UPDATE outbox_relay_lease SET lease_until = UTC_TIMESTAMP(6) WHERE name = 'relay'");
        assertThat(relay.relayOnce().sent()).isEqualTo(1);
        assertThat(records("held-", 1)).hasSize(1);
    }

    @Test
    @Order(5)
    @DisplayName("gives the lease back, so a second instance runs right after it")
    void secondInstance() throws Exception {
        add("second-1", "s-a", null);
        relay.relayOnce();
        add("second-2", "s-a", null);

        try (OutboxRelay other = new OutboxRelay(jdbc, settings, kafkaSettings.clientProperties())) {
            assertThat(other.relayOnce()).isEqualTo(new OutboxRelay.Run(1, 0, Optional.empty(), false));
            // And this instance's lease keeps the first one out until the lease is back.
            jdbc.update("UPDATE outbox_relay_lease SET lease_until = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR WHERE name = 'relay'");
            add("second-3", "s-a", null);
            assertThat(relay.relayOnce().sent()).isZero();
            assertThat(other.relayOnce().sent()).isEqualTo(1);
        }
        assertThat(records("second-", 3)).extracting(ConsumerRecord::value)
                .containsExactly("second-1", "second-2", "second-3");
    }

    @Test
    @Order(6)
    @DisplayName("marks nothing while Kafka is down, leaves the rows pending, and the next run sends them")
    void kafkaDown(CapturedOutput log) throws Exception {
        add("down-1", "s-a", null);
        add("down-2", "s-b", null);
        kafka.stop();
        try {
            OutboxRelay.Run failed = relay.relayOnce();

            assertThat(failed.sent()).isZero();
            assertThat(failed.deferred()).isEqualTo(2);
            assertThat(failed.failure()).isPresent();
            assertThat(failed.moreMayWait()).isFalse();
            assertThat(pending()).isEqualTo(2);
            assertThat(log.getAll()).contains("outbox relay run failed, 2 rows stay pending: ");
        } finally {
            kafka.restart();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> relay.relayOnce().sent() > 0 && pending() == 0);
        assertThat(records("down-", 2)).extracting(ConsumerRecord::value).containsExactly("down-1", "down-2");
    }

    private void add(String payload, String key, String traceparent) {
        jdbc.update("INSERT INTO outbox (topic, msg_key, payload, traceparent, created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))",
                TOPIC, key, payload, traceparent);
    }

    private int pending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", Integer.class);
    }

    /** The records whose value starts with {@code prefix}, in topic order, once {@code expected} of them arrived. */
    private static List<ConsumerRecord<String, String>> records(String prefix, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cancelled.count(r -> r.value().startsWith(prefix)) >= expected);
        return cancelled.all().stream().filter(r -> r.value().startsWith(prefix)).toList();
    }
}
