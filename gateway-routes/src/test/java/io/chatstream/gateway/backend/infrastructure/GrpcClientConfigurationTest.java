package io.chatstream.gateway.backend.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.support.identity.TestGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The gRPC client settings as the gateway reads them at start-up. */
class GrpcClientConfigurationTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            // As in the application: "5s" binds to a Duration.
            .withInitializer(context -> context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
            // The shipped application.yml for the settings this test does not set (chat.sse.*); those below win.
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(GrpcClientConfiguration.class, ServiceIdentityConfiguration.class)
            .withBean(OpenTelemetry.class, OpenTelemetry::noop)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("chat.command.grpc-target=127.0.0.1:9091,127.0.0.1:9191",
                    "chat.query.grpc-target=dns:///localhost:9093", "chat.grpc.deadline=5s", "chat.sse.max-duration=30m",
                    "chat.grpc.load-balancing-policy=round_robin", "chat.grpc.retry.max-attempts=3",
                    "chat.grpc.retry.initial-backoff=100ms", "chat.grpc.retry.max-backoff=1s",
                    "chat.service-identity.command-key=" + TestGateway.COMMAND_KEY,
                    "chat.service-identity.query-key=" + TestGateway.QUERY_KEY);

    @Test
    @DisplayName("a list of instances and a dns:/// target start (nothing needs to listen yet)")
    void starts() {
        gateway.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ChatCommands.class).hasSingleBean(ChatQueries.class);
        });
    }

    @Test
    @DisplayName("one key for both services stops the start: each service needs its own gateway key")
    void sameKeyForBothServices() {
        gateway.withPropertyValues("chat.service-identity.query-key=" + TestGateway.COMMAND_KEY).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageStartingWith("chat.service-identity.command-key and query-key hold the same key");
        });
    }

    @Test
    @DisplayName("a key file that is not a key stops the start with a message naming the setting and the file")
    void notAKey() {
        gateway.withPropertyValues("chat.service-identity.command-key=classpath:service-identity/README.md").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(
                    "chat.service-identity.command-key class path resource [service-identity/README.md] is not base64");
        });
    }

    @Test
    @DisplayName("a bad target stops the start with a message naming the setting")
    void badTarget() {
        gateway.withPropertyValues("chat.query.grpc-target=127.0.0.1:9093,query").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageStartingWith("chat.query.grpc-target='127.0.0.1:9093,query' is not a gRPC target: 'query' has no port");
        });
    }

    @Test
    @DisplayName("a target URI that grpc-java's resolver refuses stops the start with a message naming the setting")
    void refusedByResolver() {
        gateway.withPropertyValues("chat.command.grpc-target=dns:///").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageStartingWith("chat.command.grpc-target='dns:///' is not a usable gRPC target: ");
        });
    }

    @Test
    @DisplayName("an unknown load balancing policy stops the start with a message naming the setting")
    void badPolicy() {
        gateway.withPropertyValues("chat.grpc.load-balancing-policy=least_busy").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("chat.grpc.load-balancing-policy='least_busy' is not a grpc-java load balancing policy");
        });
    }
}
