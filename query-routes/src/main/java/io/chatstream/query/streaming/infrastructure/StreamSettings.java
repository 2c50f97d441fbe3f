package io.chatstream.query.streaming.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.stream.*} in application.yml: the answer stream multiplexer's tuning and how long StreamAnswer
 * waits for a request's ownership.
 *
 * @param heartbeatInterval heartbeat chunk cadence while an answer stream has nothing new
 * @param startTimeout an answer stream without any new entry for this long ends with STREAM_TIMEOUT
 * @param readBlock XREAD BLOCK time of the shared reader
 * @param readCount entries fetched per XREAD across all streams
 * @param tick cadence of heartbeat and timeout checks
 * @param ownershipWait how long StreamAnswer waits for the request's ownership to be projected
 * @param ownershipPoll how often a waiting StreamAnswer looks the ownership up again
 */
@ConfigurationProperties("chat.stream")
public record StreamSettings(Duration heartbeatInterval, Duration startTimeout, Duration readBlock, Integer readCount,
        Duration tick, Duration ownershipWait, Duration ownershipPoll) {

    public StreamSettings {
        Objects.requireNonNull(heartbeatInterval, "chat.stream.heartbeat-interval is not set");
        Objects.requireNonNull(startTimeout, "chat.stream.start-timeout is not set");
        Objects.requireNonNull(readBlock, "chat.stream.read-block is not set");
        Objects.requireNonNull(readCount, "chat.stream.read-count is not set");
        Objects.requireNonNull(tick, "chat.stream.tick is not set");
        Objects.requireNonNull(ownershipWait, "chat.stream.ownership-wait is not set");
        Objects.requireNonNull(ownershipPoll, "chat.stream.ownership-poll is not set");
    }
}
