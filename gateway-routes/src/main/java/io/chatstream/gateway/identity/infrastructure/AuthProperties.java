package io.chatstream.gateway.identity.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.auth.*}: how tokens are verified and (local profile only) issued.
 *
 * @param jwtSecret HS256 key, at least 32 bytes; no default outside the local profile
 * @param cookieSecure {@code auto} (Secure when the request came over HTTPS), {@code always} or {@code never}
 */
@ConfigurationProperties("chat.auth")
public record AuthProperties(
        String jwtSecret,
        String issuer,
        String audience,
        Duration tokenTtl,
        String cookieName,
        String cookieSecure,
        boolean devTokenEnabled) {
}
