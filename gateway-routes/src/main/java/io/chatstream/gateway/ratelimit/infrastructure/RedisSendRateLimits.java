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
 * every gateway instance draws from the same allowance). When Redis cannot be reached within
 * {@code timeout}, the send is judged by the {@code fallback} (this instance's own buckets): chat keeps
 * working while only the limiter's store is down, and sends stay limited. Every decision is counted
 * in {@code chat.gateway.rate.limit{outcome, store}}; {@code chat.gateway.rate.limit.store.up} is 0
 * while Redis is unreachable (alert {@code ChatRateLimitStoreDown}).
 */
public final class RedisSendRateLimits implements SendRateLimits, AutoCloseable {

    /** The gateway is the only writer of these keys (docs/contracts.md). */
    public static final String KEY_PREFIX = "chat:ratelimit:send:";

    private static final Logger log = LoggerFactory.getLogger(RedisSendRateLimits.class);
    /** After a failed connect, do not try again for this long (each try costs a request its timeout). */
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);

    private final RedisClient client;
    private final Supplier<BucketConfiguration> configuration;
    private final SendRateLimits fallback;
    private final MeterRegistry meters;
    private volatile boolean storeUp = true;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile long nextConnectNanos;

    /** {@code redis}: where the buckets are (host, port, credentials, TLS); its timeout bounds every call. */
    public RedisSendRateLimits(RedisURI redis, SendAllowance allowance, SendRateLimits fallback, MeterRegistry meters) {
        this.client = RedisClient.create(redis);
        Duration timeout = redis.getTimeout();
        // Fail fast while disconnected instead of queueing commands until Redis is back.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        BucketConfiguration config = allowance.bucket();
        this.configuration = () -> config;
        this.fallback = fallback;
        this.meters = meters;
        if (meters != null) {
            meters.gauge("chat.gateway.rate.limit.store.up", this, limits -> limits.storeUp ? 1 : 0);
        }
    }

    @Override
    public Optional<Duration> tryAcquire(UserId user) {
        ProxyManager<String> manager = buckets();
        if (manager == null) {
            return judgedLocally(user, null);
        }
        try {
            ConsumptionProbe probe = manager.builder().build(KEY_PREFIX + user.value(), configuration)
                    .tryConsumeAndReturnRemaining(1);
            storeUp = true;
            Optional<Duration> wait = probe.isConsumed() ? Optional.empty()
                    : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            return counted(wait, "redis");
        } catch (RuntimeException e) {
            return judgedLocally(user, e);
        }
    }

    private Optional<Duration> judgedLocally(UserId user, RuntimeException cause) {
        storeUp = false;
        if (cause != null) {
            log.warn("rate limit store unreachable, this instance limits sends by itself: {}", cause.toString());
        }
        return counted(fallback.tryAcquire(user), "local");
    }

    private Optional<Duration> counted(Optional<Duration> wait, String store) {
        if (meters != null) {
            meters.counter("chat.gateway.rate.limit", "outcome", wait.isEmpty() ? "allowed" : "limited",
                    "store", store).increment();
        }
        return wait;
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
                log.warn("rate limit store unreachable, this instance limits sends by itself until it is back: {}",
                        e.toString());
            }
            return buckets;
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
