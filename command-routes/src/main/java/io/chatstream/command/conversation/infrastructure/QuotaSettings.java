package io.chatstream.command.conversation.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.quota.*} in application.yml: what one user may use.
 *
 * @param dailyTokens model tokens a user's answers may use per day (UTC); 0 = no budget
 * @param maxSessionsPerUser sessions one user may keep; 0 = no cap
 */
@ConfigurationProperties("chat.quota")
public record QuotaSettings(Long dailyTokens, Integer maxSessionsPerUser) {

    public QuotaSettings {
        Objects.requireNonNull(dailyTokens, "chat.quota.daily-tokens is not set");
        Objects.requireNonNull(maxSessionsPerUser, "chat.quota.max-sessions-per-user is not set");
    }
}
