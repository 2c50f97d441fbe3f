package io.chatstream.query.platform.infrastructure.observability;

import io.chatstream.support.identity.GatewayTokens;
import io.chatstream.support.identity.ServiceIdentitySettings;
import io.chatstream.support.observability.BackgroundHealth;
import io.chatstream.support.observability.HealthSettings;
import io.chatstream.support.observability.ServerInterceptorChain;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.actuate.data.redis.RedisHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Traces and health of the query service. Spans come from Spring Boot's OpenTelemetry SDK
 * (Micrometer Tracing bridge: W3C propagation, trace ids in the log MDC, OTLP export only when
 * {@code management.otlp.tracing.endpoint} is set). Readiness = database + Redis + Kafka.
 * The Kafka side (trace over record headers, the {@code kafka} check, consumer lag) is service-support's
 * {@code KafkaObservabilityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HealthSettings.class, ServiceIdentitySettings.class})
public class ObservabilityConfiguration {

    /**
     * The only ServerInterceptor bean, so camel-grpc (which applies every discovered one in no
     * defined order) gets a fixed chain: server spans continuing the gateway's trace, then calls,
     * duration and status per method (grpc_server_processing_duration_seconds{statusCode}).
     */
    @Bean
    @Profile("!rebuild") // the read-model rebuild serves no gRPC, so it needs no gateway key
    ServerInterceptor grpcServerInterceptors(OpenTelemetry openTelemetry, MeterRegistry registry,
                                             ServiceIdentitySettings identity) {
        return ServerInterceptorChain.of(
                // No span event per message: a long answer stream would keep one per token in its span.
                GrpcTelemetry.builder(openTelemetry).setEmitMessageEvents(false).build().newServerInterceptor(),
                new MetricCollectingServerInterceptor(registry),
                // Last, so spans and metrics record its refusals: only a gateway's calls, for the user they name.
                identity.interceptor(GatewayTokens.QUERY_AUDIENCE, Clock.systemUTC()));
    }

    /** Replaces Boot's {@code db} indicator (same name): the same check, run in the background with a bound. */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource, HealthSettings health) {
        return new BackgroundHealth("db", new DataSourceHealthIndicator(dataSource), health.timeout(), health.interval(),
                Clock.systemUTC());
    }

    /** Replaces Boot's {@code redis} indicator (same name): the same check, run in the background with a bound. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnectionFactory redis, HealthSettings health) {
        return new BackgroundHealth("redis", new RedisHealthIndicator(redis), health.timeout(), health.interval(),
                Clock.systemUTC());
    }
}
