package io.chatstream.identity.authorization.infrastructure;

import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.idp.web-client.*}: the one registered client, the gateway (a web backend-for-frontend).
 *
 * @param clientId the gateway's client id
 * @param clientSecret its secret: plain (encoded with BCrypt at start) or already encoded with an
 *     {@code {id}} prefix such as {@code {bcrypt}}
 * @param redirectUris where a code may be sent (exact match)
 * @param postLogoutRedirectUris where RP-initiated logout may return to
 */
@ConfigurationProperties("chat.idp.web-client")
public record WebClientSettings(
        String clientId, String clientSecret, List<String> redirectUris, List<String> postLogoutRedirectUris) {

    public WebClientSettings {
        Objects.requireNonNull(clientId, "chat.idp.web-client.client-id is not set");
        Objects.requireNonNull(clientSecret, "chat.idp.web-client.client-secret is not set");
        Objects.requireNonNull(redirectUris, "chat.idp.web-client.redirect-uris is not set");
        Objects.requireNonNull(postLogoutRedirectUris, "chat.idp.web-client.post-logout-redirect-uris is not set");
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("chat.idp.web-client.redirect-uris must name at least one URI");
        }
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }
}
