package io.chatstream.gateway.identity.infrastructure;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * The development sign-in (any user name gets a token) and the published development key (anyone
 * can forge tokens with it) exist for the {@code local} profile only: in any other profile the
 * gateway refuses to start with either, so a deployment cannot run with them by one stray setting.
 */
final class DevelopmentSignIn {

    static final String LOCAL_PROFILE = "local";

    private DevelopmentSignIn() {
    }

    /** Throws with the setting to change when a development-only setting is on outside the local profile. */
    static void refuseOutsideLocal(Environment environment, AuthSettings props) {
        if (Arrays.asList(environment.getActiveProfiles()).contains(LOCAL_PROFILE)) {
            return;
        }
        if (props.devTokenEnabled()) {
            throw new IllegalStateException("chat.auth.dev-token-enabled (CHAT_AUTH_DEV_TOKEN_ENABLED) signs anyone in "
                    + "as any user and is allowed only in the 'local' profile; turn it off, or run with "
                    + "--spring.profiles.active=local on a developer machine");
        }
        if (SecurityConfiguration.DEV_SECRET.equals(props.jwtSecret())) {
            throw new IllegalStateException("chat.auth.jwt-secret is the published development key, allowed only in "
                    + "the 'local' profile: set CHAT_AUTH_JWT_SECRET to a secret of at least 32 bytes");
        }
    }
}
