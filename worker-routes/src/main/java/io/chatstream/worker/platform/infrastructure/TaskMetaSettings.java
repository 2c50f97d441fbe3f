package io.chatstream.worker.platform.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.meta.*} in application.yml: a task's meta hash in Redis, written by answering and read by
 * the dead letters' replay.
 *
 * @param ttl how long a task's meta hash is kept; redeliveries within it are skipped
 */
@ConfigurationProperties("chat.meta")
public record TaskMetaSettings(Duration ttl) {

    public TaskMetaSettings {
        Objects.requireNonNull(ttl, "chat.meta.ttl is not set");
    }
}
