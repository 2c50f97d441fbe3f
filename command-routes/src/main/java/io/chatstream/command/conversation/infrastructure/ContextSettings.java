package io.chatstream.command.conversation.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.context.*} in application.yml: the context budget, how much of earlier turns goes with a prompt.
 *
 * @param maxTurns earlier turns sent with a prompt at most (the newest are kept)
 * @param maxChars characters of earlier turns sent with a prompt at most (oldest turns dropped first)
 */
@ConfigurationProperties("chat.context")
public record ContextSettings(Integer maxTurns, Integer maxChars) {

    public ContextSettings {
        Objects.requireNonNull(maxTurns, "chat.context.max-turns is not set");
        Objects.requireNonNull(maxChars, "chat.context.max-chars is not set");
    }
}
