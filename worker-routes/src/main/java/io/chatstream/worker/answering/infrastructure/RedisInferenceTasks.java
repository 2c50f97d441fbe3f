package io.chatstream.worker.answering.infrastructure;

import io.chatstream.contracts.RedisKeys;
import io.chatstream.domain.RequestId;
import io.chatstream.worker.answering.application.InferenceTasks;
import io.chatstream.worker.answering.domain.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Task snapshots in the hash {@code chat:req:meta:{request_id}} (status, attempt, started_at), with a TTL. */
public final class RedisInferenceTasks implements InferenceTasks {

    private final StringRedisTemplate redis;
    private final Duration ttl;

    public RedisInferenceTasks(StringRedisTemplate redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    @Override
    public Optional<Snapshot> find(RequestId requestId) {
        Map<Object, Object> meta = redis.opsForHash().entries(RedisKeys.requestMeta(requestId.value()));
        Object status = meta.get("status");
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Snapshot(TaskState.fromWireName(status.toString()),
                    Integer.parseInt(String.valueOf(meta.getOrDefault("attempt", "0"))),
                    Instant.ofEpochMilli(Long.parseLong(String.valueOf(meta.getOrDefault("started_at", "0"))))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a damaged snapshot must not block answering
        }
    }

    @Override
    public void save(RequestId requestId, Snapshot snapshot) {
        String key = RedisKeys.requestMeta(requestId.value());
        redis.opsForHash().putAll(key, Map.of(
                "status", snapshot.state().wireName(),
                "attempt", Integer.toString(snapshot.attempt()),
                "started_at", Long.toString(snapshot.startedAt().toEpochMilli())));
        redis.expire(key, ttl);
    }
}
