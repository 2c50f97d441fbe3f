package io.chatstream.support.observability;

import io.chatstream.support.kafka.KafkaSettings;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Kafka side of observability, the same in every service that talks to Kafka (those that set
 * {@code chat.kafka.brokers}): the W3C trace over record headers, the {@code kafka} health check of the
 * readiness group, and the consumer lag of the service's own groups ({@code chat.metrics.consumer-groups})
 * plus, where {@code chat.metrics.dlq-topic} is set, the DLQ's size ({@code chat_dlq_size}).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.admin.Admin")
@ConditionalOnProperty("chat.kafka.brokers")
@EnableConfigurationProperties({KafkaSettings.class, HealthSettings.class, OffsetMetricsSettings.class})
public class KafkaObservabilityConfiguration {

    @Bean
    KafkaTraceExtraction kafkaTraceExtraction(OpenTelemetry openTelemetry) {
        return new KafkaTraceExtraction(openTelemetry);
    }

    @Bean
    KafkaTraceInjection kafkaTraceInjection(OpenTelemetry openTelemetry) {
        return new KafkaTraceInjection(openTelemetry);
    }

    /** {@code kafka} in /actuator/health and the readiness group. */
    @Bean
    HealthIndicator kafkaHealthIndicator(KafkaSettings kafka, HealthSettings health) {
        return new BackgroundHealth("kafka", new KafkaClusterHealth(kafka.clientProperties(), health.timeout()),
                health.timeout().plusMillis(500), health.interval(), Clock.systemUTC());
    }

    /** chat_kafka_consumer_lag of this service's own groups; every instance reports the same cluster-wide values. */
    @Bean
    KafkaOffsetMetrics kafkaOffsetMetrics(KafkaSettings kafka, OffsetMetricsSettings metrics) {
        String dlq = metrics.dlqTopic();
        return new KafkaOffsetMetrics(kafka.clientProperties(), KafkaOffsetMetrics.parseGroups(metrics.consumerGroups()),
                dlq.isBlank() ? Map.of() : Map.of(dlq, "chat.dlq.size"), metrics.kafkaOffsetsInterval(),
                metrics.kafkaOffsetsTimeout());
    }
}
