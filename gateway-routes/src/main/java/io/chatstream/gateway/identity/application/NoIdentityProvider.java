package io.chatstream.gateway.identity.application;

import java.time.Duration;
import java.util.Optional;

/** No OpenID Connect provider is configured: only development or shared-secret tokens exist. */
public final class NoIdentityProvider implements IdentityProvider {

    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public Optional<Duration> renewEvery() {
        return Optional.empty();
    }

    @Override
    public Optional<SignInTokens> renew(String refreshToken) {
        return Optional.empty();
    }

    @Override
    public void revoke(String refreshToken) {
        // nothing was issued by a provider
    }

    @Override
    public Optional<String> endSessionUrl(Optional<String> idToken, String returnTo) {
        return Optional.empty();
    }
}
