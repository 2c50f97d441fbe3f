package io.chatstream.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to run: the typed result of the benchmark's command line ({@link BenchmarkCommand} reads it).
 * {@code quick} is a smoke run (about two minutes of load); {@code full} ramps to the targets.
 *
 * @param latencyStreams answers open on average in the (open-loop) latency scenario: prompts arrive at
 *                      {@code latencyStreams} divided by the ideal answer length per second
 * @param latencyRamp   the same at other levels, run once each, before the repeated main one
 * @param capacitySteps concurrent streams of the first capacity steps; the ramp stops at the first step
 *                      that fails the {@link FluencyRule} and bisects between it and the last that passed
 * @param repetitions   how often every headline scenario (latency, cost, capacity) is repeated
 * @param compareHome   another checkout with built jars, benchmarked the same way in the same run (or null)
 * @param costChunks    the two answer lengths of the cost scenario (per-chunk and per-turn CPU)
 * @param costRate      prompts per second of the cost scenario
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
        int idleConnections,
        int repetitions,
        Path compareHome,
        List<Integer> costChunks,
        double costRate,
        FluencyRule fluency) {

    static final List<String> ALL = List.of("baseline", "latency_ramp", "latency", "cost", "capacity", "submits",
            "idle");

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }
}
