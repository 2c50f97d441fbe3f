package io.chatstream.gateway.identity.application;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The cookie the development sign-in sets, so the page's EventSource is authenticated without tokens in URLs
 * (chat.auth.cookie-name, token-ttl, cookie-secure): its name, its lifetime (the token's), and when it is marked
 * Secure: {@code always}, {@code never}, or otherwise ({@code auto}) when the request came over HTTPS.
 */
public record SignInCookie(String name, Duration maxAge, String secureWhen) {

    /** Whether to mark the cookie Secure; {@code overHttps} is asked only in the {@code auto} case. */
    public boolean secure(BooleanSupplier overHttps) {
        return switch (secureWhen) {
            case "always" -> true;
            case "never" -> false;
            default -> overHttps.getAsBoolean();
        };
    }
}
