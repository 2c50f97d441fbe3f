package io.chatstream.command.conversation.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.session.*} in application.yml.
 *
 * @param inFlightTimeout a turn whose answer never came back stops blocking its session after this long
 */
@ConfigurationProperties("chat.session")
public record SessionSettings(Duration inFlightTimeout) {

    public SessionSettings {
        Objects.requireNonNull(inFlightTimeout, "chat.session.in-flight-timeout is not set");
    }
}
