package io.chatstream.gateway.identity.infrastructure;

import java.time.Duration;
import java.util.List;

/** AuthSettings as the shipped yml has them, with the parts a test varies. */
final class AuthSettingsFixture {

    static final AuthSettings.Oidc NO_PROVIDER = oidc("", "", "");

    private AuthSettingsFixture() {
    }

    static AuthSettings settings(String secret, boolean devToken, AuthSettings.Oidc oidc) {
        return new AuthSettings(secret, "chatstream-local", "chatstream", Duration.ofHours(12), "chat_token", "auto",
                devToken, oidc);
    }

    static AuthSettings.Oidc oidc(String issuerUri, String clientId, String clientSecret) {
        return new AuthSettings.Oidc(issuerUri, clientId, clientSecret, List.of("openid", "profile"),
                List.of("RS256", "ES256"), List.of("at+jwt", "application/at+jwt"), Duration.ofMinutes(4));
    }
}
