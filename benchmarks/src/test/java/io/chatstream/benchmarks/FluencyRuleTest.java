package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FluencyRuleTest {

    private final FluencyRule rule = new FluencyRule(0.95, 50);

    /** A step that offered 1,000 chunks/s in a 10 s window and delivered {@code delivered} of them. */
    private static Map<String, Object> step(int errors, int delivered, long emitP99Micros) {
        LoadResult r = new LoadResult();
        r.window(0, 10_000_000, 1000);
        r.windowTokens.add(delivered);
        r.emitToReceive.recordMicros(emitP99Micros);
        for (int i = 0; i < errors; i++) {
            r.error("stream: timeout");
        }
        return r.summary();
    }

    @Test
    @DisplayName("a step passes only with no error, ≥ 95 % of the offered chunks and emit → receive p99 ≤ 50 ms")
    void rule() {
        assertThat(rule.failures(step(0, 9_600, 40_000))).isEmpty();
        assertThat(rule.failures(step(0, 9_000, 40_000))).singleElement().asString()
                .startsWith("delivered 0.9 of the offered chunks");
        assertThat(rule.failures(step(0, 10_000, 900_000))).singleElement().asString()
                .startsWith("emit → receive p99 900").endsWith("ms (> 50.0 ms)");
        assertThat(rule.failures(step(2, 10_000, 1_000))).singleElement().asString()
                .isEqualTo("2 errors {stream: timeout=2}");
    }

    @Test
    @DisplayName("the old rule (zero errors) passes a step that delivers a fraction of its load seconds late")
    void oldRule() {
        Map<String, Object> slow = step(0, 2_700, 10_900_000);
        assertThat(FluencyRule.passesOldRule(slow)).isTrue();
        assertThat(rule.failures(slow)).hasSize(2);
    }
}
