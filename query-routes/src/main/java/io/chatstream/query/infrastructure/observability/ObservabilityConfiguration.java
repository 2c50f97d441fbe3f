package io.chatstream.query.infrastructure.observability;

import io.chatstream.support.observability.BackgroundHealth;
import io.chatstream.support.observability.KafkaClusterHealth;
import io.chatstream.support.observability.KafkaTraceExtraction;
import io.chatstream.support.observability.KafkaTraceInjection;
import io.chatstream.support.observability.KafkaOffsetMetrics;
import io.chatstream.support.observability.ServerInterceptorChain;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.actuate.data.redis.RedisHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Traces and health of the query service. Spans come from Spring Boot's OpenTelemetry SDK
 * (Micrometer Tracing bridge: W3C propagation, trace ids in the log MDC, OTLP export only when
 * {@code management.otlp.tracing.endpoint} is set). Readiness = database + Redis + Kafka.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /**
     * The only ServerInterceptor bean, so camel-grpc (which applies every discovered one in no
     * defined order) gets a fixed chain: server spans continuing the gateway's trace, then calls,
     * duration and status per method (grpc_server_processing_duration_seconds{statusCode}).
     */
    @Bean
    ServerInterceptor grpcServerInterceptors(OpenTelemetry openTelemetry, MeterRegistry registry) {
        return ServerInterceptorChain.of(
                // No span event per message: a long answer stream would keep one per token in its span.
                GrpcTelemetry.builder(openTelemetry).setEmitMessageEvents(false).build().newServerInterceptor(),
                new MetricCollectingServerInterceptor(registry));
    }

    /** chat_kafka_consumer_lag of this service's own projection groups (chat.metrics.consumer-groups). */
    @Bean
    KafkaOffsetMetrics kafkaOffsetMetrics(@Value("${chat.kafka.brokers}") String brokers,
            @Value("${chat.metrics.consumer-groups}") String groups,
            @Value("${chat.metrics.kafka-offsets-interval}") Duration interval,
            @Value("${chat.metrics.kafka-offsets-timeout}") Duration timeout) {
        return new KafkaOffsetMetrics(brokers, KafkaOffsetMetrics.parseGroups(groups), Map.of(), interval, timeout);
    }

    @Bean
    RelayTraces relayTraces(JdbcTemplate jdbc, OpenTelemetry openTelemetry) {
        return new RelayTraces(jdbc, openTelemetry);
    }

    @Bean
    KafkaTraceExtraction kafkaTraceExtraction(OpenTelemetry openTelemetry) {
        return new KafkaTraceExtraction(openTelemetry);
    }

    @Bean
    KafkaTraceInjection kafkaTraceInjection(OpenTelemetry openTelemetry) {
        return new KafkaTraceInjection(openTelemetry);
    }

    /** Replaces Boot's {@code db} indicator (same name): the same check, run in the background with a bound. */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource, @Value("${chat.health.timeout}") Duration timeout,
            @Value("${chat.health.interval}") Duration interval) {
        return new BackgroundHealth("db", new DataSourceHealthIndicator(dataSource), timeout, interval, Clock.systemUTC());
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
