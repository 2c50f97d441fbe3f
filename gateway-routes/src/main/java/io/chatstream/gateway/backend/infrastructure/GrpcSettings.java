package io.chatstream.gateway.backend.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.grpc.*} in application.yml: the gateway's calls to the command and query services.
 *
 * @param deadline deadline of every unary call, all its retries included
 * @param loadBalancingPolicy how a channel spreads calls over a service's instances (round_robin or pick_first)
 * @param retry {@code chat.grpc.retry.*}
 */
@ConfigurationProperties("chat.grpc")
public record GrpcSettings(Duration deadline, String loadBalancingPolicy, Retry retry) {

    public GrpcSettings {
        Objects.requireNonNull(deadline, "chat.grpc.deadline is not set");
        Objects.requireNonNull(loadBalancingPolicy, "chat.grpc.load-balancing-policy is not set");
        Objects.requireNonNull(retry, "chat.grpc.retry is not set");
    }

    /**
     * Retries of the calls that are safe to repeat.
     *
     * @param maxAttempts attempts of such a call; 1 = never repeated, at most 5
     * @param initialBackoff wait before the first retry: random, up to this
     * @param maxBackoff longest wait before a retry
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        public Retry {
            Objects.requireNonNull(maxAttempts, "chat.grpc.retry.max-attempts is not set");
            Objects.requireNonNull(initialBackoff, "chat.grpc.retry.initial-backoff is not set");
            Objects.requireNonNull(maxBackoff, "chat.grpc.retry.max-backoff is not set");
        }
    }
}
