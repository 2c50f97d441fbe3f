package io.chatstream.gateway.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Tokens named "ok-<seconds to exp>" are valid; anything else is refused. */
    private final JwtDecoder delegate = token -> {
        verified.add(token);
        if (!token.startsWith("ok-")) {
            throw new BadJwtException("bad token");
        }
        Instant exp = T0.plusSeconds(Long.parseLong(token.substring(3)));
        if (!now.isBefore(exp)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("alice").issuedAt(T0).expiresAt(exp).build();
    };

    @Test
    @DisplayName("a token verified once is not verified again while it is valid")
    void repeatedToken() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 10, Duration.ofMinutes(5), clock);

        Jwt first = decoder.decode("ok-3600");
        now = T0.plusSeconds(60);
        Jwt second = decoder.decode("ok-3600");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("ok-3600");
    }

    @Test
    @DisplayName("a remembered token is verified again after the cache's max age")
    void maxAge() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 10, Duration.ofMinutes(5), clock);

        decoder.decode("ok-3600");
        now = T0.plus(Duration.ofMinutes(5));
        decoder.decode("ok-3600");

        assertThat(verified).containsExactly("ok-3600", "ok-3600");
    }

    @Test
    @DisplayName("a remembered token is never accepted past its own exp")
    void neverPastExp() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 10, Duration.ofMinutes(5), clock);

        decoder.decode("ok-30");
        now = T0.plusSeconds(30);

        assertThatThrownBy(() -> decoder.decode("ok-30")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("ok-30", "ok-30");
    }

    @Test
    @DisplayName("a refused token is not remembered: every attempt is verified")
    void refusedNotRemembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 10, Duration.ofMinutes(5), clock);

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("forged", "forged");
        assertThat(decoder.size()).isZero();
    }

    @Test
    @DisplayName("the cache never holds more than its maximum number of tokens")
    void bounded() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 2, Duration.ofMinutes(5), clock);

        for (int i = 100; i < 110; i++) {
            decoder.decode("ok-" + i);
            assertThat(decoder.size()).isLessThanOrEqualTo(2);
        }
    }
}
