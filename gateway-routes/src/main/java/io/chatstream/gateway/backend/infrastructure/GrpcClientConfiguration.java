package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingClientInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One long-lived plaintext channel per service, to all of its instances (chat.*.grpc-target); gRPC
 * reconnects by itself when an instance restarts.
 */
@Configuration(proxyBeanMethods = false)
public class GrpcClientConfiguration {

    /** Load balancing over a service's instances and retries of the calls that are safe to repeat. */
    @Bean
    ChannelPolicy channelPolicy(@Value("${chat.grpc.load-balancing-policy}") String loadBalancing,
            @Value("${chat.grpc.retry.max-attempts}") int maxAttempts,
            @Value("${chat.grpc.retry.initial-backoff}") Duration initialBackoff,
            @Value("${chat.grpc.retry.max-backoff}") Duration maxBackoff) {
        return new ChannelPolicy(loadBalancing, maxAttempts, initialBackoff, maxBackoff);
    }

    @Bean(destroyMethod = "")
    ManagedChannel commandChannel(@Value("${chat.command.grpc-target}") String target, ChannelPolicy policy,
            OpenTelemetry openTelemetry, MeterRegistry meters) {
        return ServiceChannels.open(GrpcTarget.parse("chat.command.grpc-target", target),
                policy.serviceConfig(GrpcChatCommands.SAFE_TO_REPEAT), interceptors(openTelemetry, meters));
    }

    @Bean(destroyMethod = "")
    ManagedChannel queryChannel(@Value("${chat.query.grpc-target}") String target, ChannelPolicy policy,
            OpenTelemetry openTelemetry, MeterRegistry meters) {
        return ServiceChannels.open(GrpcTarget.parse("chat.query.grpc-target", target),
                policy.serviceConfig(GrpcChatQueries.SAFE_TO_REPEAT), interceptors(openTelemetry, meters));
    }

    @Bean
    ChatCommands chatCommands(ManagedChannel commandChannel, @Value("${chat.grpc.deadline}") Duration deadline) {
        return new GrpcChatCommands(commandChannel, deadline);
    }

    @Bean
    ChatQueries chatQueries(ManagedChannel queryChannel, @Value("${chat.grpc.deadline}") Duration deadline,
            @Value("${chat.sse.max-duration}") Duration streamMaxDuration) {
        return new GrpcChatQueries(queryChannel, deadline, streamMaxDuration);
    }

    /** Readiness (and /actuator/health) include whether both services are reachable. */
    @Bean
    GrpcChannelsHealth grpcChannelsHealthIndicator(ManagedChannel commandChannel, ManagedChannel queryChannel) {
        return new GrpcChannelsHealth(Map.of("command", commandChannel, "query", queryChannel));
    }

    @Bean
    ChannelShutdown channelShutdown(ManagedChannel commandChannel, ManagedChannel queryChannel) {
        return new ChannelShutdown(commandChannel, queryChannel);
    }

    /**
     * The last interceptor runs first: the client span (and its W3C traceparent) exists before CallerMetadata
     * adds the caller. They see a call once, however many attempts it takes.
     */
    private static List<ClientInterceptor> interceptors(OpenTelemetry openTelemetry, MeterRegistry meters) {
        return List.of(new CallerMetadata(),
                // No span event per message: an answer stream is one span that lives for minutes and
                // would collect (and keep in heap) an event per token until it ends.
                GrpcTelemetry.builder(openTelemetry).setEmitMessageEvents(false).build().newClientInterceptor(),
                // grpc_client_processing_duration_seconds{service,method,statusCode}: the gateway's view of errors.
                new MetricCollectingClientInterceptor(meters));
    }

    /** Closes the channels on shutdown, giving in-flight calls a moment to finish. */
    record ChannelShutdown(ManagedChannel... channels) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            for (ManagedChannel channel : channels) {
                channel.shutdown();
            }
            for (ManagedChannel channel : channels) {
                if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            }
        }
    }
}
