package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThreadCostTest {

    @Test
    @DisplayName("a pool's threads count as one group: /proc's names with their numbers as #")
    void groups() {
        assertThat(ProcStats.threadGroup("answer-12")).isEqualTo("answer-#");
        assertThat(ProcStats.threadGroup("C2 CompilerThre")).isEqualTo("C# CompilerThre");
        assertThat(ProcStats.threadGroup("lettuce-nioEven")).isEqualTo("lettuce-nioEven");
        Map<String, Long> own = ProcStats.cpuByThreadGroup(ProcessHandle.current().pid());
        assertThat(own).isNotEmpty();
        assertThat(own.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    @DisplayName("per turn: each group's milliseconds over the turns, small groups left out, largest first")
    void perTurn() {
        Map<String, Map<String, Object>> perTurn = ThreadCost.perTurn(Map.of("worker-routes",
                Map.of("answer-#", 1_000L, "lettuce-nioEven", 3_000L, "VM Thread", 10L)), 100, 0.5);

        assertThat(perTurn.get("worker-routes")).containsExactly(Map.entry("lettuce-nioEven", 30.0),
                Map.entry("answer-#", 10.0));
    }

    @Test
    @DisplayName("per chunk: the two answer lengths split each group's cost; what does not grow with the answer drops out")
    void perChunk() {
        // 100 turns each. answer-#: 2 ms a turn + 0.1 ms a chunk; Camel: 5 ms a turn whatever the length.
        Map<String, Map<String, Long>> shortRun = Map.of("worker-routes", Map.of("answer-#", 300L, "Camel (camel-#)", 500L));
        Map<String, Map<String, Long>> longRun = Map.of("worker-routes", Map.of("answer-#", 800L, "Camel (camel-#)", 500L));

        Map<String, Map<String, Object>> perChunk = ThreadCost.perChunk(10, shortRun, 100, 60, longRun, 100, 10);

        assertThat(perChunk.get("worker-routes")).containsExactly(Map.entry("answer-#", 100.0));
    }
}
