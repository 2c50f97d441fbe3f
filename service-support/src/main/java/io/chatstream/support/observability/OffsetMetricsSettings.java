package io.chatstream.support.observability;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.metrics.*} (each service's application.yml): what {@link KafkaOffsetMetrics} reads and how often.
 *
 * @param consumerGroups this service's own groups and the topic each reads, as comma-separated group:topic pairs
 * @param dlqTopic the dead-letter topic whose size is published; empty = none
 * @param kafkaOffsetsInterval how often the offsets are read from Kafka
 * @param kafkaOffsetsTimeout longest wait for one Kafka answer while reading them
 */
@ConfigurationProperties("chat.metrics")
public record OffsetMetricsSettings(String consumerGroups, String dlqTopic, Duration kafkaOffsetsInterval,
        Duration kafkaOffsetsTimeout) {

    public OffsetMetricsSettings {
        Objects.requireNonNull(consumerGroups, "chat.metrics.consumer-groups is not set");
        Objects.requireNonNull(dlqTopic, "chat.metrics.dlq-topic is not set");
        Objects.requireNonNull(kafkaOffsetsInterval, "chat.metrics.kafka-offsets-interval is not set");
        Objects.requireNonNull(kafkaOffsetsTimeout, "chat.metrics.kafka-offsets-timeout is not set");
    }
}
