package io.chatstream.command.infrastructure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class TimeLimitedHealthTest {

    @Test
    @DisplayName("a check that hangs is DOWN after the timeout instead of holding the probe")
    void hangingCheckIsDown() throws Exception {
        try (TimeLimitedHealth health = new TimeLimitedHealth("hang", () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up().build();
        }, Duration.ofMillis(200), Duration.ZERO, Clock.systemUTC())) {
            long started = System.nanoTime();

            Health result = health.health();

            assertThat(result.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    @DisplayName("a result is reused within the cache period and checked again after it")
    void cachesResults() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        MutableClock clock = new MutableClock();
        try (TimeLimitedHealth health = new TimeLimitedHealth("count", () -> {
            checks.incrementAndGet();
            return Health.up().build();
        }, Duration.ofSeconds(5), Duration.ofSeconds(2), clock)) {
            health.health();
            health.health();
            assertThat(checks).hasValue(1);

            clock.now = clock.now.plusSeconds(3);
            health.health();

            assertThat(checks).hasValue(2);
        }
    }

    @Test
    @DisplayName("a check that throws is DOWN")
    void failingCheckIsDown() throws Exception {
        try (TimeLimitedHealth health = new TimeLimitedHealth("boom", () -> {
            throw new IllegalStateException("connection refused");
        }, Duration.ofSeconds(5), Duration.ZERO, Clock.systemUTC())) {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
    }
}
