package io.chatstream.gateway.history.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.search.*} in application.yml.
 *
 * @param maxQueryLength longest search query, in code points after stripping (the query service checks the same)
 */
@ConfigurationProperties("chat.search")
public record SearchSettings(Integer maxQueryLength) {

    public SearchSettings {
        Objects.requireNonNull(maxQueryLength, "chat.search.max-query-length is not set");
    }
}
