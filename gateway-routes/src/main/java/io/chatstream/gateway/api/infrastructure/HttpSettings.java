package io.chatstream.gateway.api.infrastructure;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.http.*} in application.yml: what the HTTP edge accepts before anything reads a request.
 *
 * @param maxBodyBytes largest accepted API request body (413 BODY_TOO_LARGE above)
 * @param maxHeaderBytes largest total size of an API request's headers (431 HEADERS_TOO_LARGE above)
 * @param csrf {@code chat.http.csrf.*}
 * @param startup {@code chat.http.startup.*}
 */
@ConfigurationProperties("chat.http")
public record HttpSettings(Long maxBodyBytes, Long maxHeaderBytes, Csrf csrf, Startup startup) {

    public HttpSettings {
        Objects.requireNonNull(maxBodyBytes, "chat.http.max-body-bytes is not set");
        Objects.requireNonNull(maxHeaderBytes, "chat.http.max-header-bytes is not set");
        Objects.requireNonNull(csrf, "chat.http.csrf is not set");
        Objects.requireNonNull(startup, "chat.http.startup is not set");
    }

    /** @param allowedOrigins origins besides the gateway's own that cookie-signed writes may come from; empty = own only */
    public record Csrf(Set<String> allowedOrigins) {

        public Csrf {
            Objects.requireNonNull(allowedOrigins, "chat.http.csrf.allowed-origins is not set");
        }
    }

    /** @param retryAfter Retry-After of the 503 STARTING every /api/ request gets until the API routes run */
    public record Startup(Duration retryAfter) {

        public Startup {
            Objects.requireNonNull(retryAfter, "chat.http.startup.retry-after is not set");
        }
    }
}
