package io.chatstream.command.outbox.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.component.kafka.KafkaClientFactory;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The relay's batch publisher against Kafka's MockProducer (acks completed or failed by the test). */
@DisplayName("The outbox batch publisher")
class OutboxBatchPublisherTest {

    private static final String URI = "kafka:chat.prompt.submitted?brokers=127.0.0.1:1&deliveryTimeoutMs=60000"
            + "&valueSerializer=org.apache.kafka.common.serialization.StringSerializer"
            + "&keySerializer=org.apache.kafka.common.serialization.StringSerializer";

    private final MockProducer<String, String> kafka = new MockProducer<>(false, new StringSerializer(), new StringSerializer());
    private DefaultCamelContext camel;
    private OutboxBatchPublisher publisher;

    @BeforeEach
    void camel() {
        camel = new DefaultCamelContext();
        KafkaComponent component = new KafkaComponent();
        component.setKafkaClientFactory(new KafkaClientFactory() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Producer getProducer(Properties props) {
                return (Producer) kafka;
            }

            @Override
            public Consumer getConsumer(Properties props) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getBrokers(KafkaConfiguration configuration) {
                return configuration.getBrokers();
            }
        });
        camel.addComponent("kafka", component);
        camel.start();
        publisher = new OutboxBatchPublisher(camel);
    }

    @AfterEach
    void stop() throws Exception {
        publisher.stop();
        camel.close();
    }

    @Test
    @DisplayName("sends the whole batch before any ack, one row per key, and reports only acknowledged rows sent")
    void batch() {
        List<Map<String, Object>> rows = List.of(row(1, "s-a", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                row(2, "s-b", null), row(3, "s-a", null), row(4, "s-c", null));

        CompletableFuture<Map<String, Object>> result = CompletableFuture.supplyAsync(() -> publish(rows));
        // All three keys are in flight at once: the publisher did not wait for an ack between sends.
        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.history().size() == 3);
        kafka.completeNext();
        kafka.errorNext(new org.apache.kafka.common.errors.TimeoutException("expired"));
        kafka.completeNext();

        Map<String, Object> outcome = result.join();
        assertThat(kafka.history()).extracting(ProducerRecord::key).containsExactly("s-a", "s-b", "s-c");
        assertThat(kafka.history()).extracting(ProducerRecord::value).containsExactly("payload-1", "payload-2", "payload-4");
        assertThat(new String(kafka.history().get(0).headers().lastHeader("traceparent").value()))
                .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(outcome.get(OutboxBatchPublisher.IDS)).isEqualTo(List.of(1L, 4L));
        // Row 3 waits for a later run (same key as row 1), row 2 was not acknowledged.
        assertThat(outcome.get(OutboxBatchPublisher.DEFERRED)).isEqualTo(2);
        assertThat((String) outcome.get(OutboxBatchPublisher.FAILURE)).contains("expired");
    }

    @Test
    @DisplayName("stops at the first send Kafka refuses at once and reports nothing sent")
    void failFast() {
        kafka.sendException = new org.apache.kafka.common.errors.TimeoutException("no metadata");

        Map<String, Object> outcome = publish(List.of(row(1, "s-a", null), row(2, "s-b", null), row(3, "s-c", null)));

        assertThat(outcome.get(OutboxBatchPublisher.IDS)).isEqualTo(List.of());
        assertThat(outcome.get(OutboxBatchPublisher.DEFERRED)).isEqualTo(3);
        assertThat((String) outcome.get(OutboxBatchPublisher.FAILURE)).contains("no metadata");
    }

    private Map<String, Object> publish(List<Map<String, Object>> rows) {
        try {
            return publisher.publish(rows, URI);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(long id, String key, String traceparent) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("topic", "chat.prompt.submitted");
        row.put("msg_key", key);
        row.put("payload", "payload-" + id);
        row.put("traceparent", traceparent);
        return row;
    }
}
