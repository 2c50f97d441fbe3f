package io.chatstream.gateway.backend.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.proto.v1.ChatQueryServiceGrpc;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ChannelPolicyTest {

    private final ChannelPolicy defaults = new ChannelPolicy("round_robin", 3, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    @DisplayName("the service config balances round robin and retries the unary calls that are safe to repeat")
    void serviceConfig() {
        Map<String, Object> config = defaults.serviceConfig(GrpcChatCommands.SAFE_TO_REPEAT);

        assertThat(config.get("loadBalancingConfig")).isEqualTo(List.of(Map.of("round_robin", Map.of())));
        Map<?, ?> methods = (Map<?, ?>) ((List<?>) config.get("methodConfig")).get(0);
        assertThat(methods.get("retryPolicy")).isEqualTo(Map.of("maxAttempts", 3.0, "initialBackoff", "0.1s",
                "maxBackoff", "1s", "backoffMultiplier", 2.0, "retryableStatusCodes", List.of("UNAVAILABLE", "CANCELLED")));
        assertThat((List<Object>) methods.get("name")).containsExactlyInAnyOrder(
                Map.of("service", "chat.v1.ChatCommandService", "method", "SubmitPrompt"),
                Map.of("service", "chat.v1.ChatCommandService", "method", "CancelPrompt"),
                Map.of("service", "chat.v1.ChatCommandService", "method", "RenameSession"),
                Map.of("service", "chat.v1.ChatCommandService", "method", "PinSession"),
                Map.of("service", "chat.v1.ChatCommandService", "method", "DeleteSession"),
                Map.of("service", "chat.v1.ChatCommandService", "method", "GetPromptStatus"));
    }

    @Test
    @DisplayName("the query service's reads are retried, its answer stream is not")
    void queries() {
        Map<?, ?> methods = (Map<?, ?>) ((List<?>) defaults.serviceConfig(GrpcChatQueries.SAFE_TO_REPEAT).get("methodConfig")).get(0);

        assertThat((List<Object>) methods.get("name")).containsExactlyInAnyOrder(
                Map.of("service", "chat.v1.ChatQueryService", "method", "ListSessions"),
                Map.of("service", "chat.v1.ChatQueryService", "method", "GetSessionMessages"),
                Map.of("service", "chat.v1.ChatQueryService", "method", "SearchMessages"));
        List<MethodDescriptor<?, ?>> stream = List.of(ChatQueryServiceGrpc.getStreamAnswerMethod());
        assertThatThrownBy(() -> defaults.serviceConfig(stream)).hasMessageContaining("never retried");
    }

    @Test
    @DisplayName("one attempt means no retry policy at all")
    void noRetries() {
        Map<String, Object> config = new ChannelPolicy("pick_first", 1, Duration.ofMillis(100), Duration.ofSeconds(1))
                .serviceConfig(GrpcChatCommands.SAFE_TO_REPEAT);

        assertThat(config).isEqualTo(Map.of("loadBalancingConfig", List.of(Map.of("pick_first", Map.of()))));
    }

    @Test
    @DisplayName("settings grpc-java cannot use fail with a message that names them")
    void refused() {
        assertThatThrownBy(() -> new ChannelPolicy("round-robin", 3, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .hasMessageContaining("chat.grpc.load-balancing-policy='round-robin'");
        assertThatThrownBy(() -> new ChannelPolicy("round_robin", 6, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .hasMessageContaining("chat.grpc.retry.max-attempts=6");
        assertThatThrownBy(() -> new ChannelPolicy("round_robin", 0, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .hasMessageContaining("chat.grpc.retry.max-attempts=0");
        assertThatThrownBy(() -> new ChannelPolicy("round_robin", 3, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("chat.grpc.retry.initial-backoff");
        assertThatThrownBy(() -> new ChannelPolicy("round_robin", 3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("chat.grpc.retry.max-backoff");
    }
}
