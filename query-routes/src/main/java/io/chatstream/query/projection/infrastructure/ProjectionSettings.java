package io.chatstream.query.projection.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.query.*} in application.yml as the read-model rebuild reads it: the projections' consumer groups,
 * whose offsets a rebuild resets, and whether it may lose history.
 *
 * @param promptGroupId consumer group of the prompt projection
 * @param answerGroupId consumer group of the answer projection
 * @param sessionGroupId consumer group of the session-change projection
 * @param rebuild {@code chat.query.rebuild.*}
 */
@ConfigurationProperties("chat.query")
public record ProjectionSettings(String promptGroupId, String answerGroupId, String sessionGroupId, Rebuild rebuild) {

    public ProjectionSettings {
        Objects.requireNonNull(promptGroupId, "chat.query.prompt-group-id is not set");
        Objects.requireNonNull(answerGroupId, "chat.query.answer-group-id is not set");
        Objects.requireNonNull(sessionGroupId, "chat.query.session-group-id is not set");
        Objects.requireNonNull(rebuild, "chat.query.rebuild is not set");
    }

    /** @param allowPartial rebuild even when retention already deleted some events */
    public record Rebuild(Boolean allowPartial) {

        public Rebuild {
            Objects.requireNonNull(allowPartial, "chat.query.rebuild.allow-partial is not set");
        }
    }
}
