package io.chatstream.command.conversation.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.idempotency.*} in application.yml.
 *
 * @param ttl how long Redis remembers an accepted request id (the database remembers it for good)
 */
@ConfigurationProperties("chat.idempotency")
public record IdempotencySettings(Duration ttl) {

    public IdempotencySettings {
        Objects.requireNonNull(ttl, "chat.idempotency.ttl is not set");
    }
}
