package io.chatstream.gateway.ratelimit.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.domain.UserId;
import io.chatstream.localinfra.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;

/**
 * The gateway's Lettuce client ({@link RateLimitConfiguration#redisUri}) against a real Redis that requires a
 * password ({@code requirepass}): spring.data.redis.password (and username {@code default}) get it in, no or a
 * wrong password is refused, and the rate limit then judges sends locally.
 */
@DisplayName("Gateway Redis credentials, against a real Redis with requirepass")
class RedisCredentialsIT {

    private static final String PASSWORD = "redis-" + UUID.randomUUID();
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startWithPassword(0, Path.of("target", "it-redis-auth-" + System.nanoTime()), PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static RedisURI uri(String username, String password) {
        RedisProperties properties = new RedisProperties();
        properties.setHost(redis.host());
        properties.setPort(redis.port());
        properties.setUsername(username);
        properties.setPassword(password);
        return RateLimitConfiguration.redisUri(properties, Duration.ofSeconds(2));
    }

    private static String ping(RedisURI uri) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().ping();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    @DisplayName("spring.data.redis.password alone, and with username 'default', connect")
    void passwordConnects() {
        assertThat(ping(uri(null, PASSWORD))).isEqualTo("PONG");
        assertThat(ping(uri("default", PASSWORD))).isEqualTo("PONG");
        assertThat(ping(uri("", PASSWORD))).as("the shipped empty username").isEqualTo("PONG");
        assertThat(uri("default", PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    @Test
    @DisplayName("no password: commands are refused (NOAUTH); a wrong password: the connect is refused")
    void refusedWithoutThePassword() {
        assertThatThrownBy(() -> ping(uri(null, null))).hasStackTraceContaining("NOAUTH");
        assertThatThrownBy(() -> ping(uri("", ""))).as("the shipped empty ones").hasStackTraceContaining("NOAUTH");
        assertThatThrownBy(() -> ping(uri(null, PASSWORD + "x"))).hasStackTraceContaining("WRONGPASS");
    }

    @Test
    @DisplayName("the rate limit keeps its buckets in Redis with the password, and judges locally without it")
    void rateLimitStore() {
        SendAllowance allowance = new SendAllowance(5, 5, Duration.ofMinutes(1));
        UserId user = UserId.parse("redis-auth-user").orElseThrow();

        assertThat(storeOf(uri(null, PASSWORD), allowance, user)).isEqualTo("redis");
        assertThat(storeOf(uri(null, null), allowance, user)).isEqualTo("local");
    }

    private static String storeOf(RedisURI uri, SendAllowance allowance, UserId user) {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (RedisSendRateLimits limits = new RedisSendRateLimits(uri, allowance,
                new LocalSendRateLimits(allowance, 100), meters)) {
            assertThat(limits.tryAcquire(user)).isEmpty();
        }
        return meters.get("chat.gateway.rate.limit").counters().stream().filter(c -> c.count() > 0)
                .map(c -> c.getId().getTag("store")).findFirst().orElseThrow();
    }
}
