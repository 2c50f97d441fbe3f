package io.chatstream.worker.platform.infrastructure;

import io.chatstream.support.observability.BackgroundHealth;
import io.chatstream.support.observability.HealthSettings;
import java.time.Clock;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.data.redis.RedisHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Traces and health of the worker service. Spans come from Spring Boot's OpenTelemetry SDK
 * (Micrometer Tracing bridge: W3C propagation, trace ids in the log MDC, OTLP export only when
 * {@code management.otlp.tracing.endpoint} is set). Readiness = Redis + Kafka.
 * The Kafka side (trace over record headers, the {@code kafka} check, consumer lag) is service-support's
 * {@code KafkaObservabilityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthSettings.class)
public class ObservabilityConfiguration {

    /** Replaces Boot's {@code redis} indicator (same name): the same check, run in the background with a bound. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnectionFactory redis, HealthSettings health) {
        return new BackgroundHealth("redis", new RedisHealthIndicator(redis), health.timeout(), health.interval(),
                Clock.systemUTC());
    }
}
