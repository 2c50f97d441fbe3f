package io.chatstream.worker.platform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.support.kafka.KafkaSettings;
import io.chatstream.support.observability.HealthSettings;
import io.chatstream.support.observability.OffsetMetricsSettings;
import io.chatstream.worker.answering.infrastructure.AnsweringSettings;
import io.chatstream.worker.answering.infrastructure.ModelCatalogSettings;
import io.chatstream.worker.answering.infrastructure.RelaySettings;
import io.chatstream.worker.answering.infrastructure.StreamSettings;
import io.chatstream.worker.answering.infrastructure.bailian.ApiKeySettings;
import io.chatstream.worker.answering.infrastructure.bailian.BailianSettings;
import io.chatstream.worker.answering.infrastructure.bailian.BreakerSettings;
import io.chatstream.worker.deadletters.infrastructure.DeadLetterSettings;
import io.chatstream.worker.deadletters.infrastructure.OpsSettings;
import io.chatstream.worker.titling.infrastructure.TitleSuggestionSettings;
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
    @DisplayName("the answering settings bind from the shipped configuration, a bare redelivery delay as milliseconds")
    void bindsAnswering() throws IOException {
        Binder shipped = binder(SHIPPED);

        AnsweringSettings answering = shipped.bindOrCreate("chat.worker", AnsweringSettings.class);
        assertThat(answering.maxConcurrentAnswers()).isEqualTo(256);
        assertThat(answering.redeliveries()).isEqualTo(3);
        assertThat(answering.redeliveryDelayMs()).isEqualTo(Duration.ofMillis(1000));
        assertThat(answering.shutdownGrace()).isEqualTo(Duration.ofSeconds(15));
        assertThat(answering.cancelledIds().capacity()).isEqualTo(10000);
        assertThat(answering.cancelledIds().keepFor()).isEqualTo(Duration.ofMinutes(10));
        RelaySettings relay = shipped.bindOrCreate("chat.relay", RelaySettings.class);
        assertThat(relay.coalesceWindow()).isEqualTo(Duration.ofMillis(25));
        assertThat(relay.coalesceMaxChars()).isEqualTo(256);
        assertThat(shipped.bindOrCreate("chat.stream", StreamSettings.class).ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(shipped.bindOrCreate("chat.meta", TaskMetaSettings.class).ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(shipped.bindOrCreate("chat.models", ModelCatalogSettings.class).republishEvery())
                .isEqualTo(Duration.ofHours(1));
        assertThat(shipped.bindOrCreate("chat.bailian", ApiKeySettings.class).apiKey()).isEmpty();
    }

    @Test
    @DisplayName("the dead-letter, ops and title settings bind from the shipped configuration")
    void bindsDeadLettersAndTitles() throws IOException {
        Binder shipped = binder(SHIPPED);

        DeadLetterSettings dlq = shipped.bindOrCreate("chat.dlq", DeadLetterSettings.class);
        assertThat(dlq.listLimit()).isEqualTo(100);
        assertThat(dlq.index().capacity()).isEqualTo(1000);
        assertThat(dlq.replay().maxPerCall()).isEqualTo(20);
        assertThat(dlq.replay().ratePerSecond()).isEqualTo(1.0);
        assertThat(dlq.replay().maxConcurrent()).isEqualTo(4);
        assertThat(dlq.replay().maxPending()).isEqualTo(100);
        assertThat(dlq.replay().maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(dlq.replay().claimTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(dlq.replay().ledgerTtl()).isEqualTo(Duration.ofDays(7));
        OpsSettings ops = shipped.bindOrCreate("chat.ops", OpsSettings.class);
        assertThat(ops.username()).isEqualTo("ops");
        assertThat(ops.password()).isEmpty();
        assertThat(ops.toString()).doesNotContain("password=,").contains("****");
        TitleSuggestionSettings titles = shipped.bindOrCreate("chat.titles", TitleSuggestionSettings.class);
        assertThat(titles.enabled()).isTrue();
        assertThat(titles.model()).isEqualTo("qwen-flash");
        assertThat(titles.prompt()).isEqualTo("Give a title of at most 30 characters for this conversation, in the "
                + "language of the conversation. Reply with the title only: no Markdown, no quotes, no final punctuation.");
        assertThat(titles.maxLength()).isEqualTo(30);
        assertThat(titles.maxInputChars()).isEqualTo(1000);
        assertThat(titles.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(titles.maxAge()).isEqualTo(Duration.ofMinutes(10));
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
                .isEqualTo("worker:chat.prompt.submitted,worker-titles:chat.answer.completed");
        assertThat(metrics.dlqTopic()).isEqualTo("chat.answer.dlq");
    }

    @Test
    @DisplayName("the model provider's settings and its circuit breaker bind from the shipped configuration")
    void bindsTheModelProvider() throws IOException {
        Binder shipped = binder(SHIPPED);

        BailianSettings bailian = shipped.bindOrCreate("chat.bailian", BailianSettings.class);
        assertThat(bailian.model()).isEqualTo("qwen-plus");
        assertThat(bailian.maxTokens()).isEqualTo(4096);
        assertThat(bailian.maxConcurrentStreams()).isEqualTo(512);
        assertThat(bailian.maxAttempts()).isEqualTo(3);
        assertThat(bailian.backoffInitial()).isEqualTo(Duration.ofMillis(500));
        assertThat(bailian.totalTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bailian.thinkingTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(bailian.multimodalModels()).contains("qwen3.5*", "*-vl");
        assertThat(bailian.models()).startsWith("qwen-plus | Qwen-Plus");
        assertThat(bailian.thinkingBudget()).isNull();
        BreakerSettings breaker = shipped.bindOrCreate("chat.bailian.breaker", BreakerSettings.class);
        assertThat(breaker.enabled()).isTrue();
        assertThat(breaker.failureRateThreshold()).isEqualTo(50f);
        assertThat(breaker.slidingWindowSize()).isEqualTo(20);
        assertThat(breaker.waitInOpenState()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("the local profile's ops password wins over the shipped empty one")
    void localProfile() throws IOException {
        Binder local = binder("application-local.yml", "application.yml");

        assertThat(local.bindOrCreate("chat.ops", OpsSettings.class).password()).isEqualTo("local-ops-password");
    }

    @Test
    @DisplayName("a missing setting fails the binding with the property's name")
    void missingSettingIsNamed() {
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new MapPropertySource("test", Map.of("chat.dlq.index.capacity", "1000"))));

        assertThatThrownBy(() -> binder.bindOrCreate("chat.dlq", DeadLetterSettings.class))
                .isInstanceOf(BindException.class).hasRootCauseMessage("chat.dlq.list-limit is not set");
    }

    private static Binder binder(String... files) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        for (String file : files) {
            sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
