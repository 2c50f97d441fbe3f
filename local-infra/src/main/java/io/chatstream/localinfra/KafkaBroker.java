package io.chatstream.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller, one node), run as a
 * child JVM so it can be stopped, killed and restarted like a production broker.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Lowest consumer session timeout the broker accepts (docker-compose.yml and docs/deploy.md say the same). */
    public static final int MIN_SESSION_TIMEOUT_MS = 1000;

    private final int port;
    private final Path workDir;
    private final Path config;
    private final SaslUser sasl;
    private Process process;

    private KafkaBroker(int port, Path workDir, Path config, SaslUser sasl) {
        this.port = port;
        this.workDir = workDir;
        this.config = config;
        this.sasl = sasl;
    }

    /**
     * The one user of a broker started with {@link #startWithSasl}: its client listener is SASL_PLAINTEXT with
     * the PLAIN mechanism and accepts only this name and password.
     *
     * @param username letters, digits, {@code _} and {@code -} (it becomes a JAAS option name on the broker)
     * @param password any text without line breaks
     */
    public record SaslUser(String username, String password) {

        public SaslUser {
            if (username == null || !username.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("SASL username must be letters, digits, _ or -");
            }
            if (password == null || password.isEmpty() || password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("SASL password must be non-empty and on one line");
            }
        }

        @Override
        public String toString() {
            return "SaslUser[username=" + username + ", password=****]";
        }
    }

    /**
     * Starts the broker on the log directory under {@code workDir}: formatted on the first start,
     * reused as it is (same cluster id, topics, offsets) on every later one.
     *
     * @param port client port on 127.0.0.1; 0 picks a free one
     */
    public static KafkaBroker start(int port, Path dir) {
        return start(port, dir, null);
    }

    /**
     * Like {@link #start(int, Path)}, but the client listener is SASL_PLAINTEXT with the PLAIN mechanism and
     * {@code user} its only user ({@link #clientProperties()} logs in as it). The controller listener stays
     * PLAINTEXT (it is not for clients).
     */
    public static KafkaBroker startWithSasl(int port, Path dir, SaslUser user) {
        return start(port, dir, Objects.requireNonNull(user, "user"));
    }

    private static KafkaBroker start(int port, Path dir, SaslUser sasl) {
        Path workDir = dir.toAbsolutePath();
        int clientPort = port == 0 ? Ports.free() : Ports.requireFree(port, "Kafka");
        int controllerPort = Ports.free();
        try {
            Files.createDirectories(workDir);
            Path logDirs = workDir.resolve("data");
            Path config = workDir.resolve("server.properties");
            Files.writeString(config, serverProperties(clientPort, controllerPort, logDirs, sasl));
            Files.writeString(workDir.resolve("log4j.properties"), LOG4J);
            Files.writeString(workDir.resolve("logback.xml"), LOGBACK);
            KafkaBroker broker = new KafkaBroker(clientPort, workDir, config, sasl);
            if (StoredCluster.formatted(logDirs)) {
                StoredCluster.requireUsable(logDirs);
            } else {
                broker.format();
            }
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka in " + workDir, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * What a client needs to talk to this broker: {@code bootstrap.servers}, and for a broker started with
     * {@link #startWithSasl} the SASL_PLAINTEXT/PLAIN login of its user.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (sasl != null) {
            props.put("security.protocol", "SASL_PLAINTEXT");
            props.put("sasl.mechanism", "PLAIN");
            props.put("sasl.jaas.config", new Password(
                    PLAIN_LOGIN + " username=" + jaasQuoted(sasl.username()) + " password="
                            + jaasQuoted(sasl.password()) + ";"));
        }
        return Collections.unmodifiableMap(props);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The broker JVM's operating-system process id, or -1 before it was started. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Creates the topics that do not exist yet: name to partition count, replication factor 1. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            partitionsByTopic.forEach((name, partitions) -> {
                if (!existing.contains(name)) {
                    NewTopic topic = new NewTopic(name, partitions, (short) 1);
                    if (ChatTopics.COMPACTED.contains(name)) {
                        topic.configs(Map.of("cleanup.policy", "compact"));
                    }
                    missing.add(topic);
                }
            });
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until every named consumer group is stable with at least one member, i.e. its
     * consumers own their partitions and will see the next record.
     *
     * @throws IllegalStateException naming the groups that did not form within {@code timeout}
     */
    public void awaitConsumerGroups(Collection<String> groups, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waiting = new ArrayList<>(groups);
        try (Admin admin = admin()) {
            while (!waiting.isEmpty()) {
                Map<String, ConsumerGroupDescription> described =
                        admin.describeConsumerGroups(waiting).all().get(10, TimeUnit.SECONDS);
                waiting.removeIf(group -> {
                    ConsumerGroupDescription d = described.get(group);
                    return d != null && d.state() == ConsumerGroupState.STABLE && !d.members().isEmpty();
                });
                if (waiting.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consumer groups " + waiting + " did not form within " + timeout);
                }
                Ports.sleep(Duration.ofMillis(250));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot describe consumer groups: " + e.getMessage(), e);
        }
    }

    /** Stops the broker cleanly; {@link #restart()} brings it back with the same data. */
    public void stop() {
        ChildProcess.stop(process, Duration.ofSeconds(30));
    }

    /** Kills the broker like {@code kill -9}. */
    public void kill() {
        ChildProcess.kill(process);
    }

    /** Starts the broker again on the same port and data after {@link #stop()} or {@link #kill()}. */
    public void restart() {
        if (isRunning()) {
            throw new IllegalStateException("Kafka is still running");
        }
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        List<String> args = List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(),
                "--ignore-formatted");
        ChildProcess.run(ChildJvm.command(toolJvmOptions(), "kafka.tools.StorageTool", args),
                workDir.resolve("kafka-format.log"), Duration.ofSeconds(60));
    }

    private void launch() {
        Path log = workDir.resolve("kafka.log");
        process = ChildProcess.start(ChildJvm.command(jvmOptions(), "kafka.Kafka", List.of(config.toString())), log);
        try {
            Ports.awaitListening(port, START_TIMEOUT, "Kafka", process, log);
            awaitReady();
        } catch (RuntimeException e) {
            ChildProcess.kill(process); // never leave a half-started server holding its port and data
            throw e;
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("Kafka did not become ready" + LogTail.of(workDir.resolve("kafka.log")), e);
                }
                Ports.sleep(Duration.ofMillis(200));
            }
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.putAll(clientProperties());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    /**
     * The broker's JVM, with both JIT tiers: every record of every turn goes through it, and C1 alone (as it once
     * ran, for a quicker start) costs it more CPU per record (docs/benchmarks.md, "Hot-path changes").
     */
    private List<String> jvmOptions() {
        return List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j.configuration=file:" + workDir.resolve("log4j.properties"),
                "-Dlogback.configurationFile=" + workDir.resolve("logback.xml"),
                "-Dkafka.logs.dir=" + workDir);
    }

    /** The storage tool runs for a second: C1 alone starts it quickest. */
    private List<String> toolJvmOptions() {
        List<String> options = new ArrayList<>(jvmOptions());
        options.add("-XX:TieredStopAtLevel=1");
        return options;
    }

    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    /** A JAAS option value in double quotes, escaped as Kafka's JAAS parser (a StreamTokenizer) reads it back. */
    private static String jaasQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The SASL lines of server.properties (a properties file: its backslashes doubled), or none. */
    private static String saslProperties(SaslUser sasl) {
        if (sasl == null) {
            return "";
        }
        String jaas = PLAIN_LOGIN + " username=" + jaasQuoted(sasl.username()) + " password="
                + jaasQuoted(sasl.password()) + " user_" + sasl.username() + "=" + jaasQuoted(sasl.password()) + ";";
        return String.join("\n",
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config=" + jaas.replace("\\", "\\\\"),
                "");
    }

    private static String serverProperties(int clientPort, int controllerPort, Path logDirs, SaslUser sasl) {
        String client = sasl == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + client + "://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + client + "://127.0.0.1:" + clientPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + client,
                "listener.security.protocol.map=" + client + ":" + client + ",CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=6",
                // One node: without these the consumer-offsets topic never forms (CAMEL-NOTES.md).
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The services' consumers use a 2.5 s session timeout so a crashed instance's partitions
                // move within seconds (ADR 7); Kafka's default minimum (6 s) would refuse it.
                "group.min.session.timeout.ms=" + MIN_SESSION_TIMEOUT_MS,
                "auto.create.topics.enable=true",
                "log.retention.hours=168",
                "log.segment.bytes=67108864",
                "") + saslProperties(sasl);
    }

    private static final String LOG4J = String.join("\n",
            "log4j.rootLogger=WARN, stdout",
            "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
            "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
            "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
            "log4j.logger.kafka.server.KafkaRaftServer=INFO",
            "");

    private static final String LOGBACK = String.join("\n",
            "<configuration>",
            "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
            "    <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>",
            "  </appender>",
            "  <logger name=\"kafka.server.KafkaRaftServer\" level=\"INFO\"/>",
            "  <root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>",
            "</configuration>",
            "");
}
