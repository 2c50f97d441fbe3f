package io.chatstream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Starts the local stack from the jars, runs the scenarios against it and the simulator, stops
 * everything and writes {@code benchmark-report.md} and {@code .json}. Run by {@code scripts/benchmark.sh}.
 */
public final class Benchmark {

    private static final List<String> SERVICES = List.of("gateway", "command", "worker", "query");

    private final BenchmarkOptions o;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final Map<String, Object> scenarios = new LinkedHashMap<>();

    private Benchmark(BenchmarkOptions o) {
        this.o = o;
    }

    public static void main(String[] args) {
        System.exit(BenchmarkCommand.execute(args, options -> {
            new Benchmark(options).run(String.join(" ", args));
            return 0;
        }));
    }

    private void run(String args) throws Exception {
        Files.createDirectories(o.reportDir());
        report.put("generated_at", Instant.now().toString());
        report.put("mode", o.mode());
        report.put("command", "scripts/benchmark.sh " + args);
        report.put("machine", Machine.describe());
        report.put("settings", settings());
        Map<String, Object> stackFigures = new LinkedHashMap<>();
        report.put("stack", stackFigures);
        log("starting the local stack (load average " + Machine.loadAverage() + ") ...");
        try (StackUnderTest stack = StackUnderTest.start(o, o.home().resolve("benchmarks/target/stack-state"),
                o.reportDir().resolve("stack.log"), 3);
             ChatClient client = new ChatClient(stack.gateway(), stack.simulatorBaseUrl(), 4)) {
            stackFigures.put("startup_ms", stack.startupMillis());
            log("stack ready in " + stack.startupMillis() + " ms; signing in the load users ...");
            int users = Math.max(o.submitUsers(), o.capacitySteps().stream().mapToInt(i -> i).max().orElse(0));
            List<String> tokens = tokens(client, Math.max(users, o.latencyStreams()));
            Thread.sleep(3000);
            stackFigures.put("rss_mib_idle", ProcStats.rssByProcess(stack.launcherPid()));
            if (o.jfr()) {
                SERVICES.forEach(s -> JvmProbe.jcmd(stack.pid(s), "JFR.start", "name=bench", "settings=profile"));
            }
            ChatLoad load = new ChatLoad(client);
            String stamped = "[sim:stamp][sim:chunks=" + o.chunks() + "][sim:delay=" + o.firstTokenMs() + ","
                    + o.chunkMs() + "] ";
            log("warm-up " + o.warmup().toSeconds() + " s ...");
            load.run(ChatLoad.Path.STACK, tokens, 10, o.warmup(), stamped + "warm up", o.firstTokenMs(), o.chunks());
            scenario("baseline", "baseline: " + o.latencyStreams() + " streams straight from the simulator",
                    () -> load.run(ChatLoad.Path.DIRECT, List.of(), o.latencyStreams(), o.phase(),
                            stamped + "direct", o.firstTokenMs(), o.chunks()).summary());
            scenario("latency_ramp", "latency ramp " + o.latencyRamp() + " concurrent streams through the stack",
                    () -> latencyRamp(stack, load, tokens, stamped));
            scenario("latency", "latency: " + o.latencyStreams() + " concurrent streams through the stack",
                    () -> measured(stack, () -> load.run(ChatLoad.Path.STACK, tokens, o.latencyStreams(), o.phase(),
                            stamped + "latency", o.firstTokenMs(), o.chunks())));
            scenario("capacity", "capacity ramp " + o.capacitySteps(), () -> capacity(stack, load, tokens, stackFigures));
            scenario("idle", "idle: " + o.idleConnections() + " SSE connections on one gateway",
                    () -> new IdleConnections(client, stack, o.reportDir()).run(tokens, o.idleConnections(),
                            Math.max(1, o.idleConnections() / 100), Duration.ofSeconds(o.mode().equals("full") ? 30 : 10)));
            scenario("submits", "submits: " + o.submitConcurrency() + " callers, " + tokens.size() + " users",
                    () -> submits(stack, client, tokens));
            if (o.jfr()) {
                for (String s : SERVICES) {
                    Path file = o.reportDir().resolve(s + ".jfr");
                    JvmProbe.jcmd(stack.pid(s), "JFR.dump", "name=bench", "filename=" + file);
                    JvmProbe.jcmd(stack.pid(s), "JFR.stop", "name=bench");
                }
            }
            load.close();
            log("stopping the stack ...");
        }
        ((Map<String, Object>) report.get("machine")).put("load_average_at_end", Machine.loadAverage());
        report.put("scenarios", scenarios);
        report.put("targets", Targets.evaluate(scenarios));
        write();
    }

