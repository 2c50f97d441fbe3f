package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    @DisplayName("median, smallest and largest of the repetitions; a run that measured nothing is left out")
    void spread() {
        Map<String, Object> s = Spread.of(Arrays.asList(12.0, null, 10.0, 30.0));
        assertThat(s).containsEntry("median", 12.0).containsEntry("min", 10.0).containsEntry("max", 30.0);
        assertThat(Spread.text(s)).isEqualTo("12.0 (10.0–30.0)");
        assertThat(Spread.of(List.of(4, 6))).containsEntry("median", 5.0);
        assertThat(Spread.text(Spread.of(List.of(7)))).isEqualTo("7.0");
        assertThat(Spread.text(Spread.of(List.of()))).isEqualTo("—");
    }
}
