package io.chatstream.gateway.identity.application;

import java.time.Duration;
import java.util.Optional;

/**
 * Port to the OpenID Connect provider people sign in with (chat.auth.oidc.*). The gateway signs a page
 * in as the provider's client (authorization code with PKCE), keeps the tokens in {@link SignInCookies}
 * and renews or ends that sign-in here.
 */
public interface IdentityProvider {

    /** Whether a provider is configured; without one only development tokens exist (local profile). */
    boolean configured();

    /** How often a signed-in page renews its access token (shorter than the provider's token lifetime). */
    Optional<Duration> renewEvery();

    /** New tokens for a refresh token; empty when the provider refuses it (expired, revoked, unknown). */
    Optional<SignInTokens> renew(String refreshToken) throws ProviderUnavailableException;

    /** Tells the provider the refresh token is no longer wanted (RFC 7009); best effort. */
    void revoke(String refreshToken);

    /**
     * Where to send the browser so the provider ends its own session too (OpenID RP-initiated logout)
     * and then returns to {@code returnTo}; empty when the provider offers no such endpoint.
     */
    Optional<String> endSessionUrl(Optional<String> idToken, String returnTo);

    /** The provider could not be reached or answered with an error of its own. */
    final class ProviderUnavailableException extends Exception {
        public ProviderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
