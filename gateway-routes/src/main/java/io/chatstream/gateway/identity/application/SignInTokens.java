package io.chatstream.gateway.identity.application;

import java.util.Objects;
import java.util.Optional;

/**
 * What a sign-in leaves with the page, as the identity provider issued it: the access token the API
 * checks, the refresh token that renews it, and the ID token that ends the provider's session at
 * sign-out. A development sign-in has only the access token.
 */
public record SignInTokens(String accessToken, Optional<String> refreshToken, Optional<String> idToken) {

    public SignInTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(idToken, "idToken");
    }

    public static SignInTokens accessOnly(String accessToken) {
        return new SignInTokens(accessToken, Optional.empty(), Optional.empty());
    }
}
