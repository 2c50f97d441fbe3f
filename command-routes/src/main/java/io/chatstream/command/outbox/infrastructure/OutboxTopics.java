package io.chatstream.command.outbox.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.topics.*} in application.yml as the outbox reads it: the topics of the events the command service
 * publishes. (The topics it consumes are read by the route files.)
 *
 * @param promptSubmitted PromptSubmitted events
 * @param promptCancelled PromptCancelled events
 * @param sessionChanged SessionChanged events
 */
@ConfigurationProperties("chat.topics")
public record OutboxTopics(String promptSubmitted, String promptCancelled, String sessionChanged) {

    public OutboxTopics {
        Objects.requireNonNull(promptSubmitted, "chat.topics.prompt-submitted is not set");
        Objects.requireNonNull(promptCancelled, "chat.topics.prompt-cancelled is not set");
        Objects.requireNonNull(sessionChanged, "chat.topics.session-changed is not set");
    }
}
