package io.chatstream.support.observability;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
    HealthIndicator kafkaHealthIndicator(@Value("${chat.kafka.brokers}") String brokers,
            @Value("${chat.health.timeout}") Duration timeout, @Value("${chat.health.interval}") Duration interval) {
        return new BackgroundHealth("kafka", new KafkaClusterHealth(brokers, timeout), timeout.plusMillis(500),
                interval, Clock.systemUTC());
    }

    /** chat_kafka_consumer_lag of this service's own groups; every instance reports the same cluster-wide values. */
    @Bean
    KafkaOffsetMetrics kafkaOffsetMetrics(@Value("${chat.kafka.brokers}") String brokers,
            @Value("${chat.metrics.consumer-groups}") String groups, @Value("${chat.metrics.dlq-topic:}") String dlq,
            @Value("${chat.metrics.kafka-offsets-interval}") Duration interval,
            @Value("${chat.metrics.kafka-offsets-timeout}") Duration timeout) {
        return new KafkaOffsetMetrics(brokers, KafkaOffsetMetrics.parseGroups(groups),
                dlq.isBlank() ? Map.of() : Map.of(dlq, "chat.dlq.size"), interval, timeout);
    }
}
