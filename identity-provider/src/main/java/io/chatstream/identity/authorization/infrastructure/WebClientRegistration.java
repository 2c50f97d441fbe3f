package io.chatstream.identity.authorization.infrastructure;

import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The gateway as a registered client: a confidential web client using the authorization code flow with PKCE,
 * refresh tokens that are replaced on each use, and no consent screen (it is the product's own front door).
 */
final class WebClientRegistration {

    /** A secret already encoded for a {@code DelegatingPasswordEncoder}, such as {@code {bcrypt}$2a$...}. */
    private static final Pattern ENCODED = Pattern.compile("\\{[A-Za-z0-9_.-]+}.*");

    private WebClientRegistration() {
    }

    static RegisteredClient of(WebClientSettings client, ProviderSettings provider, PasswordEncoder passwordEncoder) {
        String secret = ENCODED.matcher(client.clientSecret()).matches()
                ? client.clientSecret() : passwordEncoder.encode(client.clientSecret());
        // The id is stored with every authorization in the database, so it must be the same after a restart.
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(provider.accessTokenTtl())
                        .refreshTokenTimeToLive(provider.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }
}
