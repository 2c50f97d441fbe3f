package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    @DisplayName("percentiles come out in milliseconds, with the count and the max")
    void percentiles() {
        Latencies l = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            l.recordMicros(ms * 1000L);
        }

        assertThat(l.summary()).containsEntry("count", 100L);
        assertThat((double) l.summary().get("p50_ms")).isBetween(49.9, 50.1);
        assertThat((double) l.summary().get("p99_ms")).isBetween(98.9, 99.1);
        assertThat((double) l.summary().get("max_ms")).isBetween(99.9, 100.1);
    }

    @Test
    @DisplayName("an empty histogram reports nulls, and negative values (clock granularity) count as zero")
    void edges() {
        Latencies l = new Latencies();
        assertThat(l.summary().get("p50_ms")).isNull();

        l.recordMicros(-5);
        assertThat(l.summary().get("p50_ms")).isEqualTo(0.0);
    }
}
