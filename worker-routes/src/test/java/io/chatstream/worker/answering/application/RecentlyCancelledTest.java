package io.chatstream.worker.answering.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecentlyCancelledTest {

    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
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
    private final RecentlyCancelled cancelled = new RecentlyCancelled(3, Duration.ofMinutes(10), clock);

    private static RequestId id(int n) {
        return new RequestId("request-" + n);
    }

    @Test
    @DisplayName("a remembered id is known until its time is up")
    void expires() {
        cancelled.remember(id(1));
        now = now.plus(Duration.ofMinutes(9));
        assertThat(cancelled.contains(id(1))).isTrue();

        now = now.plus(Duration.ofMinutes(1));

        assertThat(cancelled.contains(id(1))).isFalse();
        assertThat(cancelled.size()).isZero();
    }

    @Test
    @DisplayName("beyond its capacity the oldest ids are forgotten first")
    void bounded() {
        for (int n = 1; n <= 5; n++) {
            cancelled.remember(id(n));
        }

        assertThat(cancelled.size()).isEqualTo(3);
        assertThat(cancelled.contains(id(2))).isFalse();
        assertThat(cancelled.contains(id(3))).isTrue();
        assertThat(cancelled.contains(id(5))).isTrue();
    }

    @Test
    @DisplayName("remembering an id again restarts its time")
    void rememberAgain() {
        cancelled.remember(id(1));
        now = now.plus(Duration.ofMinutes(8));
        cancelled.remember(id(1));
        now = now.plus(Duration.ofMinutes(8));

        assertThat(cancelled.contains(id(1))).isTrue();
    }

    @Test
    @DisplayName("a cancel read again after a restart counts from when it was made, not from when it was read")
    void countsFromTheCancel() {
        cancelled.remember(id(1), now.minus(Duration.ofMinutes(11)));
        cancelled.remember(id(2), now.minus(Duration.ofMinutes(4)));

        assertThat(cancelled.contains(id(1))).isFalse();
        assertThat(cancelled.contains(id(2))).isTrue();
        now = now.plus(Duration.ofMinutes(6));
        assertThat(cancelled.contains(id(2))).isFalse();
    }

    @Test
    @DisplayName("an entry that expired behind a younger one is not reported as known")
    void outOfOrder() {
        cancelled.remember(id(1), now);
        cancelled.remember(id(2), now.minus(Duration.ofMinutes(9)));
        now = now.plus(Duration.ofMinutes(2));

        assertThat(cancelled.contains(id(2))).isFalse();
        assertThat(cancelled.contains(id(1))).isTrue();
    }
}
