package io.chatstream.gateway.ratelimit.infrastructure;

import io.chatstream.domain.UserId;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The same allowance in this instance's memory: what the gateway falls back to while Redis cannot be
 * reached, so an outage of the limiter's store never means "every send allowed". Per instance, so
 * with N gateways a user may send up to N times the allowance meanwhile. Holds the buckets of at most
 * {@code maxUsers} users; the least recently seen are forgotten first (a forgotten user starts full).
 */
public final class LocalSendRateLimits implements SendRateLimits {

    private final SendAllowance allowance;
    private final Map<String, Bucket> buckets;

    public LocalSendRateLimits(SendAllowance allowance, int maxUsers) {
        if (maxUsers < 1) {
            throw new IllegalArgumentException("chat.rate-limit.local-max-users must be positive");
        }
        this.allowance = allowance;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxUsers;
            }
        };
    }

    @Override
    public Optional<Duration> tryAcquire(UserId user) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(user.value(), u -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(allowance.capacity())
                            .refillGreedy(allowance.refillTokens(), allowance.refillPeriod()))
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
