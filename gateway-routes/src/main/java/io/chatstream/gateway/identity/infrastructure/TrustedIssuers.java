package io.chatstream.gateway.identity.infrastructure;

import io.chatstream.domain.UserId;
import io.chatstream.gateway.identity.application.SubjectMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Whose access tokens the gateway accepts. Spring Security's {@link JwtIssuerAuthenticationManagerResolver}
 * reads a token's {@code iss} and hands it to that issuer's own decoder; a token from any other issuer is a
 * 401 before a key is looked at.
 * <ul>
 *   <li>The OpenID Connect provider (chat.auth.oidc.issuer-uri): keys from its JWKS, found by discovery on
 *       first use and refetched when a token names an unknown key (rotation), only the configured asymmetric
 *       algorithms (RS256, ES256), {@code iss}, {@code aud}, {@code exp}, {@code nbf}, {@code sub}, and the JWS
 *       {@code typ} ({@code at+jwt}, RFC 9068) when the token has one.</li>
 *   <li>HS256 tokens of chat.auth.issuer signed with chat.auth.jwt-secret: the development sign-in (local
 *       profile) or a shared-secret deployment; only when that secret is set.</li>
 * </ul>
 * Either way the subject becomes the internal user id ({@link SubjectMapping}), which is the authentication's name.
 */
final class TrustedIssuers {

    private TrustedIssuers() {
    }

    static AuthenticationManagerResolver<HttpServletRequest> resolver(AuthSettings settings, SecretKey sharedKey) {
        Map<String, AuthenticationManager> managers = new LinkedHashMap<>();
        if (settings.oidc().configured()) {
            settings.oidc().jwsAlgorithms().forEach(TrustedIssuers::signatureAlgorithm); // a typo fails start-up
            managers.put(settings.oidc().issuerUri(), manager(providerDecoder(settings)));
        }
        if (sharedKey != null) {
            managers.putIfAbsent(settings.issuer(), manager(sharedSecretDecoder(sharedKey, settings)));
        }
        if (managers.isEmpty()) {
            throw new IllegalStateException("no token issuer is trusted: set chat.auth.oidc.issuer-uri (an OpenID Connect "
                    + "provider) or chat.auth.jwt-secret (shared-secret HS256 tokens)");
        }
        return new JwtIssuerAuthenticationManagerResolver(managers::get);
    }

    /** Built on first use, so the gateway starts while the provider is still starting or briefly away. */
    static JwtDecoder providerDecoder(AuthSettings settings) {
        AuthSettings.Oidc oidc = settings.oidc();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri())
                    // Nimbus alone would accept only "typ: JWT"; the JwtTypeValidator below decides instead.
                    .validateType(false)
                    .jwsAlgorithms(algorithms -> oidc.jwsAlgorithms().forEach(a -> algorithms.add(signatureAlgorithm(a))))
                    .build();
            JwtTypeValidator type = new JwtTypeValidator(oidc.tokenTypes());
            type.setAllowEmpty(true);
            decoder.setJwtValidator(validators(oidc.issuerUri(), settings.audience(), type));
            return decoder;
        });
    }

    static JwtDecoder sharedSecretDecoder(SecretKey key, AuthSettings settings) {
        // macAlgorithm pins HS256: "none" and every other alg are refused before any claim is read.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validators(settings.issuer(), settings.audience(), null));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validators(String issuer, String audience, JwtTypeValidator type) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        if (type != null) {
            validators.add(type);
        }
        // Adds exp/nbf checks (60 s clock skew).
        return new DelegatingOAuth2TokenValidator<>(List.of(JwtValidators.createDefaultWithValidators(validators)));
    }

    private static SignatureAlgorithm signatureAlgorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
        if (algorithm == null) {
            throw new IllegalStateException("chat.auth.oidc.jws-algorithms: unknown or symmetric algorithm '" + name
                    + "' (RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512)");
        }
        return algorithm;
    }

    private static AuthenticationManager manager(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(TrustedIssuers::caller);
        return provider::authenticate;
    }

    /** The authentication's name is the internal user id, so every later step sees the same user. */
    static AbstractAuthenticationToken caller(Jwt jwt) {
        UserId user = SubjectMapping.userOf(jwt.getSubject())
                .orElseThrow(() -> new InvalidBearerTokenException("the token names no subject"));
        return new JwtAuthenticationToken(jwt, List.of(), user.value());
    }
}
