package io.chatstream.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chatstream.localinfra.KafkaBroker;
import io.chatstream.localinfra.Ports;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Kafka offset metrics, against a real broker")
class KafkaOffsetMetricsIT {

    private static final String TOPIC = "lag.test";
    private static final String DLQ = "dlq.test";
    private static KafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaBroker.start(0, Path.of("target", "it-kafka-" + System.nanoTime()));
        kafka.createTopics(Map.of(TOPIC, 3, DLQ, 2));
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    @DisplayName("reports end minus committed offsets per group and topic, uncommitted partitions from log start, 0 once all is consumed")
    void consumerLag() throws Exception {
        produce(TOPIC, 0, 10);
        produce(TOPIC, 1, 3);
        commit("lag-group", Map.of(new TopicPartition(TOPIC, 0), 6L));
        MeterRegistry registry = new SimpleMeterRegistry();

        try (KafkaOffsetMetrics metrics = new KafkaOffsetMetrics(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                KafkaOffsetMetrics.parseGroups("lag-group:" + TOPIC + ", never-committed:" + TOPIC), Map.of(),
                Duration.ofMillis(200), Duration.ofSeconds(5))) {
            metrics.bindTo(registry);

            // partition 0: 10 - 6; partition 1: nothing committed, 3 from log start; partition 2: empty
            await().atMost(Duration.ofSeconds(30)).until(() -> lag(registry, "lag-group") == 7.0);
            assertThat(lag(registry, "never-committed")).isEqualTo(13.0);

            consumeAll("lag-group");

            await().atMost(Duration.ofSeconds(30)).until(() -> lag(registry, "lag-group") == 0.0);
            assertThat(lag(registry, "never-committed")).isEqualTo(13.0);
        }
    }

    @Test
    @DisplayName("counts the records a topic holds as log end minus log start, over all partitions")
    void topicSize() throws Exception {
        produce(DLQ, 0, 4);
        produce(DLQ, 1, 2);
        MeterRegistry registry = new SimpleMeterRegistry();

        try (KafkaOffsetMetrics metrics = new KafkaOffsetMetrics(Map.of("bootstrap.servers", kafka.bootstrapServers()), Map.of(),
                Map.of(DLQ, "chat.dlq.size"), Duration.ofMillis(200), Duration.ofSeconds(5))) {
            metrics.bindTo(registry);
            await().atMost(Duration.ofSeconds(30)).until(() -> size(registry) == 6.0);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.deleteRecords(Map.of(new TopicPartition(DLQ, 0), RecordsToDelete.beforeOffset(3))).all().get();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> size(registry) == 3.0);
        }
    }

    @Test
    @DisplayName("reports NaN, not a stale or made-up value, while Kafka cannot be read")
    void unreachable() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaOffsetMetrics metrics = new KafkaOffsetMetrics(Map.of("bootstrap.servers", "127.0.0.1:" + Ports.free()),
                Map.of("g", Set.of(TOPIC)), Map.of(DLQ, "chat.dlq.size"), Duration.ofMillis(200), Duration.ofSeconds(1))) {
            metrics.bindTo(registry);
            assertThat(lag(registry, "g")).isNaN();
            assertThat(size(registry)).isNaN();
            assertThatThrownBy(metrics::refresh).isInstanceOf(Exception.class);
            assertThat(lag(registry, "g")).isNaN();
        }
    }

    @Test
    @DisplayName("refuses a malformed group:topic list")
    void parse() {
        assertThat(KafkaOffsetMetrics.parseGroups(" a:t1, a:t2 ,b:t1,")).isEqualTo(
                Map.of("a", Set.of("t1", "t2"), "b", Set.of("t1")));
        assertThatThrownBy(() -> KafkaOffsetMetrics.parseGroups("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaOffsetMetrics.parseGroups("a:")).isInstanceOf(IllegalArgumentException.class);
    }

    private static double lag(MeterRegistry registry, String group) {
        return registry.get(KafkaOffsetMetrics.LAG).tag("group", group).tag("topic", TOPIC).gauge().value();
    }

    private static double size(MeterRegistry registry) {
        return registry.get("chat.dlq.size").tag("topic", DLQ).gauge().value();
    }

    private static void produce(String topic, int partition, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i)).get();
            }
        }
    }

    private static void commit(String group, Map<TopicPartition, Long> offsets) {
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
            offsets.forEach((tp, offset) -> commits.put(tp, new OffsetAndMetadata(offset)));
            consumer.commitSync(commits);
        }
    }

    /** Reads the topic to its end as the group and commits, like a caught-up service. */
    private static void consumeAll(String group) {
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.subscribe(Set.of(TOPIC));
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read < 7 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertThat(read).isEqualTo(7);
            consumer.commitSync();
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
