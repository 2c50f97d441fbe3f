package io.chatstream.query.history.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.search.*} in application.yml.
 *
 * @param maxQueryLength longest SearchMessages query, in code points after stripping (the gateway checks the same)
 * @param snippetLength longest snippet of a search hit, the cut marks included
 */
@ConfigurationProperties("chat.search")
public record SearchSettings(Integer maxQueryLength, Integer snippetLength) {

    public SearchSettings {
        Objects.requireNonNull(maxQueryLength, "chat.search.max-query-length is not set");
        Objects.requireNonNull(snippetLength, "chat.search.snippet-length is not set");
    }
}
