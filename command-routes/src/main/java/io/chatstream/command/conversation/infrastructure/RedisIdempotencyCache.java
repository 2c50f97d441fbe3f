package io.chatstream.command.conversation.infrastructure;

import io.chatstream.command.conversation.application.AcceptedSubmission;
import io.chatstream.command.conversation.application.IdempotencyCache;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@code chat:idempotent:{request_id}} = "user_id session_id accepted_at_micros turn" with a TTL.
 * Any Redis trouble degrades to a miss: the database's unique key stays the truth.
 */
class RedisIdempotencyCache implements IdempotencyCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisIdempotencyCache.class);

    private final StringRedisTemplate redis;
    private final Duration ttl;

    RedisIdempotencyCache(StringRedisTemplate redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    @Override
    public Optional<AcceptedSubmission> find(RequestId requestId) {
        try {
            String value = redis.opsForValue().get(RedisKeys.idempotency(requestId.value()));
            return value == null ? Optional.empty() : parse(requestId, value);
        } catch (RuntimeException e) {
            LOG.debug("idempotency cache unavailable, using the database: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void remember(AcceptedSubmission s) {
        String micros = Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, s.acceptedAt()));
        String value = String.join(" ", s.userId().value(), s.sessionId().value(), micros, Integer.toString(s.turn()));
        try {
            redis.opsForValue().set(RedisKeys.idempotency(s.requestId().value()), value, ttl);
        } catch (RuntimeException e) {
            LOG.debug("idempotency cache unavailable, not remembered: {}", e.toString());
        }
    }

    private static Optional<AcceptedSubmission> parse(RequestId requestId, String value) {
        String[] parts = value.split(" ");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            Instant acceptedAt = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
            return Optional.of(new AcceptedSubmission(requestId, new UserId(parts[0]), new SessionId(parts[1]),
                    acceptedAt, Integer.parseInt(parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
