package io.chatstream.worker.it;

import io.chatstream.proto.v1.PromptSubmitted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Measures failover (ADR 7): kills the worker answering a prompt, N times, and prints how long the
 * reader waited for the survivor's reset and next token. Slow (a worker restart per try), so not an
 * IT: failsafe runs it only when named, e.g.
 * {@code ./mvnw -B -pl worker-routes -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=WorkerFailoverMeasurement -Dfailover.tries=10 -Dfailover.settings="--chat.kafka.session-timeout-ms=6000"}
 * ({@code failover.settings}: space-separated worker arguments; none = the product defaults).
 */
class WorkerFailoverMeasurement {

    @Test
    @DisplayName("kill -9 of the answering worker, repeated: kill to reset and to next token, p50 and max")
    void measure() throws Exception {
        int tries = Integer.getInteger("failover.tries", 10);
        String args = System.getProperty("failover.settings", "").trim();
        List<String> settings = args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"));
        List<Long> toReset = new ArrayList<>();
        List<Long> toToken = new ArrayList<>();
        try (CrashDrill drill = new CrashDrill(settings)) {
            for (int i = 1; i <= tries; i++) {
                drill.awaitWarmGroup();
                PromptSubmitted prompt = Prompts.prompt("session-failover-" + i,
                        "[sim:chunks=200] [sim:delay=5,60] failover " + i, List.of());
                CrashDrill.Takeover takeover = drill.killAnsweringWorker(prompt);
                drill.assertAnsweredOnceBehindOneReset(prompt, takeover);
                toReset.add(takeover.toReset().toMillis());
                toToken.add(takeover.toFirstToken().toMillis());
                System.out.printf("FIGURE failover.try=%d kill_to_reset_ms=%d kill_to_next_token_ms=%d loadavg=%s%n", i,
                        takeover.toReset().toMillis(), takeover.toFirstToken().toMillis(), loadAverage());
                drill.restart(takeover);
            }
            System.out.printf("FIGURE failover.summary settings=[%s] tries=%d reset_p50_ms=%d reset_max_ms=%d "
                    + "token_p50_ms=%d token_max_ms=%d partitions_lost_lines=%d%n", args, tries, p50(toReset),
                    max(toReset), p50(toToken), max(toToken), drill.partitionsLostLines());
        }
    }

    private static long p50(List<Long> values) {
        return values.stream().sorted().toList().get((values.size() - 1) / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static String loadAverage() throws java.io.IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.exists(proc) ? String.join("/", Arrays.asList(Files.readString(proc).split(" ")).subList(0, 3)) : "?";
    }
}
