package io.chatstream.worker.infrastructure.observability;

import io.chatstream.support.observability.BackgroundHealth;
import io.chatstream.support.observability.KafkaClusterHealth;
import io.chatstream.support.observability.KafkaTraceExtraction;
import io.chatstream.support.observability.KafkaTraceInjection;
import io.chatstream.support.observability.KafkaOffsetMetrics;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.data.redis.RedisHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Traces and health of the worker service. Spans come from Spring Boot's OpenTelemetry SDK
 * (Micrometer Tracing bridge: W3C propagation, trace ids in the log MDC, OTLP export only when
 * {@code management.otlp.tracing.endpoint} is set). Readiness = Redis + Kafka.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /**
     * chat_kafka_consumer_lag of the shared answer group and chat_dlq_size of the DLQ this worker
     * writes (chat.metrics.*); every instance reports the same cluster-wide values.
     */
    @Bean
    KafkaOffsetMetrics kafkaOffsetMetrics(@Value("${chat.kafka.brokers}") String brokers,
            @Value("${chat.metrics.consumer-groups}") String groups, @Value("${chat.metrics.dlq-topic}") String dlq,
            @Value("${chat.metrics.kafka-offsets-interval}") Duration interval,
            @Value("${chat.metrics.kafka-offsets-timeout}") Duration timeout) {
        return new KafkaOffsetMetrics(brokers, KafkaOffsetMetrics.parseGroups(groups), Map.of(dlq, "chat.dlq.size"),
                interval, timeout);
    }

    @Bean
    KafkaTraceExtraction kafkaTraceExtraction(OpenTelemetry openTelemetry) {
        return new KafkaTraceExtraction(openTelemetry);
    }

    @Bean
    KafkaTraceInjection kafkaTraceInjection(OpenTelemetry openTelemetry) {
        return new KafkaTraceInjection(openTelemetry);
    }

    /** Replaces Boot's {@code redis} indicator (same name): the same check, run in the background with a bound. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnectionFactory redis, @Value("${chat.health.timeout}") Duration timeout,
            @Value("${chat.health.interval}") Duration interval) {
        return new BackgroundHealth("redis", new RedisHealthIndicator(redis), timeout, interval, Clock.systemUTC());
    }

    /** {@code kafka} in /actuator/health and the readiness group. */
    @Bean
    HealthIndicator kafkaHealthIndicator(@Value("${chat.kafka.brokers}") String brokers,
            @Value("${chat.health.timeout}") Duration timeout, @Value("${chat.health.interval}") Duration interval) {
        return new BackgroundHealth("kafka", new KafkaClusterHealth(brokers, timeout), timeout.plusMillis(500),
                interval, Clock.systemUTC());
    }
}
