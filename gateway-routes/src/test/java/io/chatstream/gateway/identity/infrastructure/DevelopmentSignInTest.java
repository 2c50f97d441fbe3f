package io.chatstream.gateway.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSignInTest {

    private static final String REAL_SECRET = "a-deployment-secret-of-at-least-32-bytes!";

    private static AuthSettings auth(String secret, boolean devToken) {
        return AuthSettingsFixture.settings(secret, devToken, AuthSettingsFixture.NO_PROVIDER);
    }

    private static MockEnvironment profiles(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    @DisplayName("outside the local profile the dev sign-in or the published key stops the start, naming the setting")
    void refusedOutsideLocal() {
        assertThatThrownBy(() -> DevelopmentSignIn.refuseOutsideLocal(profiles(), auth(REAL_SECRET, true)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chat.auth.dev-token-enabled");
        assertThatThrownBy(() -> DevelopmentSignIn.refuseOutsideLocal(profiles("prod"),
                auth(SecurityConfiguration.DEV_SECRET, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CHAT_AUTH_JWT_SECRET");
    }

    @Test
    @DisplayName("the local profile may use both; any profile may run with a real key and no dev sign-in")
    void allowed() {
        assertThatCode(() -> DevelopmentSignIn.refuseOutsideLocal(profiles("local"),
                auth(SecurityConfiguration.DEV_SECRET, true))).doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentSignIn.refuseOutsideLocal(profiles("prod"), auth(REAL_SECRET, false)))
                .doesNotThrowAnyException();
    }
}
