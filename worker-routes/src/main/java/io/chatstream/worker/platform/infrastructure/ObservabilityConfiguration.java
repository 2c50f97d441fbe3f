package io.chatstream.worker.platform.infrastructure;

import io.chatstream.support.observability.BackgroundHealth;
import java.time.Clock;
import java.time.Duration;
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
 * The Kafka side (trace over record headers, the {@code kafka} check, consumer lag) is service-support's
 * {@code KafkaObservabilityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Replaces Boot's {@code redis} indicator (same name): the same check, run in the background with a bound. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnectionFactory redis, @Value("${chat.health.timeout}") Duration timeout,
            @Value("${chat.health.interval}") Duration interval) {
        return new BackgroundHealth("redis", new RedisHealthIndicator(redis), timeout, interval, Clock.systemUTC());
    }
}
