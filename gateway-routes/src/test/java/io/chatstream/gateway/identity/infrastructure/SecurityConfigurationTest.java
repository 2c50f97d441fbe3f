package io.chatstream.gateway.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecurityConfigurationTest {

    private static final MockEnvironment ENV = new MockEnvironment();
    private final SecurityConfiguration config = new SecurityConfiguration();

    @Test
    @DisplayName("start-up fails without a signing key of at least 32 bytes")
    void requiresKey() {
        assertThatThrownBy(() -> config.jwtKey(props(null), ENV)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> config.jwtKey(props("too-short"), ENV)).isInstanceOf(IllegalStateException.class);
        assertThat(config.jwtKey(props("x".repeat(32)), ENV).getAlgorithm()).isEqualTo("HmacSHA256");
    }

    private static AuthProperties props(String secret) {
        return new AuthProperties(secret, "chatstream-local", "chatstream", Duration.ofHours(12), "chat_token", "auto", false);
    }
}
