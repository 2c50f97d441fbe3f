package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.identity.application.IdentityProvider;
import io.chatstream.gateway.identity.application.IssuingDevToken;
import io.chatstream.gateway.identity.application.SignInCookies;
import io.chatstream.gateway.identity.application.SignInTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The page's sign-in, for {@code camel/auth-api.camel.yaml}: how it may sign in, the development sign-in,
 * renewing the access token from the refresh cookie, and signing out. Tokens travel only in the HttpOnly
 * {@link SignInCookies}, never in URLs; every reply that sets them is {@code Cache-Control: no-store}.
 */
@Component("authApi")
public class AuthApi {

    private static final Logger log = LoggerFactory.getLogger(AuthApi.class);
    /** Where the page starts a sign-in through the provider (Spring Security's authorization-request endpoint). */
    static final String PROVIDER_SIGN_IN = "/oauth2/authorization/chatstream";

    private final IssuingDevToken issuing;
    private final SignInCookies cookies;
    private final IdentityProvider provider;

    public AuthApi(IssuingDevToken issuing, SignInCookies cookies, IdentityProvider provider) {
        this.issuing = issuing;
        this.cookies = cookies;
        this.provider = provider;
    }

    /** {@code GET /api/auth/options}: which sign-ins this gateway offers. */
    public void options(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider_sign_in", provider.configured() ? PROVIDER_SIGN_IN : null);
        body.put("dev_sign_in", issuing.enabled());
        body.put("renew_every_seconds", provider.renewEvery().map(Duration::toSeconds).orElse(null));
        HttpReplies.json(exchange, 200, ApiJson.write(body));
    }

    public void devToken(Exchange exchange) {
        boolean secure = secure(exchange);
        Outcome<String> token = RequestFields.of(exchange.getIn().getBody(String.class))
                .then(f -> f.text("user_id"))
                .then(issuing::issue);
        HttpReplies.reply(exchange, 200, token, t -> Map.of("token", t));
        if (token instanceof Outcome.Done<String> done) {
            setCookies(exchange, cookies.store(SignInTokens.accessOnly(done.value()), secure));
        }
    }

    /**
     * {@code POST /api/auth/refresh}: new tokens for the refresh cookie. 200 with fresh cookies; 401
     * UNAUTHENTICATED (cookies cleared) when there is none or the provider refuses it; 503 when the provider
     * cannot be reached (cookies kept, the page retries).
     */
    public void refresh(Exchange exchange) {
        Map<String, String> sent = requestCookies(exchange);
        boolean secure = secure(exchange);
        Optional<String> refreshToken = cookies.read(SignInCookies.Kind.REFRESH, sent::get);
        if (refreshToken.isEmpty()) {
            HttpReplies.error(exchange, new Rejection(GatewayCodes.UNAUTHENTICATED, "no sign-in to renew: sign in again"));
            return;
        }
        Optional<SignInTokens> renewed;
        try {
            renewed = provider.renew(refreshToken.get());
        } catch (IdentityProvider.ProviderUnavailableException e) {
            log.warn("renewing a sign-in failed: {}", e.getMessage());
            HttpReplies.error(exchange, new Rejection(GatewayCodes.DEPENDENCY_UNAVAILABLE,
                    "the identity provider cannot be reached; try again shortly", Duration.ofSeconds(5)));
            return;
        }
        if (renewed.isEmpty()) {
            HttpReplies.error(exchange, new Rejection(GatewayCodes.UNAUTHENTICATED, "the sign-in has ended: sign in again"));
            setCookies(exchange, cookies.clear(secure));
            return;
        }
        // A provider may keep the refresh token (no rotation) or omit the ID token on refresh: keep the ones we have.
        SignInTokens tokens = new SignInTokens(renewed.get().accessToken(),
                renewed.get().refreshToken().or(() -> refreshToken),
                renewed.get().idToken().or(() -> cookies.read(SignInCookies.Kind.ID, sent::get)));
        HttpReplies.json(exchange, 200, ApiJson.write(Map.of("renewed", true)));
        setCookies(exchange, cookies.store(tokens, secure));
    }

    /**
     * {@code POST /api/auth/logout}: revokes the refresh token at the provider, clears every sign-in cookie, and
     * answers where the browser goes so the provider ends its own session too ({@code end_session_url}, null
     * without a provider). Always 200: signing out twice, or when never signed in, is not an error.
     */
    public void logout(Exchange exchange) {
        Map<String, String> sent = requestCookies(exchange);
        boolean secure = secure(exchange);
        cookies.read(SignInCookies.Kind.REFRESH, sent::get).ifPresent(provider::revoke);
        // Only a provider sign-in leaves an ID token; the provider's end-session endpoint needs it as a hint.
        Optional<String> idToken = cookies.read(SignInCookies.Kind.ID, sent::get);
        Optional<String> endSession = provider.configured() && idToken.isPresent()
                ? provider.endSessionUrl(idToken, pageUrl(exchange))
                : Optional.empty();
        Map<String, Object> body = new HashMap<>();
        body.put("end_session_url", endSession.orElse(null));
        HttpReplies.json(exchange, 200, ApiJson.write(body));
        setCookies(exchange, cookies.clear(secure));
    }

    private static void setCookies(Exchange exchange, List<String> setCookies) {
        // platform-http adds one Set-Cookie header per list element.
        exchange.getMessage().setHeader("Set-Cookie", setCookies);
        exchange.getMessage().setHeader("Cache-Control", "no-store");
    }

    /** The request's {@code Cookie} header as name → value (the first of a repeated name). */
    static Map<String, String> requestCookies(Exchange exchange) {
        Map<String, String> cookies = new HashMap<>();
        String header = exchange.getIn().getHeader("Cookie", String.class);
        if (header == null) {
            return cookies;
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return cookies;
    }

    /** The page's own address as the browser used it (forwarded headers applied), where the provider returns to. */
    private static String pageUrl(Exchange exchange) {
        PlatformHttpMessage http = exchange.getIn(PlatformHttpMessage.class);
        if (http == null) {
            return "/";
        }
        return ServletUriComponentsBuilder.fromContextPath(http.getRequest()).path("/").build().toUriString();
    }

    private boolean secure(Exchange exchange) {
        return cookies.secure(() -> {
            PlatformHttpMessage http = exchange.getIn(PlatformHttpMessage.class);
            // Behind nginx, server.forward-headers-strategy makes isSecure() honour X-Forwarded-Proto.
            return http != null && http.getRequest().isSecure();
        });
    }
}
