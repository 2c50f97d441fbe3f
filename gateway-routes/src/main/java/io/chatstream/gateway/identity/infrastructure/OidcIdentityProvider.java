package io.chatstream.gateway.identity.infrastructure;

import io.chatstream.gateway.identity.application.IdentityProvider;
import io.chatstream.gateway.identity.application.SignInTokens;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The OpenID Connect provider's token, revocation (RFC 7009) and end-session endpoints, found in its
 * discovery document, called as this gateway's registered client (client_secret_basic).
 */
final class OidcIdentityProvider implements IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(OidcIdentityProvider.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final ProviderRegistration registration;
    private final RestClient http;
    private final Duration renewEvery;

    OidcIdentityProvider(ProviderRegistration registration, Duration renewEvery, Duration timeout) {
        this.registration = registration;
        this.renewEvery = renewEvery;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public Optional<Duration> renewEvery() {
        return Optional.of(renewEvery);
    }

    @Override
    public Optional<SignInTokens> renew(String refreshToken) throws ProviderUnavailableException {
        ClientRegistration client = client();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        try {
            return http.post().uri(client.getProviderDetails().getTokenUri())
                    .headers(h -> h.setBasicAuth(client.getClientId(), client.getClientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().is4xxClientError()) {
                            log.info("the identity provider refused a refresh token ({})", response.getStatusCode());
                            return Optional.<SignInTokens>empty();
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new RestClientException("token endpoint answered " + response.getStatusCode());
                        }
                        Map<String, Object> body = response.bodyTo(JSON_OBJECT);
                        Object access = body == null ? null : body.get("access_token");
                        if (!(access instanceof String accessToken)) {
                            throw new RestClientException("token endpoint answered without an access_token");
                        }
                        return Optional.of(new SignInTokens(accessToken,
                                Optional.ofNullable((String) body.get("refresh_token")),
                                Optional.ofNullable((String) body.get("id_token"))));
                    });
        } catch (RestClientException e) {
            throw new ProviderUnavailableException("the identity provider's token endpoint failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void revoke(String refreshToken) {
        Optional<ClientRegistration> client = registration.current();
        Object endpoint = client.map(c -> c.getProviderDetails().getConfigurationMetadata().get("revocation_endpoint"))
                .orElse(null);
        if (endpoint == null) {
            log.warn("sign-out: the refresh token was not revoked (the provider names no revocation endpoint"
                    + " or cannot be reached); it expires on its own");
            return;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", refreshToken);
        form.add("token_type_hint", "refresh_token");
        try {
            http.post().uri(endpoint.toString())
                    .headers(h -> h.setBasicAuth(client.get().getClientId(), client.get().getClientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("sign-out: revoking the refresh token failed ({}); it expires on its own", e.getMessage());
        }
    }

    @Override
    public Optional<String> endSessionUrl(Optional<String> idToken, String returnTo) {
        return registration.current().flatMap(client -> Optional.ofNullable(
                        client.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
                .map(endpoint -> {
                    UriComponentsBuilder url = UriComponentsBuilder.fromUriString(endpoint.toString())
                            .queryParam("client_id", client.getClientId())
                            .queryParam("post_logout_redirect_uri", returnTo);
                    idToken.ifPresent(t -> url.queryParam("id_token_hint", t));
                    return url.encode().build().toUriString();
                }));
    }

    private ClientRegistration client() throws ProviderUnavailableException {
        return registration.current().orElseThrow(() -> new ProviderUnavailableException(
                "the identity provider's discovery document cannot be read", null));
    }
}
