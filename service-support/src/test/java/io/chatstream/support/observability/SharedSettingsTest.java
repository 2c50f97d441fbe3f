package io.chatstream.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.support.kafka.KafkaSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shared settings bind from the shipped chat-*.yml, so a renamed key there fails here, not at start-up. */
class SharedSettingsTest {

    @Test
    @DisplayName("chat.health and chat.kafka bind from the shipped chat-health.yml and chat-kafka.yml")
    void bindsTheShippedFiles() throws IOException {
        Binder binder = binder("chat-health.yml", "chat-kafka.yml");

        HealthSettings health = binder.bindOrCreate("chat.health", HealthSettings.class);
        KafkaSettings kafka = binder.bindOrCreate("chat.kafka", KafkaSettings.class);

        assertThat(health.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(health.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(kafka.brokers()).isEqualTo("127.0.0.1:19092");
        assertThat(kafka.securityProtocol()).isEqualTo("PLAINTEXT");
        assertThat(kafka.saslMechanism()).isEqualTo("PLAIN");
        assertThat(kafka.saslUsername()).isEmpty();
        assertThat(kafka.saslPassword()).isEmpty();
        assertThat(kafka.sslTruststoreLocation()).isEmpty();
        assertThat(kafka.sslTruststorePassword()).isEmpty();
        assertThat(kafka.sslTruststoreType()).isEmpty();
        assertThat(kafka.clientProperties()).containsOnlyKeys("bootstrap.servers", "security.protocol");
    }

    @Test
    @DisplayName("chat.metrics binds with its durations, an empty dlq-topic meaning none")
    void bindsOffsetMetrics() {
        Binder binder = new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.of(
                "chat.metrics.consumer-groups", "g:t", "chat.metrics.dlq-topic", "",
                "chat.metrics.kafka-offsets-interval", "15s", "chat.metrics.kafka-offsets-timeout", "5000"))));

        OffsetMetricsSettings metrics = binder.bindOrCreate("chat.metrics", OffsetMetricsSettings.class);

        assertThat(metrics.consumerGroups()).isEqualTo("g:t");
        assertThat(metrics.dlqTopic()).isEmpty();
        assertThat(metrics.kafkaOffsetsInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(metrics.kafkaOffsetsTimeout()).isEqualTo(Duration.ofMillis(5000));
    }

    @Test
    @DisplayName("a missing setting fails the binding with the property's name")
    void missingSettingIsNamed() {
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new MapPropertySource("test", Map.of("chat.health.interval", "2s"))));

        assertThatThrownBy(() -> binder.bindOrCreate("chat.health", HealthSettings.class))
                .isInstanceOf(BindException.class).hasRootCauseMessage("chat.health.timeout is not set");
    }

    private static Binder binder(String... files) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        for (String file : files) {
            sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        return new Binder(ConfigurationPropertySources.from(sources));
    }
}
