package io.chatstream.worker.answering.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.models.*} in application.yml as Java reads it (the check interval is the route's).
 *
 * @param republishEvery an unchanged model catalog is published again this often
 */
@ConfigurationProperties("chat.models")
public record ModelCatalogSettings(Duration republishEvery) {

    public ModelCatalogSettings {
        Objects.requireNonNull(republishEvery, "chat.models.republish-every is not set");
    }
}
