package io.chatstream.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.chatstream.localinfra.KafkaBroker;
import io.chatstream.support.observability.KafkaClusterHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Status;

/**
 * chat.kafka credentials against a real broker whose only listener for clients is SASL_PLAINTEXT/PLAIN with one
 * user: the Camel Kafka component (set by {@link KafkaDefaultsConfiguration}'s customizer), a client built from
 * {@link KafkaSettings#clientProperties()} and {@link KafkaClusterHealth} get in with the right password and
 * nowhere with a wrong one; the password is in no log line (every logger at DEBUG) and no toString().
 */
@DisplayName("Kafka credentials, against a real SASL_PLAINTEXT broker")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaCredentialsIT {

    private static final String USER = "chat-svc";
    /** Unique, so a log line can only hold it by leaking it; a quote and a backslash test the JAAS quoting. */
    private static final String SECRET = "s3cr3t-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "pa\"ss\\" + SECRET;
    private static final String TOPIC = "creds.ok";
    private static final String WRONG_TOPIC = "creds.wrong";

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final LeakCheck LEAK_CHECK = new LeakCheck();
    private static KafkaBroker kafka;
    private static Level rootLevel;

    @BeforeAll
    static void start() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        // Every line reaches the leak check; the console keeps INFO and above.
        root.iteratorForAppenders().forEachRemaining(appender -> {
            ThresholdFilter info = new ThresholdFilter();
            info.setLevel("INFO");
            info.start();
            appender.addFilter(info);
        });
        root.setLevel(Level.DEBUG);
        LEAK_CHECK.setContext(logging);
        LEAK_CHECK.start();
        root.addAppender(LEAK_CHECK);

        kafka = KafkaBroker.startWithSasl(0, Path.of("target", "it-kafka-sasl-" + System.nanoTime()),
                new KafkaBroker.SaslUser(USER, PASSWORD));
        kafka.createTopics(Map.of(TOPIC, 1, WRONG_TOPIC, 1));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(LEAK_CHECK);
        root.setLevel(rootLevel);
    }

    private static KafkaSettings settings(String password) {
        return new KafkaSettings(kafka.bootstrapServers(), "SASL_PLAINTEXT", "PLAIN", USER, password, "", "", "");
    }

    @Test
    @Order(1)
    @DisplayName("right user and password: a Camel route and a client from clientProperties() send, the route receives, health UP")
    void rightPassword() throws Exception {
        KafkaSettings right = settings(PASSWORD);
        List<String> received = new CopyOnWriteArrayList<>();
        try (CamelContext camel = camel(right, TOPIC, received);
                KafkaProducer<String, String> client = producer(right);
                KafkaClusterHealth health = new KafkaClusterHealth(right.clientProperties(), Duration.ofSeconds(5))) {
            ProducerTemplate template = camel.createProducerTemplate();
            template.sendBody("kafka:" + TOPIC, "via-camel");
            client.send(new ProducerRecord<>(TOPIC, "k", "via-client")).get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 2);
            assertThat(received).containsExactlyInAnyOrder("via-camel", "via-client");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertNoSecretIn(camel);
        }
    }

    @Test
    @Order(2)
    @DisplayName("wrong password: the Camel producer and the client fail, nothing reaches the topic or the route, health DOWN")
    void wrongPassword() throws Exception {
        KafkaSettings wrong = settings(PASSWORD + "x");
        List<String> received = new CopyOnWriteArrayList<>();
        try (CamelContext camel = camel(wrong, WRONG_TOPIC, received);
                KafkaProducer<String, String> client = producer(wrong);
                KafkaClusterHealth health = new KafkaClusterHealth(wrong.clientProperties(), Duration.ofSeconds(3))) {
            ProducerTemplate template = camel.createProducerTemplate();
            assertThatThrownBy(() -> template.sendBody("kafka:" + WRONG_TOPIC + "?maxBlockMs=10000", "via-camel"))
                    .hasStackTraceContaining("Authentication failed");
            assertThatThrownBy(() -> client.send(new ProducerRecord<>(WRONG_TOPIC, "k", "via-client"))
                    .get(30, TimeUnit.SECONDS)).hasStackTraceContaining("Authentication failed");
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

            assertThat(readAll(WRONG_TOPIC, Duration.ofSeconds(5))).isEmpty();
            assertThat(received).isEmpty();
            assertNoSecretIn(camel);
        }
    }

    @Test
    @Order(3)
    @DisplayName("the password is in no log line and no toString()")
    void passwordNeverPrinted() {
        for (KafkaSettings settings : List.of(settings(PASSWORD), settings(PASSWORD + "x"))) {
            assertThat(settings.toString()).doesNotContain(SECRET);
            assertThat(settings.clientProperties().toString()).doesNotContain(SECRET);
        }
        assertThat(new KafkaBroker.SaslUser(USER, PASSWORD).toString()).doesNotContain(SECRET);
        assertThat(kafka.clientProperties().toString()).doesNotContain(SECRET);
        assertThat(LEAK_CHECK.lines).as("log lines seen").isPositive();
        assertThat(LEAKS).as("log lines holding the password").isEmpty();
    }

    /** A Camel context whose Kafka component gets the credentials from the production customizer. */
    private static CamelContext camel(KafkaSettings settings, String topic, List<String> received) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("kafkaCredentialsCustomizer",
                new KafkaDefaultsConfiguration().kafkaCredentialsCustomizer(settings));
        KafkaComponent component = camel.getComponent("kafka", KafkaComponent.class);
        assertThat(component.getConfiguration().getSecurityProtocol()).as("set by the customizer")
                .isEqualTo("SASL_PLAINTEXT");
        component.getConfiguration().setBrokers(settings.brokers());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kafka:" + topic + "?groupId=creds-it-" + topic + "&autoOffsetReset=earliest&pollTimeoutMs=500")
                        .routeId("in-" + topic)
                        .process(exchange -> received.add(exchange.getMessage().getBody(String.class)));
            }
        });
        camel.start();
        return camel;
    }

    private static void assertNoSecretIn(CamelContext camel) {
        for (Endpoint endpoint : camel.getEndpoints()) {
            assertThat(endpoint.getEndpointUri()).doesNotContain(SECRET);
            assertThat(endpoint.toString()).doesNotContain(SECRET);
        }
        assertThat(camel.getComponent("kafka", KafkaComponent.class).getConfiguration().toString()).doesNotContain(SECRET);
    }

    private static KafkaProducer<String, String> producer(KafkaSettings settings) {
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Everything the topic holds, read with the broker's own (right) credentials. */
    private static List<String> readAll(String topic, Duration wait) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "creds-it-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    /** Records every log line (message, arguments, exception chain) that holds the password. */
    private static final class LeakCheck extends AppenderBase<ILoggingEvent> {
        private volatile long lines;

        @Override
        protected void append(ILoggingEvent event) {
            lines++;
            StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            event.getMDCPropertyMap().forEach((k, v) -> text.append('\n').append(k).append('=').append(v));
            if (text.indexOf(SECRET) >= 0) {
                LEAKS.add(event.getLoggerName() + ": " + text);
            }
        }
    }
}
