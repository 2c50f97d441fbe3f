package io.chatstream.gateway.identity.infrastructure;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.chatstream.gateway.identity.application.AccessTokens;
import io.chatstream.gateway.identity.application.IssuingDevToken;
import io.chatstream.gateway.identity.application.SignInCookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.security.web.SecurityFilterChain;

/** JWT resource server: HS256 only, exp/iss/aud required; stateless; JSON 401/403. Also the development sign-in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** The local profile's well-known key; anyone can forge tokens with it, hence the warning. */
    static final String DEV_SECRET = "chatstream-local-dev-secret-not-for-production-use";
    /** Read without a token: the page, its browser libraries (WebJars) and the public API description. */
    static final String[] PUBLIC_READS = {"/", "/index.html", "/*.js", "/*.css", "/*.svg", "/favicon.ico",
        "/webjars/**", "/api/openapi.json"};

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, AuthProperties props) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors();
        http
                // No CSRF tokens: the auth cookie is SameSite=Strict (never sent cross-site) and the
                // API otherwise takes a bearer header, which browsers never attach by themselves.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth
                        // HEAD answers like GET (status and headers, no body): probes and caches use it.
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/dev-token").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder))
                        .bearerTokenResolver(new CookieOrHeaderBearerTokenResolver(props.cookieName()))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    SecretKey jwtKey(AuthProperties props, Environment environment) {
        DevelopmentSignIn.refuseOutsideLocal(environment, props);
        String secret = props.jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("chat.auth.jwt-secret must be set to at least 32 bytes");
        }
        if (DEV_SECRET.equals(secret)) {
            log.warn("chat.auth.jwt-secret is the public development key: tokens can be forged. Local use only.");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtKey, AuthProperties props) {
        // macAlgorithm pins HS256: "none" and every other alg are refused before any claim is read.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                JwtValidators.createDefaultWithIssuer(props.issuer()),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(props.audience())));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey));
    }

    @Bean
    AccessTokens accessTokens(JwtEncoder jwtEncoder, AuthProperties props) {
        return new JwtAccessTokens(jwtEncoder, props, Clock.systemUTC());
    }

    /** Development sign-in: answers NOT_FOUND unless chat.auth.dev-token-enabled (the local profile). */
    @Bean
    IssuingDevToken issuingDevToken(AccessTokens accessTokens, AuthProperties props) {
        return new IssuingDevToken(accessTokens, props.devTokenEnabled());
    }

    /** The cookie the development sign-in sets, named as the token resolver reads it. */
    @Bean
    SignInCookie signInCookie(AuthProperties props) {
        return new SignInCookie(props.cookieName(), props.tokenTtl(), props.cookieSecure());
    }

    /** Boot's task executor; declared here because the security-aware wrapper below replaces the default. */
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
        return builder.build();
    }

    /**
     * camel-platform-http (Spring MVC engine) runs each route on this executor, not on the servlet
     * thread, and prefers a security-aware one: the authenticated caller thus reaches the route's bean.
     */
    @Bean
    DelegatingSecurityContextAsyncTaskExecutor platformHttpExecutor(ThreadPoolTaskExecutor applicationTaskExecutor) {
        return new DelegatingSecurityContextAsyncTaskExecutor(applicationTaskExecutor);
    }
}
