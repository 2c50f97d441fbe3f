package io.chatstream.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to run: the typed result of the benchmark's command line ({@link BenchmarkCommand} reads it).
 * {@code quick} is a smoke run (about two minutes of load); {@code full} ramps to the targets.
 *
 * @param latencyRamp   concurrent streams of the latency steps run before the main one ({@code latencyStreams}):
 *                      where the added latency stands while the machine still has CPU to spare
 * @param capacitySteps concurrent streams of each capacity step (the ramp stops at the first with errors)
 */
record BenchmarkOptions(
        String mode,
        Path home,
        Path reportDir,
        List<String> scenarios,
        String serviceJvmOpts,
        boolean jfr,
        long firstTokenMs,
        long chunkMs,
        int chunks,
        Duration warmup,
        Duration phase,
        int latencyStreams,
        List<Integer> latencyRamp,
        List<Integer> capacitySteps,
        int capacityChunks,
        int submitUsers,
        int submitConcurrency,
        int idleConnections) {

    static final List<String> ALL = List.of("baseline", "latency_ramp", "latency", "capacity", "submits", "idle");

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }
}
