package io.chatstream.gateway.ratelimit.infrastructure;

import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The send rate limit: Redis token buckets (with this instance's own buckets while Redis is
 * unreachable) when {@code chat.rate-limit.enabled}, else none. Redis is addressed by Spring Boot's
 * {@code spring.data.redis.*}: host, port, username, password and {@code ssl.enabled} (TLS).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisProperties.class, RateLimitSettings.class})
public class RateLimitConfiguration {

    /** Closed on shutdown (inferred {@code close()} of the Redis-backed instance). */
    @Bean
    SendRateLimits sendRateLimits(RateLimitSettings settings, RedisProperties redis,
            ObjectProvider<MeterRegistry> meters) {
        if (!settings.enabled()) {
            return SendRateLimits.unlimited();
        }
        SendAllowance allowance = new SendAllowance(settings.capacity(), settings.refillTokens(),
                settings.refillPeriod());
        return new RedisSendRateLimits(redisUri(redis, settings.redisTimeout()), allowance,
                new LocalSendRateLimits(allowance, settings.localMaxUsers()), meters.getIfAvailable());
    }

    static RedisURI redisUri(RedisProperties redis, Duration timeout) {
        RedisURI.Builder uri = RedisURI.builder().withHost(redis.getHost()).withPort(redis.getPort())
                .withDatabase(redis.getDatabase()).withTimeout(timeout).withSsl(redis.getSsl().isEnabled());
        if (redis.getPassword() != null && !redis.getPassword().isEmpty()) {
            uri = redis.getUsername() == null || redis.getUsername().isEmpty()
                    ? uri.withPassword(redis.getPassword().toCharArray())
                    : uri.withAuthentication(redis.getUsername(), redis.getPassword().toCharArray());
        }
        return uri.build();
    }
}
