package io.chatstream.worker.answering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));

    @Test
    @DisplayName("the pause doubles per attempt within a jittered upper half")
    void doubles() {
        assertThat(backoff.before(2, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.before(2, 0.999)).isBetween(Duration.ofMillis(490), Duration.ofMillis(500));
        assertThat(backoff.before(3, 0.999)).isBetween(Duration.ofMillis(990), Duration.ofMillis(1000));
    }

    @Test
    @DisplayName("the pause never exceeds the maximum")
    void capped() {
        assertThat(backoff.before(40, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }
}
