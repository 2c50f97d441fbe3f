package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.platform.infrastructure.SseSettings;
import io.chatstream.support.identity.GatewayTokens;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingClientInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One long-lived plaintext channel per service, to all of its instances (chat.*.grpc-target); gRPC
 * reconnects by itself when an instance restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GrpcSettings.class, CommandServiceSettings.class, QueryServiceSettings.class,
        SseSettings.class})
public class GrpcClientConfiguration {

    /** Load balancing over a service's instances and retries of the calls that are safe to repeat. */
    @Bean
    ChannelPolicy channelPolicy(GrpcSettings grpc) {
        GrpcSettings.Retry retry = grpc.retry();
        return new ChannelPolicy(grpc.loadBalancingPolicy(), retry.maxAttempts(), retry.initialBackoff(),
                retry.maxBackoff());
    }

    @Bean(destroyMethod = "")
    ManagedChannel commandChannel(CommandServiceSettings command, ChannelPolicy policy, OpenTelemetry openTelemetry,
            MeterRegistry meters, GatewayTokens tokens) {
        return ServiceChannels.open(GrpcTarget.parse("chat.command.grpc-target", command.grpcTarget()),
                policy.serviceConfig(GrpcChatCommands.SAFE_TO_REPEAT),
                interceptors(openTelemetry, meters, new GatewayIdentityMetadata(tokens, GatewayTokens.COMMAND_AUDIENCE)));
    }

    @Bean(destroyMethod = "")
    ManagedChannel queryChannel(QueryServiceSettings query, ChannelPolicy policy, OpenTelemetry openTelemetry,
            MeterRegistry meters, GatewayTokens tokens) {
        return ServiceChannels.open(GrpcTarget.parse("chat.query.grpc-target", query.grpcTarget()),
                policy.serviceConfig(GrpcChatQueries.SAFE_TO_REPEAT),
                interceptors(openTelemetry, meters, new GatewayIdentityMetadata(tokens, GatewayTokens.QUERY_AUDIENCE)));
    }

    @Bean
    ChatCommands chatCommands(ManagedChannel commandChannel, GrpcSettings grpc) {
        return new GrpcChatCommands(commandChannel, grpc.deadline());
    }

    @Bean
    ChatQueries chatQueries(ManagedChannel queryChannel, GrpcSettings grpc, SseSettings sse) {
        return new GrpcChatQueries(queryChannel, grpc.deadline(), sse.maxDuration());
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
     * adds the caller and the gateway token. They see a call once, however many attempts it takes.
     */
    private static List<ClientInterceptor> interceptors(OpenTelemetry openTelemetry, MeterRegistry meters,
                                                        GatewayIdentityMetadata identity) {
        return List.of(new CallerMetadata(), identity,
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
