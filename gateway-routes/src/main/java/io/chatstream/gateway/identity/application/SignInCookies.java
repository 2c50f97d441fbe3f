package io.chatstream.gateway.identity.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The HttpOnly, SameSite=Strict cookies that keep a page signed in (chat.auth.cookie-name, token-ttl,
 * cookie-secure): the access token ({@code chat_token}: the page's EventSource cannot send headers and
 * tokens never belong in URLs), the refresh token ({@code chat_token_refresh}) and the ID token
 * ({@code chat_token_id}). Over TLS they are Secure and named with the {@code __Host-} prefix, which a
 * browser accepts only from this origin over HTTPS with {@code Path=/} and no {@code Domain}, so a
 * sibling subdomain cannot plant or overwrite them.
 *
 * @param name      the access-token cookie's name; the others add {@code _refresh} and {@code _id}
 * @param maxAge    how long the cookies live: the longest a page stays signed in without signing in again
 * @param secureWhen {@code always}, {@code never}, or otherwise ({@code auto}) when the request came over HTTPS
 */
public record SignInCookies(String name, Duration maxAge, String secureWhen) {

    static final String HOST_PREFIX = "__Host-";

    /** Which of the three cookies. */
    public enum Kind {
        ACCESS(""), REFRESH("_refresh"), ID("_id");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    /** Whether to mark the cookies Secure; {@code overHttps} is asked only in the {@code auto} case. */
    public boolean secure(BooleanSupplier overHttps) {
        return switch (secureWhen) {
            case "always" -> true;
            case "never" -> false;
            default -> overHttps.getAsBoolean();
        };
    }

    /** Every name a cookie of this kind may have (prefixed first): for readers that don't know the scheme. */
    public List<String> names(Kind kind) {
        String plain = name + kind.suffix;
        return List.of(HOST_PREFIX + plain, plain);
    }

    /** The cookie's value from a request ({@code cookieByName} answers null when absent), the prefixed one first. */
    public Optional<String> read(Kind kind, UnaryOperator<String> cookieByName) {
        for (String candidate : names(kind)) {
            String value = cookieByName.apply(candidate);
            if (value != null && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** {@code Set-Cookie} values that store the tokens; a kind the tokens lack is cleared. */
    public List<String> store(SignInTokens tokens, boolean secure) {
        List<String> headers = new ArrayList<>();
        headers.add(header(Kind.ACCESS, tokens.accessToken(), maxAge, secure));
        headers.add(tokens.refreshToken().map(v -> header(Kind.REFRESH, v, maxAge, secure))
                .orElseGet(() -> header(Kind.REFRESH, "", Duration.ZERO, secure)));
        headers.add(tokens.idToken().map(v -> header(Kind.ID, v, maxAge, secure))
                .orElseGet(() -> header(Kind.ID, "", Duration.ZERO, secure)));
        return headers;
    }

    /** {@code Set-Cookie} values that delete all three cookies, under both names. */
    public List<String> clear(boolean secure) {
        List<String> headers = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            headers.add(header(kind, "", Duration.ZERO, secure));
            if (secure) {
                headers.add(plainHeader(name + kind.suffix, "", Duration.ZERO, true, "Strict"));
            }
        }
        return headers;
    }

    private String header(Kind kind, String value, Duration age, boolean secure) {
        return setCookie(name + kind.suffix, value, age, secure, "Strict");
    }

    /**
     * A {@code Set-Cookie} value of this gateway's cookies: HttpOnly, {@code Path=/}, and over TLS Secure with the
     * {@code __Host-} prefix. Values are base64url and dots, so they need no quoting.
     */
    public static String setCookie(String cookieName, String value, Duration age, boolean secure, String sameSite) {
        return plainHeader(secure ? HOST_PREFIX + cookieName : cookieName, value, age, secure, sameSite);
    }

    private static String plainHeader(String cookieName, String value, Duration age, boolean secure, String sameSite) {
        return cookieName + "=" + value + "; Path=/; Max-Age=" + age.toSeconds() + "; HttpOnly; SameSite=" + sameSite
                + (secure ? "; Secure" : "");
    }
}
