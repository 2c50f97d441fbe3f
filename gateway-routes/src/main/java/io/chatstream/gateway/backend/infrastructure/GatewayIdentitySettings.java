package io.chatstream.gateway.backend.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code chat.service-identity.*} of the gateway: the key it signs its gateway tokens with (application.yml
 * documents each key).
 *
 * @param signingKey the gateway's EC P-256 private key (PEM, PKCS#8)
 * @param publicKey  its public key (PEM), the one command and query are given; it names the key in each token
 * @param tokenTtl   how long one gateway token is valid (reused for half of that)
 */
@ConfigurationProperties("chat.service-identity")
public record GatewayIdentitySettings(Resource signingKey, Resource publicKey, Duration tokenTtl) {

    public GatewayIdentitySettings {
        Objects.requireNonNull(signingKey, "chat.service-identity.signing-key is not set: the gateway's private key"
                + " (PEM), which proves its calls to command and query (docs/deploy.md)");
        Objects.requireNonNull(publicKey, "chat.service-identity.public-key is not set");
        Objects.requireNonNull(tokenTtl, "chat.service-identity.token-ttl is not set");
    }
}
