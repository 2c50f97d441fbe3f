package io.chatstream.gateway.identity.infrastructure;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.chatstream.gateway.identity.application.AccessTokens;
import io.chatstream.gateway.identity.application.IdentityProvider;
import io.chatstream.gateway.identity.application.IssuingDevToken;
import io.chatstream.gateway.identity.application.NoIdentityProvider;
import io.chatstream.gateway.identity.application.SignInCookies;
import io.chatstream.gateway.identity.application.SubjectMapping;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the API. A bearer token (header, or the page's HttpOnly cookie) from a trusted issuer
 * ({@link TrustedIssuers}); stateless, JSON 401/403/503. With an OpenID Connect provider configured the
 * gateway is also the page's backend-for-frontend: {@code /oauth2/authorization/chatstream} starts an
 * authorization-code sign-in with PKCE, the return lands the tokens in {@link SignInCookies}, and no HTTP
 * session is ever created (docs/adr/0014-sign-in-through-the-gateway.md). Also the development sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** The local profile's well-known key; anyone can forge tokens with it, hence the warning. */
    static final String DEV_SECRET = "chatstream-local-dev-secret-not-for-production-use";
    /** Read without a token: the page, its browser libraries (WebJars) and the public API description. */
    static final String[] PUBLIC_READS = {"/", "/index.html", "/*.js", "/*.css", "/*.svg", "/favicon.ico",
        "/webjars/**", "/api/openapi.json", "/api/auth/options"};
    /** Authenticated by their own cookies (or none): the sign-in's start, the dev token, renewal and sign-out. */
    static final String[] SIGN_IN_WRITES = {"/api/auth/dev-token", "/api/auth/refresh", "/api/auth/logout"};
    /** How long the gateway waits for the provider's token and revocation endpoints. */
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthSettings settings, SharedKey sharedKey,
                                    SignInCookies cookies, PageSignIn pageSignIn) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors();
        http
                // No CSRF tokens: the cookies are SameSite=Strict and CrossSiteRequestFilter refuses
                // cookie-authenticated writes from other origins or without a JSON body.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth
                        // HEAD answers like GET (status and headers, no body): probes and caches use it.
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, SIGN_IN_WRITES).permitAll()
                        .requestMatchers(HttpMethod.GET, "/oauth2/authorization/*", "/login/oauth2/code/*").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .authenticationManagerResolver(TrustedIssuers.resolver(settings, sharedKey.key().orElse(null)))
                        .bearerTokenResolver(new CookieOrHeaderBearerTokenResolver(cookies))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // A provider whose keys cannot be fetched is a 503, not Spring's rethrown 500.
                                filter.setAuthenticationFailureHandler((request, response, e) -> {
                                    if (e instanceof AuthenticationServiceException) {
                                        errors.unavailable(response, e);
                                    } else {
                                        errors.commence(request, response, e);
                                    }
                                });
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")));
        if (pageSignIn.provider().isPresent()) {
            pageSignIn(http, settings, cookies, pageSignIn.provider().get());
        }
        return http.build();
    }

    /** Authorization code + PKCE through the provider, state in a signed cookie, tokens into the sign-in cookies. */
    private static void pageSignIn(HttpSecurity http, AuthSettings settings, SignInCookies cookies,
                                   ProviderRegistration provider) throws Exception {
        CookieSecurity security = new CookieSecurity(cookies);
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
                provider, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login
                        .loginPage("/")
                        .clientRegistrationRepository(provider)
                        .authorizedClientRepository(new CookieAuthorizedClients(cookies, security))
                        .authorizationEndpoint(a -> a
                                .authorizationRequestResolver(requests)
                                .authorizationRequestRepository(
                                        new CookieAuthorizationRequests(settings.oidc().clientSecret(), security)))
                        .successHandler((request, response, authentication) -> {
                            log.info("signed in through the identity provider as user {}",
                                    SubjectMapping.userOf(authentication.getName()).map(Object::toString).orElse("?"));
                            response.setHeader("Cache-Control", "no-store");
                            response.sendRedirect(request.getContextPath() + "/");
                        })
                        .failureHandler((request, response, e) -> {
                            log.warn("a sign-in through the identity provider failed: {}", e.getMessage());
                            response.setHeader("Cache-Control", "no-store");
                            response.sendRedirect(request.getContextPath() + "/?sign_in=failed");
                        }))
                .addFilterBefore(new SignInAvailability(provider), OAuth2AuthorizationRequestRedirectFilter.class);
    }

    /** The HS256 key of development or shared-secret tokens, when chat.auth.jwt-secret is set. */
    record SharedKey(Optional<SecretKey> key) {
    }

    /** This gateway as the provider's client, when pages sign in through an OpenID Connect provider. */
    record PageSignIn(Optional<ProviderRegistration> provider) {
    }

    /** The HS256 key of development or shared-secret tokens; absent when chat.auth.jwt-secret is empty. */
    @Bean
    SharedKey sharedKey(AuthSettings settings, Environment environment) {
        DevelopmentSignIn.refuseOutsideLocal(environment, settings);
        if (!settings.hasSharedSecret()) {
            if (settings.devTokenEnabled()) {
                throw new IllegalStateException("chat.auth.dev-token-enabled needs chat.auth.jwt-secret to sign the tokens");
            }
            return new SharedKey(Optional.empty());
        }
        String secret = settings.jwtSecret();
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("chat.auth.jwt-secret must be at least 32 bytes");
        }
        if (DEV_SECRET.equals(secret)) {
            log.warn("chat.auth.jwt-secret is the public development key: tokens can be forged. Local use only.");
        }
        return new SharedKey(Optional.of(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
    }

    /** This gateway as the provider's client; absent without chat.auth.oidc.issuer-uri and client-id. */
    @Bean
    PageSignIn pageSignIn(AuthSettings settings) {
        if (!settings.oidc().pageSignIn()) {
            if (settings.oidc().configured()) {
                log.info("chat.auth.oidc.client-id is empty: tokens of {} are accepted, but pages cannot sign in here",
                        settings.oidc().issuerUri());
            }
            return new PageSignIn(Optional.empty());
        }
        if (settings.oidc().clientSecret() == null || settings.oidc().clientSecret().length() < 16) {
            throw new IllegalStateException("chat.auth.oidc.client-secret must be set (at least 16 characters) with"
                    + " chat.auth.oidc.client-id");
        }
        return new PageSignIn(Optional.of(new ProviderRegistration(settings.oidc())));
    }

    @Bean
    IdentityProvider identityProvider(PageSignIn pageSignIn, AuthSettings settings) {
        return pageSignIn.provider().<IdentityProvider>map(
                        r -> new OidcIdentityProvider(r, settings.oidc().renewEvery(), PROVIDER_TIMEOUT))
                .orElseGet(NoIdentityProvider::new);
    }

    @Bean
    AccessTokens accessTokens(SharedKey sharedKey, AuthSettings settings) {
        if (sharedKey.key().isEmpty()) {
            return user -> {
                throw new IllegalStateException("no chat.auth.jwt-secret to sign development tokens with");
            };
        }
        JwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(sharedKey.key().get()));
        return new JwtAccessTokens(encoder, settings, Clock.systemUTC());
    }

    /** Development sign-in: answers NOT_FOUND unless chat.auth.dev-token-enabled (the local profile). */
    @Bean
    IssuingDevToken issuingDevToken(AccessTokens accessTokens, AuthSettings settings) {
        return new IssuingDevToken(accessTokens, settings.devTokenEnabled());
    }

    /** The cookies that keep a page signed in, named as the token resolver reads them. */
    @Bean
    SignInCookies signInCookies(AuthSettings settings) {
        return new SignInCookies(settings.cookieName(), settings.tokenTtl(), settings.cookieSecure());
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
