package io.chatstream.worker.deadletters.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.dlq.*} in application.yml as Java reads it: listing, the in-memory index and replays of dead
 * letters (docs/runbooks/dlq-replay.md). The index's consumer settings are read by the routes only.
 *
 * @param listLimit entries GET /ops/dlq shows when the call gives no limit
 * @param index {@code chat.dlq.index.*}
 * @param replay {@code chat.dlq.replay.*}
 */
@ConfigurationProperties("chat.dlq")
public record DeadLetterSettings(Integer listLimit, Index index, Replay replay) {

    public DeadLetterSettings {
        Objects.requireNonNull(listLimit, "chat.dlq.list-limit is not set");
        Objects.requireNonNull(index, "chat.dlq.index is not set");
        Objects.requireNonNull(replay, "chat.dlq.replay is not set");
    }

    /** @param capacity most dead letters kept in memory (the oldest are dropped first) */
    public record Index(Integer capacity) {

        public Index {
            Objects.requireNonNull(capacity, "chat.dlq.index.capacity is not set");
        }
    }

    /**
     * @param maxPerCall most dead letters one replay call tries
     * @param ratePerSecond replays started per second across all calls
     * @param maxConcurrent replays running at once on this instance
     * @param maxPending replays waiting or running at once; more are refused
     * @param maxAge dead letters parked longer ago are refused unless forced
     * @param claimTtl a replay claim whose worker died is given up after this long
     * @param ledgerTtl how long the outcome of a replay is remembered
     */
    public record Replay(Integer maxPerCall, Double ratePerSecond, Integer maxConcurrent, Integer maxPending,
            Duration maxAge, Duration claimTtl, Duration ledgerTtl) {

        public Replay {
            Objects.requireNonNull(maxPerCall, "chat.dlq.replay.max-per-call is not set");
            Objects.requireNonNull(ratePerSecond, "chat.dlq.replay.rate-per-second is not set");
            Objects.requireNonNull(maxConcurrent, "chat.dlq.replay.max-concurrent is not set");
            Objects.requireNonNull(maxPending, "chat.dlq.replay.max-pending is not set");
            Objects.requireNonNull(maxAge, "chat.dlq.replay.max-age is not set");
            Objects.requireNonNull(claimTtl, "chat.dlq.replay.claim-ttl is not set");
            Objects.requireNonNull(ledgerTtl, "chat.dlq.replay.ledger-ttl is not set");
        }
    }
}
