package io.chatstream.worker.deadletters.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PacedReplayQueueTest {

    @Test
    @DisplayName("refuses replays beyond max-pending and takes new ones once those finished")
    void boundedPending() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        Runnable blocked = () -> {
            try {
                release.await();
                ran.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (PacedReplayQueue queue = new PacedReplayQueue(1000, 2, 2)) {
            assertThat(queue.submit(blocked)).isTrue();
            assertThat(queue.submit(blocked)).isTrue();
            assertThat(queue.submit(blocked)).isFalse();

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.submit(ran::incrementAndGet));
        }
    }

    @Test
    @DisplayName("starts replays no faster than the configured rate")
    void paced() {
        AtomicInteger ran = new AtomicInteger();
        long began = System.nanoTime();
        try (PacedReplayQueue queue = new PacedReplayQueue(2, 4, 10)) {
            for (int i = 0; i < 3; i++) {
                queue.submit(ran::incrementAndGet);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> ran.get() == 3);
        }
        // 2 per second: the third starts a full second after the first (a lower bound, safe on a busy machine).
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }
}
