package io.chatstream.query.projection.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.topics.*} in application.yml as the read-model rebuild reads it: the topics the projections
 * are built from.
 *
 * @param promptSubmitted PromptSubmitted events
 * @param answerCompleted AnswerCompleted events
 * @param sessionChanged SessionChanged events
 */
@ConfigurationProperties("chat.topics")
public record TopicSettings(String promptSubmitted, String answerCompleted, String sessionChanged) {

    public TopicSettings {
        Objects.requireNonNull(promptSubmitted, "chat.topics.prompt-submitted is not set");
        Objects.requireNonNull(answerCompleted, "chat.topics.answer-completed is not set");
        Objects.requireNonNull(sessionChanged, "chat.topics.session-changed is not set");
    }
}
