package io.chatstream.gateway.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the delegate has already verified, keyed by the exact raw token, so a browser that
 * sends the same token with every request (and every SSE reconnect) is not re-verified and re-parsed
 * each time. Only successfully decoded tokens are kept, each at most {@code maxAge} and never past its
 * own {@code exp}; the delegate's validators allow clock skew past {@code exp}, this never does. At most
 * {@code maxEntries} tokens are kept: when full, the cache is emptied (cheap, and bounded by design).
 * Decoding has no other state (HS256 with a fixed key), so a cached answer is the answer the delegate
 * would give again.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private record Entry(Jwt jwt, Instant until) {
    }

    private final JwtDecoder delegate;
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, int maxEntries, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Entry entry = verified.get(token);
        if (entry != null) {
            if (now.isBefore(entry.until())) {
                return entry.jwt();
            }
            verified.remove(token, entry);
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (jwt.getExpiresAt() != null && now.isBefore(until)) {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(token, new Entry(jwt, until));
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
