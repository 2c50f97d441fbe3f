package io.chatstream.identity.registration.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.idp.registration.*}: self-registration on the provider's pages.
 *
 * @param enabled false: {@code /register} answers 404 and the sign-in page shows no link to it
 * @param minPasswordLength shortest password a new account may have, in characters
 */
@ConfigurationProperties("chat.idp.registration")
public record RegistrationSettings(Boolean enabled, Integer minPasswordLength) {

    public RegistrationSettings {
        Objects.requireNonNull(enabled, "chat.idp.registration.enabled is not set");
        Objects.requireNonNull(minPasswordLength, "chat.idp.registration.min-password-length is not set");
    }
}
