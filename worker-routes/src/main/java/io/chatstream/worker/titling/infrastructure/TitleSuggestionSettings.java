package io.chatstream.worker.titling.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.titles.*} in application.yml as Java reads it: whether and how the model suggests a title for a
 * new conversation. The title flow's consumer settings are read by the route only.
 *
 * @param enabled ask for a title after a conversation's first completed answer
 * @param model the model asked
 * @param prompt the instruction sent as the system message
 * @param maxLength longest title, in code points
 * @param maxInputChars characters of the first prompt and of the first answer the model reads (each)
 * @param timeout the one attempt ends here
 * @param maxAge answers completed longer ago get no title
 */
@ConfigurationProperties("chat.titles")
public record TitleSuggestionSettings(Boolean enabled, String model, String prompt, Integer maxLength,
        Integer maxInputChars, Duration timeout, Duration maxAge) {

    public TitleSuggestionSettings {
        Objects.requireNonNull(enabled, "chat.titles.enabled is not set");
        Objects.requireNonNull(model, "chat.titles.model is not set");
        Objects.requireNonNull(prompt, "chat.titles.prompt is not set");
        Objects.requireNonNull(maxLength, "chat.titles.max-length is not set");
        Objects.requireNonNull(maxInputChars, "chat.titles.max-input-chars is not set");
        Objects.requireNonNull(timeout, "chat.titles.timeout is not set");
        Objects.requireNonNull(maxAge, "chat.titles.max-age is not set");
    }
}
