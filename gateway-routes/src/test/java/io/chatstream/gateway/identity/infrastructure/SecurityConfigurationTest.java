package io.chatstream.gateway.identity.infrastructure;

import static io.chatstream.gateway.identity.infrastructure.AuthSettingsFixture.NO_PROVIDER;
import static io.chatstream.gateway.identity.infrastructure.AuthSettingsFixture.oidc;
import static io.chatstream.gateway.identity.infrastructure.AuthSettingsFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecurityConfigurationTest {

    private static final MockEnvironment ENV = new MockEnvironment();
    private final SecurityConfiguration config = new SecurityConfiguration();

    @Test
    @DisplayName("an HS256 key, when set, has at least 32 bytes; without one there are no HS256 tokens")
    void sharedKey() {
        assertThatThrownBy(() -> config.sharedKey(settings("too-short", false, NO_PROVIDER), ENV))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThat(config.sharedKey(settings("x".repeat(32), false, NO_PROVIDER), ENV).key())
                .hasValueSatisfying(k -> assertThat(k.getAlgorithm()).isEqualTo("HmacSHA256"));
        assertThat(config.sharedKey(settings("", false, NO_PROVIDER), ENV).key()).isEmpty();
    }

    @Test
    @DisplayName("the development sign-in needs a key to sign its tokens with")
    void devTokenNeedsKey() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThatThrownBy(() -> config.sharedKey(settings("", true, NO_PROVIDER), local))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chat.auth.jwt-secret");
    }

    @Test
    @DisplayName("with neither a provider nor an HS256 key nobody could sign in: start-up stops, naming both settings")
    void someIssuerIsTrusted() {
        assertThatThrownBy(() -> TrustedIssuers.resolver(settings("", false, NO_PROVIDER), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chat.auth.oidc.issuer-uri").hasMessageContaining("chat.auth.jwt-secret");
    }

    @Test
    @DisplayName("pages sign in through the provider only with a client id and a secret of at least 16 characters")
    void pageSignIn() {
        assertThat(config.pageSignIn(settings("", false, oidc("https://id.example", "", ""))).provider()).isEmpty();
        assertThatThrownBy(() -> config.pageSignIn(settings("", false, oidc("https://id.example", "web", "short"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chat.auth.oidc.client-secret");
        assertThat(config.pageSignIn(settings("", false, oidc("https://id.example", "web", "a-secret-of-16-chars")))
                .provider()).isPresent();
    }

    @Test
    @DisplayName("a symmetric or unknown algorithm in chat.auth.oidc.jws-algorithms stops start-up")
    void asymmetricOnly() {
        AuthSettings.Oidc hs = new AuthSettings.Oidc("https://id.example", "", "", java.util.List.of("openid"),
                java.util.List.of("HS256"), java.util.List.of("at+jwt"), java.time.Duration.ofMinutes(4));
        assertThatThrownBy(() -> TrustedIssuers.resolver(settings("", false, hs), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HS256");
    }
}
