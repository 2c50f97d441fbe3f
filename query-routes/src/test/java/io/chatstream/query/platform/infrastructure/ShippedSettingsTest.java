package io.chatstream.query.platform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.query.history.infrastructure.SearchSettings;
import io.chatstream.query.projection.infrastructure.ProjectionSettings;
import io.chatstream.query.projection.infrastructure.TopicSettings;
import io.chatstream.query.streaming.infrastructure.StreamSettings;
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
    @DisplayName("every settings record of the query service binds from the shipped configuration")
    void bindsTheShippedConfiguration() throws IOException {
        Binder shipped = binder(SHIPPED);

        StreamSettings stream = shipped.bindOrCreate("chat.stream", StreamSettings.class);
        assertThat(stream.ownershipWait()).isEqualTo(Duration.ofSeconds(15));
        assertThat(stream.ownershipPoll()).isEqualTo(Duration.ofMillis(100));
        assertThat(stream.startTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(stream.readBlock()).isEqualTo(Duration.ofMillis(50));
        assertThat(stream.readCount()).isEqualTo(500);
        SearchSettings search = shipped.bindOrCreate("chat.search", SearchSettings.class);
        assertThat(search.maxQueryLength()).isEqualTo(100);
        assertThat(search.snippetLength()).isEqualTo(120);
        ProjectionSettings projections = shipped.bindOrCreate("chat.query", ProjectionSettings.class);
        assertThat(projections.promptGroupId()).isEqualTo("query-prompts");
        assertThat(projections.sessionGroupId()).isEqualTo("query-sessions");
        assertThat(projections.rebuild().allowPartial()).isFalse();
        TopicSettings topics = shipped.bindOrCreate("chat.topics", TopicSettings.class);
        assertThat(topics.answerCompleted()).isEqualTo("chat.answer.completed");
        assertThat(shipped.bindOrCreate("chat.health", HealthSettings.class).interval()).isEqualTo(Duration.ofSeconds(2));
        KafkaSettings kafka = shipped.bindOrCreate("chat.kafka", KafkaSettings.class);
        assertThat(kafka.brokers()).isEqualTo("127.0.0.1:19092");
        // No credentials shipped: PLAINTEXT, so every Kafka client gets the brokers and nothing of SASL or TLS.
        assertThat(kafka.clientProperties()).containsOnlyKeys("bootstrap.servers", "security.protocol")
                .containsEntry("security.protocol", "PLAINTEXT");
        assertThat(kafka.saslMechanism()).isEqualTo("PLAIN");
        assertThat(shipped.bindOrCreate("spring.data.redis", RedisProperties.class).getPassword()).isEmpty();
        OffsetMetricsSettings metrics = shipped.bindOrCreate("chat.metrics", OffsetMetricsSettings.class);
        assertThat(metrics.consumerGroups()).startsWith("query-prompts:chat.prompt.submitted,");
        assertThat(metrics.dlqTopic()).isEmpty();
    }

    @Test
    @DisplayName("the rebuild profile leaves allow-partial to application.yml and turns the rebuild on")
    void rebuildProfile() throws IOException {
        Binder rebuild = binder("application-rebuild.yml", "application.yml");

        assertThat(rebuild.bindOrCreate("chat.query", ProjectionSettings.class).rebuild().allowPartial()).isFalse();
        assertThat(rebuild.bind("chat.query.rebuild.run", Boolean.class).get()).isTrue();
    }

    @Test
    @DisplayName("a missing setting fails the binding with the property's name")
    void missingSettingIsNamed() {
        Binder binder = new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.of(
                "chat.query.prompt-group-id", "p", "chat.query.answer-group-id", "a",
                "chat.query.session-group-id", "s"))));

        assertThatThrownBy(() -> binder.bindOrCreate("chat.query", ProjectionSettings.class))
                .isInstanceOf(BindException.class).hasRootCauseMessage("chat.query.rebuild is not set");
    }

    private static Binder binder(String... files) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        for (String file : files) {
            sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
