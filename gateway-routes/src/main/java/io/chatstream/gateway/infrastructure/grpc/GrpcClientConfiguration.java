package io.chatstream.gateway.infrastructure.grpc;

import io.chatstream.gateway.application.ChatCommands;
import io.chatstream.gateway.application.ChatQueries;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingClientInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One long-lived plaintext channel per service; gRPC reconnects by itself when a service restarts. */
@Configuration(proxyBeanMethods = false)
public class GrpcClientConfiguration {

    @Bean(destroyMethod = "")
    ManagedChannel commandChannel(@Value("${chat.command.grpc-target}") String target, OpenTelemetry openTelemetry,
            MeterRegistry meters) {
        return channel(target, openTelemetry, meters);
    }

    @Bean(destroyMethod = "")
    ManagedChannel queryChannel(@Value("${chat.query.grpc-target}") String target, OpenTelemetry openTelemetry,
            MeterRegistry meters) {
        return channel(target, openTelemetry, meters);
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

    private static ManagedChannel channel(String target, OpenTelemetry openTelemetry, MeterRegistry meters) {
        ManagedChannel channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
                // The last interceptor runs first: the client span (and its W3C traceparent) exists
                // before CallerMetadata adds the caller.
                // grpc_client_processing_duration_seconds{service,method,statusCode}: the gateway's view of errors.
                // No span event per message: an answer stream is one span that lives for minutes and
                // would collect (and keep in heap) an event per token until it ends.
                .intercept(new CallerMetadata(), GrpcTelemetry.builder(openTelemetry).setEmitMessageEvents(false)
                                .build().newClientInterceptor(),
                        new MetricCollectingClientInterceptor(meters))
                // Two long-lived connections: never let them go idle, so readiness does not flap
                // and no request pays for reconnecting.
                .idleTimeout(30, TimeUnit.DAYS)
                .build();
        // Connect now, so the first user request does not pay for connection setup within its deadline.
        channel.getState(true);
        return channel;
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
