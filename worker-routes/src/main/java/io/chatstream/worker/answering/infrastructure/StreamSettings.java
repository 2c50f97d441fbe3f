package io.chatstream.worker.answering.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.stream.*} in application.yml: the answer streams the worker writes to Redis.
 *
 * @param ttl how long an answer stream stays readable after its terminal entry
 */
@ConfigurationProperties("chat.stream")
public record StreamSettings(Duration ttl) {

    public StreamSettings {
        Objects.requireNonNull(ttl, "chat.stream.ttl is not set");
    }
}
