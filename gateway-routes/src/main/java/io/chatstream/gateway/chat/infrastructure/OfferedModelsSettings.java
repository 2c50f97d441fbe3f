package io.chatstream.gateway.chat.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.models.*} in application.yml: the model catalog the gateway reads from the query service.
 *
 * @param cacheFor how long a read catalog is reused before it is read again (in the background: the older one
 *                 answers until the read is back)
 */
@ConfigurationProperties("chat.models")
public record OfferedModelsSettings(Duration cacheFor) {

    public OfferedModelsSettings {
        Objects.requireNonNull(cacheFor, "chat.models.cache-for is not set");
    }
}
