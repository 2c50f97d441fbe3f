package io.chatstream.worker.deadletters.infrastructure;

import io.chatstream.contracts.RedisKeys;
import io.chatstream.worker.deadletters.application.ReplayClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * Replay claims in Redis, shared by every worker instance. The ledger key
 * {@code chat:dlq:replay:{request_id}} (worker-owned, like the meta hash) says running / completed /
 * failed / stopped; one Lua script checks it and the task's meta hash and, when the request may be
 * replayed, takes the claim and sets the meta back to {@code queued} with attempt 0 in the same step,
 * so the answering use case (which skips finished tasks) answers it again with a fresh attempt budget.
 * A claim whose replay died with its worker expires after {@code claimTtl}.
 */
public final class RedisReplayClaims implements ReplayClaims {

    static final String PREFIX = "chat:dlq:replay:";

    private static final DefaultRedisScript<String> CLAIM = new DefaultRedisScript<>("""
            local ledger = redis.call('GET', KEYS[1])
            if ledger == 'running' then return 'IN_PROGRESS' end
            if ledger == 'completed' or ledger == 'stopped' then return 'ALREADY_REPLAYED' end
            local status = redis.call('HGET', KEYS[2], 'status')
            if status == 'completed' or status == 'stopped' then return 'ALREADY_ANSWERED' end
            if status == 'queued' or status == 'streaming' then
              local started = tonumber(redis.call('HGET', KEYS[2], 'started_at') or '0') or 0
              if tonumber(ARGV[1]) - started < tonumber(ARGV[2]) * 1000 then return 'IN_PROGRESS' end
            end
            redis.call('SET', KEYS[1], 'running', 'EX', ARGV[2])
            redis.call('HSET', KEYS[2], 'status', 'queued', 'attempt', '0', 'started_at', ARGV[1])
            redis.call('EXPIRE', KEYS[2], ARGV[3])
            return 'CLAIMED'
            """, String.class);

    private final StringRedisTemplate redis;
    private final Duration claimTtl;
    private final Duration ledgerTtl;
    private final Duration metaTtl;
    private final Clock clock;

    public RedisReplayClaims(StringRedisTemplate redis, Duration claimTtl, Duration ledgerTtl, Duration metaTtl,
            Clock clock) {
        this.redis = redis;
        this.claimTtl = claimTtl;
        this.ledgerTtl = ledgerTtl;
        this.metaTtl = metaTtl;
        this.clock = clock;
    }

    @Override
    public Claim claim(String requestId) {
        String result = redis.execute(CLAIM, List.of(PREFIX + requestId, RedisKeys.requestMeta(requestId)),
                Long.toString(clock.millis()), Long.toString(Math.max(1, claimTtl.toSeconds())),
                Long.toString(Math.max(1, metaTtl.toSeconds())));
        return Claim.valueOf(result);
    }

    @Override
    public void finish(String requestId, String status) {
        redis.opsForValue().set(PREFIX + requestId, status, ledgerTtl);
    }

    @Override
    public void release(String requestId) {
        redis.delete(PREFIX + requestId);
    }

    @Override
    public String status(String requestId) {
        String ledger = redis.opsForValue().get(PREFIX + requestId);
        return ledger == null ? "none" : ledger;
    }
}
