package io.chatstream.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalInfraIT {

    private final Path root = Path.of("target", "it-" + System.nanoTime());

    @Test
    @DisplayName("a KRaft broker starts, forms consumer groups (and says which did not), and keeps its data across a restart")
    void kafka() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(0, root.resolve("kafka"))) {
            kafka.createTopics(ChatTopics.defaults());
            send(kafka, "before");
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.restart();
            send(kafka, "after");

            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer =
                         new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("chat.audit.log"));
                List<String> seen = new java.util.ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen.size() < 2 && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    records.forEach(r -> seen.add(r.value()));
                }
                assertThat(seen).containsExactly("before", "after");
                String group = props.getProperty(ConsumerConfig.GROUP_ID_CONFIG);
                kafka.awaitConsumerGroups(List.of(group), Duration.ofSeconds(30));
                assertThatThrownBy(() -> kafka.awaitConsumerGroups(List.of(group, "nobody-joins"), Duration.ofSeconds(1)))
                        .hasMessageContaining("nobody-joins").hasMessageNotContaining(group);
            }
        }
    }

    @Test
    @DisplayName("Redis answers and a taken port is refused with a clear message")
    void redis() throws Exception {
        try (RedisServer redis = RedisServer.start(0, root.resolve("redis"))) {
            assertThat(Ports.isListening(redis.port())).isTrue();
            assertThatThrownBy(() -> RedisServer.start(redis.port(), root.resolve("redis2")))
                    .isInstanceOf(PortInUseException.class).hasMessageContaining("Redis");
        }
    }

    @Test
    @DisplayName("MariaDB gives each service its own schema and user, and nothing else")
    void mariadb() throws Exception {
        try (MariaDbServer db = MariaDbServer.start(0, root.resolve("mariadb"))) {
            db.createDatabase("chat_command", "chat_command", "pw1");
            db.createDatabase("chat_query", "chat_query", "pw2");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("chat_command"), "chat_command", "pw1")) {
                c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t");
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl("chat_command"), "chat_query", "pw2"))
                    .hasMessageContaining("denied");
        }
    }

    private static void send(KafkaBroker kafka, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("chat.audit.log", "k", value)).get();
        }
    }
}
