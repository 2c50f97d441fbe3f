package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.domain.UserId;
import io.chatstream.gateway.ratelimit.infrastructure.RedisSendRateLimits;
import io.chatstream.gateway.ratelimit.infrastructure.SendAllowance;
import io.chatstream.gateway.ratelimit.infrastructure.LocalSendRateLimits;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.chatstream.localinfra.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The per-user send limit against a real Redis: 429 with Retry-After, shared by instances, local while Redis is down. */
class RateLimitTest extends GatewayTestSupport {

    private static final RedisServer REDIS = RedisServer.start(0, Path.of("target/it-redis-ratelimit-" + System.nanoTime()));

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("chat.rate-limit.enabled", () -> "true");
        registry.add("spring.data.redis.host", REDIS::host);
        registry.add("spring.data.redis.port", REDIS::port);
        registry.add("chat.rate-limit.capacity", () -> "3");
        registry.add("chat.rate-limit.refill-tokens", () -> "3");
        registry.add("chat.rate-limit.refill-period", () -> "1h");
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    @DisplayName("the fourth prompt within the allowance is refused with 429, Retry-After and a JSON error; others are unaffected")
    void limitsPerUser() throws Exception {
        String carol = devToken("carol-limited");
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/chat/send", "{\"prompt\":\"hi " + i + "\"}", carol).statusCode()).isEqualTo(202);
        }
        FAKES.command.lastSubmit.set(null);

        HttpResponse<String> limited = post("/api/chat/send", "{\"prompt\":\"one too many\"}", carol);

        assertThat(errorCode(limited, 429)).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("about a third of the hour until one token is back").isBetween(1L, 1200L);
        assertThat(FAKES.command.lastSubmit.get()).as("nothing submitted").isNull();
        assertThat(post("/api/chat/send", "{\"prompt\":\"hello\"}", devToken("dave-unlimited")).statusCode())
                .isEqualTo(202);
        try (RedisClient client = redisClient(); StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().exists(RedisSendRateLimits.KEY_PREFIX + "carol-limited")).isEqualTo(1L);
            assertThat(redis.sync().pttl(RedisSendRateLimits.KEY_PREFIX + "carol-limited"))
                    .as("the bucket expires by itself").isPositive();
        }
    }

    @Test
    @DisplayName("a malformed send costs nothing from the allowance")
    void invalidSendsAreFree() throws Exception {
        String erin = devToken("erin-typos");
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/chat/send", "{\"prompt\":\"  \"}", erin).statusCode()).isEqualTo(400);
        }
        assertThat(post("/api/chat/send", "{\"prompt\":\"now for real\"}", erin).statusCode()).isEqualTo(202);
    }

    @Test
    @DisplayName("two gateway instances draw from one allowance per user")
    void sharedAcrossInstances() {
        try (RedisSendRateLimits first = limiter(REDIS.port()); RedisSendRateLimits second = limiter(REDIS.port())) {
            UserId frank = UserId.parse("frank-two-gateways").orElseThrow();
            assertThat(first.tryAcquire(frank)).isEmpty();
            assertThat(second.tryAcquire(frank)).isEmpty();
            assertThat(first.tryAcquire(frank)).isPresent();
            assertThat(second.tryAcquire(frank)).as("the second instance sees the first one's sends").isPresent();
        }
    }

    @Test
    @DisplayName("when Redis cannot be reached the instance limits sends by itself, quickly, and uses Redis again once it is back")
    void failsOpen() {
        RedisServer other = RedisServer.start(0, Path.of("target/it-redis-failopen-" + System.nanoTime()));
        int port = other.port();
        await("the second Redis accepts connections").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (RedisClient client = RedisClient.create("redis://" + other.host() + ":" + port);
                    StatefulRedisConnection<String, String> redis = client.connect()) {
                return "PONG".equals(redis.sync().ping());
            }
        });
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (RedisSendRateLimits limits = limiter(port, meters)) {
            UserId gina = UserId.parse("gina-redis-down").orElseThrow();
            assertThat(limits.tryAcquire(gina)).isEmpty();
            assertThat(limits.tryAcquire(gina)).isEmpty();
            assertThat(limits.tryAcquire(gina)).as("limited while Redis is up").isPresent();
            other.stop();

            long began = System.nanoTime();
            assertThat(limits.tryAcquire(gina)).as("Redis down: a full local bucket allows").isEmpty();
            assertThat(limits.tryAcquire(gina)).isEmpty();
            for (int i = 0; i < 3; i++) {
                assertThat(limits.tryAcquire(gina)).as("Redis down: the local bucket limits, never fails open")
                        .isPresent();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("bounded by the timeout, not hanging")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(meters.get("chat.gateway.rate.limit.store.up").gauge().value()).isZero();
            assertThat(meters.get("chat.gateway.rate.limit").tags("outcome", "limited", "store", "local").counter()
                    .count()).isEqualTo(3);

            other.restart();
            UserId hugo = UserId.parse("hugo-after-outage").orElseThrow();
            await("Redis is used again once it is back").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> limits.tryAcquire(hugo).isEmpty()
                            && meters.get("chat.gateway.rate.limit.store.up").gauge().value() == 1);
        } finally {
            other.close();
        }
    }

    private static RedisSendRateLimits limiter(int port) {
        return limiter(port, null);
    }

    private static RedisSendRateLimits limiter(int port, MeterRegistry meters) {
        SendAllowance allowance = new SendAllowance(2, 2, Duration.ofHours(1));
        return new RedisSendRateLimits(RedisURI.builder().withHost(REDIS.host()).withPort(port)
                .withTimeout(Duration.ofMillis(300)).build(), allowance, new LocalSendRateLimits(allowance, 100), meters);
    }

    private static RedisClient redisClient() {
        return RedisClient.create("redis://" + REDIS.host() + ":" + REDIS.port());
    }
}
