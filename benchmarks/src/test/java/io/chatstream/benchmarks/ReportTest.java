package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    @DisplayName("targets are judged from the figures, and a scenario that did not run is 'not run'")
    void targets() {
        LoadResult latency = new LoadResult();
        latency.addedTtft.recordMicros(8_000);
        latency.emitToReceive.recordMicros(20_000);
        Map<String, Object> scenarios = new LinkedHashMap<>();
        scenarios.put("latency", latency.summary());
        scenarios.put("submits", Map.of("accepted_per_s", 1200.0));

        List<Map<String, Object>> rows = Targets.evaluate(scenarios);

        assertThat(rows).extracting(r -> r.get("met")).containsExactly("yes", "yes", "NO", "—", "—", "yes");
        assertThat(rows.get(3).get("measured")).isEqualTo("not run");
    }

    @Test
    @DisplayName("the Markdown report has the machine, the target table and a latency table per scenario")
    void markdown() {
        LoadResult latency = new LoadResult();
        latency.addedTtft.recordMicros(8_000);
        Map<String, Object> scenarios = new LinkedHashMap<>();
        scenarios.put("latency", latency.summary());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generated_at", "now");
        report.put("mode", "quick");
        report.put("command", "scripts/benchmark.sh");
        report.put("machine", Machine.describe());
        report.put("stack", Map.of("startup_ms", 1234));
        report.put("scenarios", scenarios);
        report.put("targets", Targets.evaluate(scenarios));

        String md = MarkdownReport.render(report);

        assertThat(md).contains("## Machine", "| cores |", "load_average_at_start", "| added TTFT p50 at 50 streams | ≤ 10 ms | 8.0 ms | yes |",
                "## Scenario: latency", "| added_ttft | 1 | 8.0 | 8.0 | 8.0 | 8.0 |", "| startup_ms | 1234 |");
    }
}
