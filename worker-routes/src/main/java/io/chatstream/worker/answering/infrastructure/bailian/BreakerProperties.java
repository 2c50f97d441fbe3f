package io.chatstream.worker.answering.infrastructure.bailian;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code chat.bailian.breaker.*}: the circuit breaker around the Bailian calls. */
@ConfigurationProperties("chat.bailian.breaker")
public record BreakerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("30s") Duration waitInOpenState,
        @DefaultValue("3") int permittedCallsInHalfOpenState) {
}
