package io.chatstream.worker.answering.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.relay.*} in application.yml: token coalescing on the way to the answer stream.
 *
 * @param coalesceWindow how long pieces after an attempt's first wait for followers; 0 = off
 * @param coalesceMaxChars held text that goes out at once; 0 = no size limit
 */
@ConfigurationProperties("chat.relay")
public record RelaySettings(Duration coalesceWindow, Integer coalesceMaxChars) {

    public RelaySettings {
        Objects.requireNonNull(coalesceWindow, "chat.relay.coalesce-window is not set");
        Objects.requireNonNull(coalesceMaxChars, "chat.relay.coalesce-max-chars is not set");
    }
}
