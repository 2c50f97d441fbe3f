package io.chatstream.gateway.ratelimit.infrastructure;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * {@code chat.rate-limit.*}: one user's send allowance, a token bucket of {@code capacity} sends
 * refilled by {@code refillTokens} per {@code refillPeriod}.
 */
public record SendAllowance(long capacity, long refillTokens, Duration refillPeriod) {

    public SendAllowance {
        if (capacity < 1 || refillTokens < 1 || refillPeriod.isZero() || refillPeriod.isNegative()) {
            throw new IllegalArgumentException("chat.rate-limit: capacity, refill-tokens and refill-period must be positive");
        }
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillTokens, refillPeriod))
                .build();
    }
}
