package io.chatstream.worker.answering.infrastructure.bailian;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.bailian.api-key} in application.yml (from env DASHSCOPE_API_KEY), apart from
 * {@link BailianSettings} so that no record holding it prints it: {@link ApiKeySource} checks it.
 *
 * @param apiKey the DashScope API key
 */
@ConfigurationProperties("chat.bailian")
public record ApiKeySettings(String apiKey) {

    public ApiKeySettings {
        Objects.requireNonNull(apiKey, "chat.bailian.api-key is not set");
    }

    @Override
    public String toString() {
        return "ApiKeySettings[apiKey=****]";
    }
}
