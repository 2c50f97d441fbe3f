package io.chatstream.worker.answering.infrastructure.bailian;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code chat.bailian.breaker.*} in application.yml (defaults there): the circuit breaker around the Bailian calls. */
@ConfigurationProperties("chat.bailian.breaker")
public record BreakerSettings(
        Boolean enabled,
        Float failureRateThreshold,
        Integer slidingWindowSize,
        Integer minimumNumberOfCalls,
        Duration waitInOpenState,
        Integer permittedCallsInHalfOpenState) {

    public BreakerSettings {
        Objects.requireNonNull(enabled, "chat.bailian.breaker.enabled is not set");
        Objects.requireNonNull(failureRateThreshold, "chat.bailian.breaker.failure-rate-threshold is not set");
        Objects.requireNonNull(slidingWindowSize, "chat.bailian.breaker.sliding-window-size is not set");
        Objects.requireNonNull(minimumNumberOfCalls, "chat.bailian.breaker.minimum-number-of-calls is not set");
        Objects.requireNonNull(waitInOpenState, "chat.bailian.breaker.wait-in-open-state is not set");
        Objects.requireNonNull(permittedCallsInHalfOpenState,
                "chat.bailian.breaker.permitted-calls-in-half-open-state is not set");
    }
}
