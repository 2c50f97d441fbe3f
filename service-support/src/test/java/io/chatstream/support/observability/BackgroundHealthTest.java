package io.chatstream.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class BackgroundHealthTest {

    private static final Duration NO_RECHECK = Duration.ofHours(1);

    @Test
    @DisplayName("a probe gets the last background result at once; a dependency that stops answering turns DOWN")
    void followsTheDependency() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        AtomicReference<Boolean> answering = new AtomicReference<>(true);
        try (BackgroundHealth health = new BackgroundHealth("dep", () -> {
            if (!answering.get()) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Health.up().build();
        }, Duration.ofMillis(300), NO_RECHECK, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));

            answering.set(false);
            health.check();
            Health timedOut = health.health();
            health.check();
            Health stillRunning = health.health();

            assertThat(timedOut.getStatus()).isEqualTo(Status.DOWN);
            assertThat(timedOut.getDetails().get("error").toString()).contains("no answer within 300 ms");
            assertThat(stillRunning.getStatus()).isEqualTo(Status.DOWN);
            assertThat(stillRunning.getDetails().get("error").toString()).contains("still running");

            hang.countDown();
            answering.set(true);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                health.check();
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            });
        }
    }

    @Test
    @DisplayName("a check that throws is DOWN, with the reason")
    void failingCheckIsDown() throws Exception {
        try (BackgroundHealth health = new BackgroundHealth("boom", () -> {
            throw new IllegalStateException("connection refused");
        }, Duration.ofSeconds(5), NO_RECHECK, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(health.health().getDetails().get("error").toString()).contains("connection refused"));
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
