package io.chatstream.gateway.backend.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code chat.service-identity.*} of the gateway: the keys it signs its gateway tokens with, one per service it
 * calls (application.yml documents each key; ADR 0016).
 *
 * @param commandKey the key it shares with the command service (base64 text, 256 bits or more)
 * @param queryKey   the key it shares with the query service; must differ from the command's
 * @param tokenTtl   how long one gateway token is valid (reused for half of that)
 */
@ConfigurationProperties("chat.service-identity")
public record GatewayIdentitySettings(Resource commandKey, Resource queryKey, Duration tokenTtl) {

    public GatewayIdentitySettings {
        Objects.requireNonNull(commandKey, "chat.service-identity.command-key is not set: the key the gateway shares"
                + " with the command service, which proves its calls (docs/deploy.md)");
        Objects.requireNonNull(queryKey, "chat.service-identity.query-key is not set: the key the gateway shares"
                + " with the query service, which proves its calls (docs/deploy.md)");
        Objects.requireNonNull(tokenTtl, "chat.service-identity.token-ttl is not set");
    }
}
