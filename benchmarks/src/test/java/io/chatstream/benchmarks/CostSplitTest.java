package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CostSplitTest {

    @Test
    @DisplayName("two answer lengths at the same rate give the cost of a chunk and of a turn")
    void split() {
        // turn 40 ms, chunk 0.3 ms: 10 chunks -> 43 ms a turn, 60 chunks -> 58 ms.
        CostSplit split = CostSplit.of(10, 43.0, 60, 58.0);

        assertThat(split.perChunk()).isCloseTo(0.3, within(1e-9));
        assertThat(split.perTurn()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    @DisplayName("a longer answer that cost less a turn gives a negative chunk cost, reported as measured")
    void noiseShowsAsNegative() {
        CostSplit split = CostSplit.of(10, 50.0, 60, 45.0);

        assertThat(split.perChunk()).isNegative();
        assertThat(split.perTurn()).isCloseTo(51.0, within(1e-9));
    }

    @Test
    @DisplayName("the lengths must differ, the shorter first")
    void lengths() {
        assertThatThrownBy(() -> CostSplit.of(60, 1, 10, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CostSplit.of(10, 1, 10, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
