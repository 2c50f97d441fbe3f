package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    @DisplayName("quick is the default; full ramps to the issue's targets")
    void modes() {
        BenchmarkOptions quick = BenchmarkOptions.parse(new String[0]);
        BenchmarkOptions full = BenchmarkOptions.parse(new String[] {"--full"});

        assertThat(quick.mode()).isEqualTo("quick");
        assertThat(quick.scenarios()).containsExactlyElementsOf(BenchmarkOptions.ALL);
        assertThat(full.capacitySteps()).contains(500, 1000);
        assertThat(full.idleConnections()).isEqualTo(10_000);
        assertThat(full.latencyRamp()).containsExactly(1, 10, 25);
        assertThat(full.chunkMs()).isEqualTo(50);
    }

    @Test
    @DisplayName("options override the defaults; unknown options and scenarios are refused with the usage")
    void overrides() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--scenarios=latency,idle", "--idle-connections=20",
            "--capacity-steps=5,10", "--latency-ramp=1,5", "--jfr"});

        assertThat(o.scenarios()).containsExactly("latency", "idle");
        assertThat(o.idleConnections()).isEqualTo(20);
        assertThat(o.capacitySteps()).containsExactly(5, 10);
        assertThat(o.latencyRamp()).containsExactly(1, 5);
        assertThat(o.jfr()).isTrue();
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--bogus"})).hasMessageContaining("Usage");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--scenarios=fast"})).hasMessageContaining("fast");
    }
}
