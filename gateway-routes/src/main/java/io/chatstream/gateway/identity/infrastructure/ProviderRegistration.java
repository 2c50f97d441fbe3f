package io.chatstream.gateway.identity.infrastructure;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.util.function.SingletonSupplier;

/**
 * This gateway as a client of the OpenID Connect provider (registration id {@value #REGISTRATION_ID}),
 * read from the provider's discovery document on first use rather than at start-up: the gateway starts
 * and serves tokens it already trusts while the provider is starting or briefly unreachable. A failed
 * discovery is retried on the next sign-in.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "chatstream";
    private static final Logger log = LoggerFactory.getLogger(ProviderRegistration.class);

    private final SingletonSupplier<ClientRegistration> registration;

    ProviderRegistration(AuthSettings.Oidc oidc) {
        this.registration = SingletonSupplier.of(() -> ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope(oidc.scopes())
                .build());
    }

    /** The registration, or empty (logged) while the provider's discovery document cannot be read. */
    Optional<ClientRegistration> current() {
        try {
            return Optional.of(registration.obtain());
        } catch (RuntimeException e) {
            log.warn("the identity provider's discovery document cannot be read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? current().orElse(null) : null;
    }
}
