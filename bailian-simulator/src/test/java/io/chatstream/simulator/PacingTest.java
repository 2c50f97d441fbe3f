package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PacingTest {

    @Test
    @DisplayName("deadlines are absolute: a late step does not move the schedule, and the stamp is the due time")
    void absoluteDeadlines() throws Exception {
        Pacing pacing = new Pacing();
        long start = pacing.dueMicros();

        pacing.awaitNext(Duration.ofMillis(5));
        assertThat(pacing.dueMicros() - start).isEqualTo(5_000);
        assertThat(EmitStamp.micros(Instant.now())).isGreaterThanOrEqualTo(start + 5_000);

        Thread.sleep(60); // a write held up by a slow reader
        pacing.awaitNext(Duration.ofMillis(5));

        assertThat(pacing.dueMicros() - start).isEqualTo(10_000);
        assertThat(EmitStamp.micros(Instant.now()) - pacing.dueMicros()).isGreaterThanOrEqualTo(50_000);
    }
}
