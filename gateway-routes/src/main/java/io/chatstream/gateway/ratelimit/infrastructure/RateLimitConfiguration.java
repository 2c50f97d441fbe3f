package io.chatstream.gateway.ratelimit.infrastructure;

import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The send rate limit: Redis token buckets when {@code chat.rate-limit.enabled}, else none. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    /** Closed on shutdown (inferred {@code close()} of the Redis-backed instance). */
    @Bean
    SendRateLimits sendRateLimits(@Value("${chat.rate-limit.enabled}") boolean enabled,
            @Value("${spring.data.redis.host}") String host, @Value("${spring.data.redis.port}") int port,
            @Value("${chat.rate-limit.redis-timeout}") Duration timeout, @Value("${chat.rate-limit.capacity}") long capacity,
            @Value("${chat.rate-limit.refill-tokens}") long refillTokens,
            @Value("${chat.rate-limit.refill-period}") Duration refillPeriod, ObjectProvider<MeterRegistry> meters) {
        if (!enabled) {
            return SendRateLimits.unlimited();
        }
        return new RedisSendRateLimits(host, port, timeout, capacity, refillTokens, refillPeriod, meters.getIfAvailable());
    }
}
