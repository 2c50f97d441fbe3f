package io.chatstream.identity.authorization.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.idp.*}: the provider's identity and its tokens (defaults and their reasons in {@code application.yml}).
 *
 * @param issuer the issuer URL, exactly as clients reach the provider (tokens carry it as {@code iss})
 * @param keyFile where the signing key set is kept (made on first start, read on later ones)
 * @param audience the audience every access token names besides the client id
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid (each use replaces it)
 */
@ConfigurationProperties("chat.idp")
public record ProviderSettings(
        String issuer, String keyFile, String audience, Duration accessTokenTtl, Duration refreshTokenTtl) {

    public ProviderSettings {
        Objects.requireNonNull(issuer, "chat.idp.issuer is not set");
        Objects.requireNonNull(keyFile, "chat.idp.key-file is not set");
        Objects.requireNonNull(audience, "chat.idp.audience is not set");
        Objects.requireNonNull(accessTokenTtl, "chat.idp.access-token-ttl is not set");
        Objects.requireNonNull(refreshTokenTtl, "chat.idp.refresh-token-ttl is not set");
        if (issuer.isBlank() || keyFile.isBlank() || audience.isBlank()) {
            throw new IllegalArgumentException("chat.idp.issuer, chat.idp.key-file and chat.idp.audience must not be blank");
        }
    }
}
