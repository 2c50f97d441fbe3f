package io.chatstream.gateway.ratelimit.infrastructure;

import io.chatstream.domain.UserId;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token bucket per user in Redis key {@code chat:ratelimit:send:{user_id}} (compare-and-swap, so
 * every gateway instance draws from the same allowance). <b>Fails open</b>: when Redis cannot be
 * reached within {@code timeout} the send is allowed (and counted as {@code outcome=unavailable}).
 * Chat must keep working when only the limiter's store is down; the command service still refuses a
 * second prompt in a busy session and nginx's {@code limit_req} bounds each client address.
 */
public final class RedisSendRateLimits implements SendRateLimits, AutoCloseable {

    /** The gateway is the only writer of these keys (docs/contracts.md). */
    public static final String KEY_PREFIX = "chat:ratelimit:send:";

    private static final Logger log = LoggerFactory.getLogger(RedisSendRateLimits.class);
    /** After a failed connect, do not try again for this long (each try costs a request its timeout). */
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);

    private final RedisClient client;
    private final Supplier<BucketConfiguration> configuration;
    private final MeterRegistry meters;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile long nextConnectNanos;

    public RedisSendRateLimits(String host, int port, Duration timeout, long capacity, long refillTokens,
            Duration refillPeriod, MeterRegistry meters) {
        if (capacity < 1 || refillTokens < 1 || refillPeriod.isZero() || refillPeriod.isNegative()) {
            throw new IllegalArgumentException("chat.rate-limit: capacity, refill-tokens and refill-period must be positive");
        }
        this.client = RedisClient.create(RedisURI.builder().withHost(host).withPort(port).withTimeout(timeout).build());
        // Fail fast while disconnected instead of queueing commands until Redis is back.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillTokens, refillPeriod))
                .build();
        this.configuration = () -> config;
        this.meters = meters;
    }

    @Override
    public Optional<Duration> tryAcquire(UserId user) {
        ProxyManager<String> manager = buckets();
        if (manager == null) {
            return allowedBecauseUnavailable(null);
        }
        try {
            ConsumptionProbe probe = manager.builder().build(KEY_PREFIX + user.value(), configuration)
                    .tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                count("allowed");
                return Optional.empty();
            }
            count("limited");
            return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            return allowedBecauseUnavailable(e);
        }
    }

    private Optional<Duration> allowedBecauseUnavailable(RuntimeException cause) {
        count("unavailable");
        if (cause != null) {
            log.warn("rate limit store unreachable, allowing the send (fail open): {}", cause.toString());
        }
        return Optional.empty();
    }

    /** Connects on first use and again after a failed connect (not at start-up: Redis may start later). */
    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (buckets != null || System.nanoTime() < nextConnectNanos) {
                return buckets;
            }
            try {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        // A full bucket is the same as no key: let Redis forget idle users.
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build();
            } catch (RuntimeException e) {
                nextConnectNanos = System.nanoTime() + RECONNECT_PAUSE.toNanos();
                log.warn("rate limit store unreachable, sends are not limited until it is back: {}", e.toString());
            }
            return buckets;
        }
    }

    private void count(String outcome) {
        if (meters != null) {
            meters.counter("chat.gateway.rate.limit", "outcome", outcome).increment();
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
