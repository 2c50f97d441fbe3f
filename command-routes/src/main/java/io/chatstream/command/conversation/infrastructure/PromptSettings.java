package io.chatstream.command.conversation.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.prompt.*} in application.yml.
 *
 * @param maxChars longest accepted prompt, in code points after trimming (PROMPT_TOO_LARGE above)
 */
@ConfigurationProperties("chat.prompt")
public record PromptSettings(Integer maxChars) {

    public PromptSettings {
        Objects.requireNonNull(maxChars, "chat.prompt.max-chars is not set");
    }
}
