package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportTest {

    /** A build whose latency scenario ran {@code ttftMillis.length} times and whose capacity ran once. */
    private static Map<String, Object> build(int fluentStreams, double... ttftMillis) {
        List<Object> reps = new java.util.ArrayList<>();
        for (double ms : ttftMillis) {
            LoadResult latency = new LoadResult();
            latency.addedTtft.recordMicros((long) (ms * 1000));
            reps.add(latency.summary());
        }
        Map<String, Object> scenarios = new LinkedHashMap<>();
        scenarios.put("latency", Map.of("repetitions", reps));
        scenarios.put("capacity", Map.of("repetitions", List.of(Map.of("fluent_streams", fluentStreams))));
        scenarios.put("idle", Map.of("connections_open_after_hold", 10_000, "gateway_heap_kib_per_connection", 52.5));
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("commit", "abc1234");
        build.put("home", "/tmp/x");
        build.put("stack", Map.of("startup_ms", 1234));
        build.put("headline", Headline.of(scenarios));
        build.put("scenarios", scenarios);
        return build;
    }

    @Test
    @DisplayName("targets are judged from the medians of the repetitions, against the compared build where one ran")
    void targets() {
        Map<String, Object> builds = new LinkedHashMap<>();
        builds.put("this", build(200, 3, 7, 5));
        builds.put("compared", build(40, 8));

        List<Map<String, Object>> rows = Targets.evaluate(builds);

        assertThat(rows).extracting(r -> r.get("met")).containsExactly("—", "—", "yes", "yes", "yes", "yes", "NO");
        assertThat(rows.get(0).get("measured")).isEqualTo("not run");
        assertThat(rows.get(2).get("measured")).isEqualTo("5.0 ms");
        assertThat(rows.get(4).get("measured")).isEqualTo("5.0× (200.0 vs 40.0 streams)");
        assertThat(Targets.evaluate(Map.of("this", build(200, 8))).get(4).get("met")).isEqualTo("—");
    }

    @Test
    @DisplayName("the Markdown report has the machine, the target table and a latency table per scenario")
    void markdown() {
        Map<String, Object> builds = new LinkedHashMap<>();
        builds.put("this", build(200, 3, 7, 5));
        builds.put("compared", build(40, 8));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generated_at", "now");
        report.put("mode", "quick");
        report.put("command", "scripts/benchmark.sh");
        report.put("machine", Machine.describe());
        report.put("builds", builds);
        report.put("targets", Targets.evaluate(builds));

        String md = MarkdownReport.render(report);

        assertThat(md).contains("## Machine", "| cores |", "load_average_at_start",
                "| added TTFT p50, open loop | ≤ 10 ms | 5.0 ms | yes |",
                "| figure | this `abc1234` | compared `abc1234` |", "| added_ttft_p50_ms | 5.0 (3.0–7.0) | 8.0 |",
                "## Build: this", "### Scenario: latency", "| added_ttft | 1 | 3.0 | 3.0 | 3.0 | 3.0 |",
                "| startup_ms | 1234 |");
    }
}
