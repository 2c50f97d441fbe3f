package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    private static final String BEFORE = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          1000          80000  [B (java.base@17.0.15)
               2:           500          20000  java.lang.String (java.base@17.0.15)
               3:            10            400  org.apache.coyote.Request
            Total          1510         100400
            """;
    private static final String AFTER = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          3000         880000  [B (java.base@17.0.15)
               2:           100         400000  [C (java.base@17.0.15)
               3:           500          20000  java.lang.String (java.base@17.0.15)
               4:           110           4400  org.apache.coyote.Request
            Total          3710        1304400
            """;

    @Test
    @DisplayName("rows are read by class name; header and total lines are not rows")
    void parses() {
        Map<String, ClassHistogram.Row> rows = ClassHistogram.parse(BEFORE);

        assertThat(rows).hasSize(3).containsEntry("[B", new ClassHistogram.Row(1000, 80000))
                .containsEntry("org.apache.coyote.Request", new ClassHistogram.Row(10, 400));
    }

    @Test
    @DisplayName("growth per connection: largest first, new classes counted in full, unchanged ones left out")
    void growthPerConnection() {
        Map<String, String> grown = ClassHistogram.growthPer(ClassHistogram.parse(BEFORE), ClassHistogram.parse(AFTER),
                100, 10);

        assertThat(grown).containsExactly(
                Map.entry("[B", "8000 B, 20.00 instances"),
                Map.entry("[C", "4000 B, 1.00 instances"),
                Map.entry("org.apache.coyote.Request", "40 B, 1.00 instances"));
        assertThat(ClassHistogram.growthPer(ClassHistogram.parse(BEFORE), ClassHistogram.parse(AFTER), 100, 1))
                .containsOnlyKeys("[B");
        assertThat(ClassHistogram.growthPer(Map.of(), ClassHistogram.parse(AFTER), 0, 10)).isEmpty();
    }
}