    /** The latency scenario at lower concurrency: what the pipeline adds while the cores are not saturated. */
    private Map<String, Object> latencyRamp(StackUnderTest stack, ChatLoad load, List<String> tokens, String stamped)
            throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int streams : o.latencyRamp()) {
            log("latency: " + streams + " concurrent streams ...");
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("streams", streams);
            step.putAll(measured(stack, () -> load.run(ChatLoad.Path.STACK, tokens, streams, o.phase(),
                    stamped + "latency ramp", o.firstTokenMs(), o.chunks())));
            steps.add(step);
        }
        return Map.of("steps", steps);
    }

    private Map<String, Object> capacity(StackUnderTest stack, ChatLoad load, List<String> tokens,
                                         Map<String, Object> stackFigures) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> steps = new ArrayList<>();
        int best = 0;
        String prompt = "[sim:stamp][sim:chunks=" + o.capacityChunks() + "][sim:delay=" + o.firstTokenMs() + ","
                + o.chunkMs() + "] capacity";
        for (int streams : o.capacitySteps()) {
            log("capacity: " + streams + " concurrent streams at " + (1000 / Math.max(1, o.chunkMs())) + " chunks/s ...");
            Map<String, Object> rssAtLoad = new LinkedHashMap<>();
            Map<String, Object> step = measured(stack, () -> {
                CompletableFuture<Void> sample = CompletableFuture.runAsync(() -> {
                    sleep(o.phase().toMillis() / 2);
                    rssAtLoad.putAll(ProcStats.rssByProcess(stack.launcherPid()));
                });
                LoadResult r = load.run(ChatLoad.Path.STACK, tokens, streams, o.phase(), prompt, o.firstTokenMs(),
                        o.capacityChunks());
                sample.join();
                return r;
            });
            Map<String, Object> withStreams = new LinkedHashMap<>();
            withStreams.put("streams", streams);
            withStreams.putAll(step);
            withStreams.put("rss_mib_at_load", rssAtLoad);
            steps.add(withStreams);
            stackFigures.put("rss_mib_at_load", rssAtLoad);
            stackFigures.put("rss_at_load_streams", streams);
            if ((long) step.get("errors") > 0) {
                break;
            }
            best = streams;
        }
        out.put("chunks_per_s_per_stream", 1000.0 / Math.max(1, o.chunkMs()));
        out.put("max_streams_without_errors", best);
        out.put("steps", steps);
        return out;
    }

    /** Submit throughput, and the stack's CPU per accepted submit (what the cores would allow unshared). */
    private Map<String, Object> submits(StackUnderTest stack, ChatClient client, List<String> tokens) throws Exception {
        long before = totalCpu(ProcStats.cpuByProcess(stack.launcherPid()));
        Map<String, Object> r = new SubmitLoad(client).run(tokens, o.submitConcurrency(), o.phase());
        long used = totalCpu(ProcStats.cpuByProcess(stack.launcherPid())) - before;
        long accepted = (long) r.get("accepted");
        r.put("stack_cpu_s", Latencies.round(used / 1000.0));
        if (accepted > 0) {
            double perSubmit = (double) used / accepted;
            r.put("stack_cpu_ms_per_submit", Latencies.round(perSubmit));
            r.put("submits_per_s_the_cores_allow", Latencies.round(cores() * 1000.0 / perSubmit));
        }
        r.put("load_average", Machine.loadAverage());
        return r;
    }

    private static long totalCpu(Map<String, Long> cpu) {
        return cpu.values().stream().mapToLong(Long::longValue).sum();
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private interface Scenario {
        Map<String, Object> run() throws Exception;
    }

    /** Runs one scenario if selected; a failure is recorded in the report and the next scenario still runs. */
    private void scenario(String name, String description, Scenario scenario) {
        if (!o.runs(name)) {
            return;
        }
        log(description + " ...");
        try {
            scenarios.put(name, scenario.run());
        } catch (Exception | AssertionError e) {
            log(name + " failed: " + e);
            scenarios.put(name, Map.of("failed", String.valueOf(e)));
        }
    }

    private interface Phase {
        LoadResult run() throws Exception;
    }

    /** Runs a phase and adds the stack's CPU time per 1,000 chunks delivered (all processes, from /proc). */
    private Map<String, Object> measured(StackUnderTest stack, Phase phase) throws Exception {
        Map<String, Long> before = ProcStats.cpuByProcess(stack.launcherPid());
        LoadResult r = phase.run();
        Map<String, Long> after = ProcStats.cpuByProcess(stack.launcherPid());
        Map<String, Object> s = r.summary();
        long tokens = r.tokens.sum();
        long total = 0;
        Map<String, Object> perProcess = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += used;
            perProcess.put(e.getKey(), tokens == 0 ? null : Latencies.round(used * 1000.0 / tokens));
        }
        s.put("stack_cpu_s", Latencies.round(total / 1000.0));
        s.put("stack_cpu_ms_per_1000_chunks", tokens == 0 ? null : Latencies.round(total * 1000.0 / tokens));
        if (tokens > 0 && total > 0) {
            // What the machine's cores could carry if the stack had them to itself (the load client excluded).
            double chunksPerSecond = cores() * 1000.0 * tokens / total;
            s.put("chunks_per_s_the_cores_allow", Latencies.round(chunksPerSecond));
            s.put("streams_at_20_chunks_per_s_the_cores_allow", Latencies.round(chunksPerSecond / 20));
        }
        s.put("cpu_ms_per_1000_chunks_by_process", perProcess);
        s.put("load_average", Machine.loadAverage());
        return s;
    }

    private List<String> tokens(ChatClient client, int users) throws Exception {
        List<String> tokens = new ArrayList<>(users);
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            inFlight.acquire();
            futures.add(client.devToken("bench-" + u).whenComplete((t, e) -> inFlight.release()));
        }
        for (CompletableFuture<String> f : futures) {
            tokens.add(f.join());
        }
        return tokens;
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("scenarios", o.scenarios());
        s.put("simulator_first_token_ms", o.firstTokenMs());
        s.put("simulator_chunk_ms", o.chunkMs());
        s.put("chunks_per_answer_latency", o.chunks());
        s.put("chunks_per_answer_capacity", o.capacityChunks());
        s.put("latency_streams", o.latencyStreams());
        s.put("latency_ramp", o.latencyRamp());
        s.put("phase_s", o.phase().toSeconds());
        s.put("warmup_s", o.warmup().toSeconds());
        s.put("capacity_steps", o.capacitySteps());
        s.put("idle_connections", o.idleConnections());
        s.put("submit_concurrency", o.submitConcurrency());
        s.put("service_jvm_opts", o.serviceJvmOpts());
        s.put("jfr", o.jfr());
        return s;
    }

    private void write() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path jsonFile = o.reportDir().resolve("benchmark-report.json");
        json.writeValue(jsonFile.toFile(), report);
        Path md = o.reportDir().resolve("benchmark-report.md");
        Files.writeString(md, MarkdownReport.render(report));
        log("report: " + md + " and " + jsonFile);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String message) {
        System.out.println("[benchmark " + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
