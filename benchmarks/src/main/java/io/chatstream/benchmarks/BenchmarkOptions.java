package io.chatstream.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run. {@code quick} is a smoke run (about two minutes of load); {@code full} ramps to the targets.
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

    static final String USAGE = """
            Usage: scripts/benchmark.sh [--quick|--full] [options]
              --quick                 smoke run: short phases, capacity 100/250, 1,000 idle connections (default)
              --full                  the targets: capacity ramp 100..1000, 10,000 idle connections, longer phases
              --scenarios=a,b         any of baseline,latency_ramp,latency,capacity,submits,idle (default: all)
              --service-jvm-opts="…"  JVM options of each service (default: the launcher's)
              --jfr                   record a JFR profile of each service; files land in the report folder
              --sim-first-token-ms=N  the simulator's first-token delay (default 100)
              --sim-chunk-ms=N        delay between chunks (default 50 = 20 chunks/s per stream)
              --sim-chunks=N          chunks per answer in the latency scenario (default 20)
              --latency-streams=N     concurrent streams of the latency scenario (default 50)
              --latency-ramp=a,b,…    concurrent streams of the latency_ramp steps (full: 1,10,25; quick: 10)
              --capacity-steps=a,b,…  concurrent streams of each capacity step
              --idle-connections=N    SSE connections of the idle scenario
              --home=DIR              project root (default: current directory)
            Writes benchmarks/target/report/benchmark-report.md and .json.
            """;

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
            String[] kv = arg.substring(2).split("=", 2);
            given.put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        boolean full = given.containsKey("full");
        given.remove("full");
        given.remove("quick");
        Path home = Path.of(given.getOrDefault("home", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        List<String> scenarios = List.of(given.getOrDefault("scenarios", String.join(",", ALL)).split(","));
        for (String s : scenarios) {
            if (!ALL.contains(s)) {
                throw new IllegalArgumentException("unknown scenario '" + s + "'\n" + USAGE);
            }
        }
        BenchmarkOptions o = new BenchmarkOptions(
                full ? "full" : "quick",
                home,
                home.resolve("benchmarks/target/report"),
                scenarios,
                given.getOrDefault("service-jvm-opts", "-Xms64m -Xmx512m -XX:+UseSerialGC"),
                given.containsKey("jfr"),
                Long.parseLong(given.getOrDefault("sim-first-token-ms", "100")),
                Long.parseLong(given.getOrDefault("sim-chunk-ms", "50")),
                Integer.parseInt(given.getOrDefault("sim-chunks", "20")),
                // Full runs warm up long enough for C2 to compile the hot paths of all four services.
                Duration.ofSeconds(full ? 60 : 8),
                Duration.ofSeconds(full ? 45 : 15),
                Integer.parseInt(given.getOrDefault("latency-streams", "50")),
                ints(given.getOrDefault("latency-ramp", full ? "1,10,25" : "10")),
                ints(given.getOrDefault("capacity-steps", full ? "100,250,500,750,1000" : "100,250")),
                60,
                full ? 2000 : 500,
                full ? 96 : 48,
                Integer.parseInt(given.getOrDefault("idle-connections", full ? "10000" : "1000")));
        given.keySet().removeAll(List.of("home", "scenarios", "service-jvm-opts", "jfr", "sim-first-token-ms",
                "sim-chunk-ms", "sim-chunks", "latency-streams", "latency-ramp", "capacity-steps", "idle-connections"));
        if (given.containsKey("help")) {
            throw new IllegalArgumentException(USAGE);
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + USAGE);
        }
        return o;
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
