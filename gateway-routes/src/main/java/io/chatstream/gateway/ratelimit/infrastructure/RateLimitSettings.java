package io.chatstream.gateway.ratelimit.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.rate-limit.*} in application.yml: the per-user send rate limit.
 *
 * @param enabled false = no limit at all (Redis is then never contacted)
 * @param capacity prompts a user may send in a burst
 * @param refillTokens tokens put back per refill period, spread evenly
 * @param refillPeriod see refillTokens
 * @param redisTimeout longest wait for Redis per send; past it this instance judges with its own buckets
 * @param localMaxUsers users whose local buckets one instance keeps while Redis is down
 */
@ConfigurationProperties("chat.rate-limit")
public record RateLimitSettings(Boolean enabled, Long capacity, Long refillTokens, Duration refillPeriod,
        Duration redisTimeout, Integer localMaxUsers) {

    public RateLimitSettings {
        Objects.requireNonNull(enabled, "chat.rate-limit.enabled is not set");
        Objects.requireNonNull(capacity, "chat.rate-limit.capacity is not set");
        Objects.requireNonNull(refillTokens, "chat.rate-limit.refill-tokens is not set");
        Objects.requireNonNull(refillPeriod, "chat.rate-limit.refill-period is not set");
        Objects.requireNonNull(redisTimeout, "chat.rate-limit.redis-timeout is not set");
        Objects.requireNonNull(localMaxUsers, "chat.rate-limit.local-max-users is not set");
    }
}
