package io.chatstream.support.observability;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.health.*} (chat-health.yml): how the dependency checks of the readiness group run in the
 * background ({@link BackgroundHealth}).
 *
 * @param interval how often each check runs; probes answer with the last result
 * @param timeout a check that takes longer counts as DOWN
 */
@ConfigurationProperties("chat.health")
public record HealthSettings(Duration interval, Duration timeout) {

    public HealthSettings {
        Objects.requireNonNull(interval, "chat.health.interval is not set");
        Objects.requireNonNull(timeout, "chat.health.timeout is not set");
    }
}
