package io.chatstream.gateway.identity.infrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.auth.*}: whose tokens the gateway accepts and how a page stays signed in (application.yml
 * documents each key).
 *
 * @param jwtSecret HS256 key of development (local profile) or shared-secret tokens, at least 32 bytes; empty = none
 * @param issuer    the {@code iss} of those HS256 tokens
 * @param audience  the {@code aud} every accepted token must contain, from any issuer
 * @param tokenTtl  lifetime of a development token and of the sign-in cookies
 * @param cookieSecure {@code auto} (Secure when the request came over HTTPS), {@code always} or {@code never}
 * @param oidc      the OpenID Connect provider people sign in with
 */
@ConfigurationProperties("chat.auth")
public record AuthSettings(
        String jwtSecret,
        String issuer,
        String audience,
        Duration tokenTtl,
        String cookieName,
        String cookieSecure,
        boolean devTokenEnabled,
        Oidc oidc) {

    public AuthSettings {
        Objects.requireNonNull(issuer, "chat.auth.issuer is not set");
        Objects.requireNonNull(audience, "chat.auth.audience is not set");
        Objects.requireNonNull(tokenTtl, "chat.auth.token-ttl is not set");
        Objects.requireNonNull(cookieName, "chat.auth.cookie-name is not set");
        Objects.requireNonNull(cookieSecure, "chat.auth.cookie-secure is not set");
        Objects.requireNonNull(oidc, "chat.auth.oidc is not set");
    }

    boolean hasSharedSecret() {
        return jwtSecret != null && !jwtSecret.isBlank();
    }

    /**
     * {@code chat.auth.oidc.*}.
     *
     * @param issuerUri      the provider's issuer; discovery at {@code <issuer-uri>/.well-known/openid-configuration}; empty = none
     * @param clientId       this gateway's client id at the provider; empty = tokens are accepted but pages cannot sign in
     * @param clientSecret   its secret (never logged)
     * @param scopes         asked for at sign-in
     * @param jwsAlgorithms  signature algorithms accepted (asymmetric only)
     * @param tokenTypes     accepted JWS {@code typ} headers of access tokens, when a token has one
     * @param renewEvery     how often a signed-in page renews its access token (shorter than the provider's token lifetime)
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, List<String> scopes,
                       List<String> jwsAlgorithms, List<String> tokenTypes, Duration renewEvery) {

        public Oidc {
            Objects.requireNonNull(scopes, "chat.auth.oidc.scopes is not set");
            Objects.requireNonNull(jwsAlgorithms, "chat.auth.oidc.jws-algorithms is not set");
            Objects.requireNonNull(tokenTypes, "chat.auth.oidc.token-types is not set");
            Objects.requireNonNull(renewEvery, "chat.auth.oidc.renew-every is not set");
            scopes = List.copyOf(scopes);
            jwsAlgorithms = List.copyOf(jwsAlgorithms);
            tokenTypes = List.copyOf(tokenTypes);
        }

        boolean configured() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        /** Pages can sign in only as a registered client. */
        boolean pageSignIn() {
            return configured() && clientId != null && !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret=[hidden], scopes=" + scopes
                    + ", jwsAlgorithms=" + jwsAlgorithms + ", tokenTypes=" + tokenTypes + ", renewEvery=" + renewEvery + "]";
        }
    }

    @Override
    public String toString() {
        return "AuthSettings[jwtSecret=[hidden], issuer=" + issuer + ", audience=" + audience + ", tokenTtl=" + tokenTtl
                + ", cookieName=" + cookieName + ", cookieSecure=" + cookieSecure + ", devTokenEnabled=" + devTokenEnabled
                + ", oidc=" + oidc + "]";
    }
}
