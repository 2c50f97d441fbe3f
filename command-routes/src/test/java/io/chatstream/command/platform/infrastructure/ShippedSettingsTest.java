package io.chatstream.command.platform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.command.conversation.infrastructure.ContextSettings;
import io.chatstream.command.conversation.infrastructure.IdempotencySettings;
import io.chatstream.command.conversation.infrastructure.PromptSettings;
import io.chatstream.command.conversation.infrastructure.QuotaSettings;
import io.chatstream.command.conversation.infrastructure.SessionSettings;
import io.chatstream.command.outbox.infrastructure.OutboxSettings;
import io.chatstream.command.outbox.infrastructure.OutboxTopics;
import io.chatstream.support.kafka.KafkaSettings;
import io.chatstream.support.observability.HealthSettings;
import io.chatstream.support.observability.OffsetMetricsSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The typed settings bind from the shipped application.yml, so a renamed key there fails here, not at start-up. */
class ShippedSettingsTest {

    private static final String[] SHIPPED = {"application.yml", "chat-health.yml", "chat-kafka.yml"};

    @Test
    @DisplayName("every settings record of the command service binds from the shipped configuration")
    void bindsTheShippedConfiguration() throws IOException {
        Binder shipped = binder(SHIPPED);

        assertThat(shipped.bindOrCreate("chat.prompt", PromptSettings.class).maxChars()).isEqualTo(32000);
        assertThat(shipped.bindOrCreate("chat.session", SessionSettings.class).inFlightTimeout())
                .isEqualTo(Duration.ofMinutes(5));
        ContextSettings context = shipped.bindOrCreate("chat.context", ContextSettings.class);
        assertThat(context.maxTurns()).isEqualTo(20);
        assertThat(context.maxChars()).isEqualTo(24000);
        QuotaSettings quota = shipped.bindOrCreate("chat.quota", QuotaSettings.class);
        assertThat(quota.dailyTokens()).isEqualTo(1_000_000L);
        assertThat(quota.maxSessionsPerUser()).isEqualTo(10000);
        assertThat(shipped.bindOrCreate("chat.idempotency", IdempotencySettings.class).ttl())
                .isEqualTo(Duration.ofHours(24));
        assertThat(shipped.bindOrCreate("chat.health", HealthSettings.class).timeout()).isEqualTo(Duration.ofSeconds(3));
        KafkaSettings kafka = shipped.bindOrCreate("chat.kafka", KafkaSettings.class);
        assertThat(kafka.brokers()).isEqualTo("127.0.0.1:19092");
        // No credentials shipped: PLAINTEXT, so every Kafka client gets the brokers and nothing of SASL or TLS.
        assertThat(kafka.clientProperties()).containsOnlyKeys("bootstrap.servers", "security.protocol")
                .containsEntry("security.protocol", "PLAINTEXT");
        assertThat(kafka.saslMechanism()).isEqualTo("PLAIN");
        assertThat(shipped.bindOrCreate("spring.data.redis", RedisProperties.class).getPassword()).isEmpty();
        OffsetMetricsSettings metrics = shipped.bindOrCreate("chat.metrics", OffsetMetricsSettings.class);
        assertThat(metrics.consumerGroups())
                .isEqualTo("command-answers:chat.answer.completed,command-titles:chat.session.titles");
        assertThat(metrics.dlqTopic()).isEmpty();
        assertThat(metrics.kafkaOffsetsInterval()).isEqualTo(Duration.ofSeconds(15));
        OutboxSettings outbox = shipped.bindOrCreate("chat.outbox", OutboxSettings.class);
        assertThat(outbox.batchSize()).isEqualTo(100);
        assertThat(outbox.leaseSeconds()).isEqualTo(Duration.ofSeconds(30));
        assertThat(outbox.kafkaDeliveryTimeoutMs()).isEqualTo(Duration.ofSeconds(10));
        assertThat(outbox.keepSent()).isEqualTo(Duration.ofHours(1));
        assertThat(outbox.cleanupBatchSize()).isEqualTo(5000);
        OutboxTopics topics = shipped.bindOrCreate("chat.topics", OutboxTopics.class);
        assertThat(topics.promptSubmitted()).isEqualTo("chat.prompt.submitted");
        assertThat(topics.promptCancelled()).isEqualTo("chat.prompt.cancelled");
        assertThat(topics.sessionChanged()).isEqualTo("chat.session.changed");
    }

    @Test
    @DisplayName("a missing setting fails the binding with the property's name")
    void missingSettingIsNamed() {
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new MapPropertySource("test", Map.of("chat.quota.daily-tokens", "10"))));

        assertThatThrownBy(() -> binder.bindOrCreate("chat.quota", QuotaSettings.class))
                .isInstanceOf(BindException.class).hasRootCauseMessage("chat.quota.max-sessions-per-user is not set");
    }

    private static Binder binder(String... files) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        for (String file : files) {
            sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
