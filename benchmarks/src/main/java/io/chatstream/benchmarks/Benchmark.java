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
 * Starts the local stack from one build's jars (and, with {@code --compare-home}, another build's after
 * it), runs the scenarios against it and the simulator, stops everything and writes
 * {@code benchmark-report.md} and {@code .json}. Run by {@code scripts/benchmark.sh}.
 */
public final class Benchmark {

    private static final List<String> SERVICES = List.of("gateway", "command", "worker", "query");

    private final BenchmarkOptions o;
    private final Map<String, Object> report = new LinkedHashMap<>();

    private Benchmark(BenchmarkOptions o) {
        this.o = o;
    }

    public static void main(String[] args) {
        System.exit(BenchmarkCommand.execute(args, options -> {
            new Benchmark(options).run(String.join(" ", args));
            return 0;
        }));
    }

    @SuppressWarnings("unchecked")
    private void run(String args) throws Exception {
        Files.createDirectories(o.reportDir());
        report.put("generated_at", Instant.now().toString());
        report.put("mode", o.mode());
        report.put("command", "scripts/benchmark.sh " + args);
        report.put("machine", Machine.describe());
        report.put("settings", settings());
        Map<String, Object> builds = new LinkedHashMap<>();
        report.put("builds", builds);
        builds.put("this", build("this", o.home()));
        if (o.compareHome() != null) {
            builds.put("compared", build("compared", o.compareHome()));
        }
        ((Map<String, Object>) report.get("machine")).put("load_average_at_end", Machine.loadAverage());
        report.put("targets", Targets.evaluate(builds));
        write();
    }

    /** Every scenario against one build's jars: its own stack, started and stopped here. */
    private Map<String, Object> build(String label, Path home) throws Exception {
        Map<String, Object> build = new LinkedHashMap<>();
        Map<String, Object> stackFigures = new LinkedHashMap<>();
        Map<String, Object> scenarios = new LinkedHashMap<>();
        build.put("home", home.toString());
        build.put("commit", Machine.commit(home));
        build.put("stack", stackFigures);
        log("[" + label + "] starting the local stack of " + home + " (load average " + Machine.loadAverage() + ") ...");
        try (StackUnderTest stack = StackUnderTest.start(o, home, o.home().resolve("benchmarks/target/stack-state"),
                o.reportDir().resolve("stack-" + label + ".log"), 3);
             ChatClient client = new ChatClient(stack.gateway(), stack.simulatorBaseUrl(), 4)) {
            stackFigures.put("startup_ms", stack.startupMillis());
            log("stack ready in " + stack.startupMillis() + " ms; signing in the load users ...");
            int users = Math.max(o.submitUsers(), o.capacitySteps().stream().mapToInt(i -> i).max().orElse(0));
            List<String> tokens = tokens(client, Math.max(users, o.latencyStreams()));
            Thread.sleep(3000);
            stackFigures.put("rss_mib_idle", ProcStats.rssByProcess(stack.launcherPid()));
            ChatLoad load = new ChatLoad(client, o.chunkMs());
            log("warm-up " + o.warmup().toSeconds() + " s ...");
            load.run(ChatLoad.Path.STACK, tokens, 10, o.warmup(), prompt(o.chunks(), "warm up"), o.firstTokenMs(),
                    o.chunks());
            IdleCpu idle = idleProductCpu(stack);
            if (o.jfr()) {
                SERVICES.forEach(s -> JvmProbe.jcmd(stack.pid(s), "JFR.start", "name=bench", "settings=profile"));
            }
            stackFigures.put("idle_product_cores", Latencies.round(idle.cores()));
            stackFigures.put("of_which_idle_jit_cores", Latencies.round(idle.jitCores()));
            Scenarios run = new Scenarios(scenarios);
            run.once("baseline", "baseline: " + o.latencyStreams() + " streams straight from the simulator",
                    () -> load.run(ChatLoad.Path.DIRECT, List.of(), o.latencyStreams(), o.phase(),
                            prompt(o.chunks(), "direct"), o.firstTokenMs(), o.chunks()).summary());
            run.once("latency_ramp", "latency ramp " + o.latencyRamp() + " streams (open loop)",
                    () -> latencyRamp(stack, load, tokens));
            for (int rep = 1; rep <= o.repetitions(); rep++) {
                String of = " (" + rep + "/" + o.repetitions() + ")";
                run.repeated("latency", "latency: " + o.latencyStreams() + " streams, open loop" + of,
                        () -> openLoop(stack, load, tokens, o.latencyStreams(), o.chunks(), "latency"));
                run.repeated("cost", "cost: " + o.costChunks() + "-chunk answers at " + o.costRate() + "/s" + of,
                        () -> cost(stack, load, tokens, idle));
                run.repeated("capacity", "capacity from " + o.capacitySteps() + " by bisection" + of,
                        () -> capacity(stack, load, tokens, stackFigures));
            }
            run.once("submits", "submits: " + o.submitConcurrency() + " callers, " + tokens.size() + " users",
                    () -> submits(stack, client, tokens));
            // Last: after holding thousands of connections the gateway's heap takes many seconds of collections
            // to settle, which a scenario after it would measure instead of its own figures.
            run.once("idle", "idle: " + o.idleConnections() + " SSE connections on one gateway",
                    () -> new IdleConnections(client, stack, o.reportDir()).run(tokens, o.idleConnections(),
                            Math.max(1, o.idleConnections() / 100), Duration.ofSeconds(o.mode().equals("full") ? 30 : 10)));
            if (o.jfr()) {
                for (String s : SERVICES) {
                    Path file = o.reportDir().resolve(label + "-" + s + ".jfr");
                    JvmProbe.jcmd(stack.pid(s), "JFR.dump", "name=bench", "filename=" + file);
                    JvmProbe.jcmd(stack.pid(s), "JFR.stop", "name=bench");
                }
            }
            load.close();
            log("stopping the stack ...");
        }
        build.put("headline", Headline.of(scenarios));
        build.put("scenarios", scenarios);
        return build;
    }

    private String prompt(int chunks, String what) {
        return "[sim:stamp][sim:chunks=" + chunks + "][sim:delay=" + o.firstTokenMs() + "," + o.chunkMs() + "] " + what;
    }

    /** The ideal length of an answer of {@code chunks} chunks, in seconds (no pipeline). */
    private double answerSeconds(int chunks) {
        return ChatLoad.idealAnswerMicros(o.firstTokenMs(), o.chunkMs(), chunks) / 1e6;
    }

    /** Product CPU while nothing is asked (consumer polls, health checks, timers), in cores, and how much was JIT. */
    private IdleCpu idleProductCpu(StackUnderTest stack) throws InterruptedException {
        Thread.sleep(2000);
        CpuSample before = CpuSample.take(stack.launcherPid(), stack.simulatorPid());
        long started = System.nanoTime();
        Thread.sleep(10_000);
        CpuSample after = CpuSample.take(stack.launcherPid(), stack.simulatorPid());
        double millis = (System.nanoTime() - started) / 1e6;
        return new IdleCpu(after.productMillisSince(before) / millis, after.productJitMillisSince(before) / millis,
                after.productSwitchesSince(before) / millis);
    }

    /** The product's idle CPU in cores, the share of it its JIT compilers spent, and its context switches per ms. */
    private record IdleCpu(double cores, double jitCores, double switchesPerMilli) {
    }

    /** Open-loop arrivals that keep {@code streams} answers of {@code chunks} chunks open on average. */
    private Map<String, Object> openLoop(StackUnderTest stack, ChatLoad load, List<String> tokens, int streams,
                                         int chunks, String what) throws Exception {
        double perSecond = streams / answerSeconds(chunks);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("streams", streams);
        s.put("prompts_per_s", Latencies.round(perSecond));
        s.putAll(measured(stack, () -> load.runOpen(tokens, perSecond, o.phase(), prompt(chunks, what),
                o.firstTokenMs(), chunks)));
        return s;
    }

    /** The open-loop latency scenario at other levels: where the pipeline stands before the cores saturate. */
    private Map<String, Object> latencyRamp(StackUnderTest stack, ChatLoad load, List<String> tokens) throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int streams : o.latencyRamp()) {
            log("latency: " + streams + " streams ...");
            steps.add(openLoop(stack, load, tokens, streams, o.chunks(), "latency ramp"));
        }
        return Map.of("steps", steps);
    }

    /**
     * Per-chunk and per-turn product CPU: the same prompt rate with a short and a long answer. Product CPU
     * per turn, less what the product spends idle, is {@code turn + chunks × chunk} for both lengths; the
     * two equations give both costs ({@link CostSplit}). The same split without the JIT compilers' CPU (in the
     * runs and in the idle figure) is what the product costs once compiled: JIT fades as the JVMs warm up, but
     * on two cores it is still a fifth to a third of the product's CPU minutes after the start, and it varies
     * from run to run more than anything the product does.
     */
    private Map<String, Object> cost(StackUnderTest stack, ChatLoad load, List<String> tokens, IdleCpu idle)
            throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        double[] perTurn = new double[2];
        double[] perTurnWithoutJit = new double[2];
        double[] switchesPerTurn = new double[2];
        List<Map<String, Map<String, Long>>> threadMillis = new ArrayList<>();
        long[] turnsOf = new long[2];
        for (int i = 0; i < 2; i++) {
            int chunks = o.costChunks().get(i);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("chunks_per_answer", chunks);
            run.put("prompts_per_s", o.costRate());
            CpuSample before = CpuSample.take(stack.launcherPid(), stack.simulatorPid());
            LoadResult r = load.runOpen(tokens, o.costRate(), o.phase(), prompt(chunks, "cost"), o.firstTokenMs(), chunks);
            CpuSample after = CpuSample.take(stack.launcherPid(), stack.simulatorPid());
            double busyMillis = after.productMillisSince(before) - idle.cores() * r.elapsedMillis;
            double busyMillisWithoutJit = busyMillis - after.productJitMillisSince(before)
                    + idle.jitCores() * r.elapsedMillis;
            double switches = after.productSwitchesSince(before) - idle.switchesPerMilli() * r.elapsedMillis;
            long turns = r.accepted.sum();
            perTurn[i] = turns == 0 ? Double.NaN : busyMillis / turns;
            perTurnWithoutJit[i] = turns == 0 ? Double.NaN : busyMillisWithoutJit / turns;
            switchesPerTurn[i] = turns == 0 ? Double.NaN : switches / turns;
            threadMillis.add(after.productThreadMillisSince(before));
            turnsOf[i] = turns;
            run.put("turns", turns);
            run.put("errors", r.errorCount());
            run.put("chunks_delivered", r.tokens.sum());
            run.put("product_cpu_ms_above_idle", Latencies.round(busyMillis));
            run.put("product_cpu_ms_per_turn_with_its_chunks", Latencies.round(perTurn[i]));
            run.put("without_jit_product_cpu_ms_per_turn_with_its_chunks", Latencies.round(perTurnWithoutJit[i]));
            run.putAll(after.describeSince(before));
            run.put("cpu_s_by_process", after.secondsByProcessSince(before));
            run.put("product_context_switches_per_turn_with_its_chunks", Latencies.round(switchesPerTurn[i]));
            run.put("context_switches_per_turn_by_process", perTurn(after.switchesByProcessSince(before), turns));
            run.put("cpu_ms_per_turn_by_thread", ThreadCost.perTurn(threadMillis.get(i), turns, 0.5));
            out.put("answers_of_" + chunks, run);
        }
        int shorter = o.costChunks().get(0);
        int longer = o.costChunks().get(1);
        CostSplit split = CostSplit.of(shorter, perTurn[0], longer, perTurn[1]);
        out.put("product_cpu_us_per_chunk", Latencies.round(split.perChunk() * 1000));
        out.put("product_cpu_ms_per_turn", Latencies.round(split.perTurn()));
        CostSplit compiled = CostSplit.of(shorter, perTurnWithoutJit[0], longer, perTurnWithoutJit[1]);
        out.put("without_jit_product_cpu_us_per_chunk", Latencies.round(compiled.perChunk() * 1000));
        out.put("without_jit_product_cpu_ms_per_turn", Latencies.round(compiled.perTurn()));
        // Every hand-off of work between threads wakes one: the count says how many hops a chunk and a turn take.
        CostSplit hops = CostSplit.of(shorter, switchesPerTurn[0], longer, switchesPerTurn[1]);
        out.put("product_context_switches_per_chunk", Latencies.round(hops.perChunk()));
        out.put("product_context_switches_per_turn", Latencies.round(hops.perTurn()));
        out.put("cpu_us_per_chunk_by_thread", ThreadCost.perChunk(shorter, threadMillis.get(0), turnsOf[0], longer,
                threadMillis.get(1), turnsOf[1], 10));
        out.put("idle_product_cores_subtracted", Latencies.round(idle.cores()));
        out.put("of_which_idle_jit_cores", Latencies.round(idle.jitCores()));
        out.put("load_average", Machine.loadAverage());
        return out;
    }

    /** Each process's count divided by the turns, rounded for the report. */
    private static Map<String, Object> perTurn(Map<String, Long> counts, long turns) {
        Map<String, Object> out = new LinkedHashMap<>();
        counts.forEach((name, n) -> out.put(name, turns == 0 ? null : Latencies.round((double) n / turns)));
        return out;
    }

    /**
     * Fluent capacity: closed-loop streams of {@code capacityChunks} chunks at the simulator's pace. The
     * given steps run in order until one fails the {@link FluencyRule}; then the gap between the last that
     * passed and the first that failed is halved until it is within 10 % (at least 5 streams).
     */
    private Map<String, Object> capacity(StackUnderTest stack, ChatLoad load, List<String> tokens,
                                         Map<String, Object> stackFigures) throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        int passed = 0;
        Integer failed = null;
        for (int streams : o.capacitySteps()) {
            if (capacityStep(stack, load, tokens, streams, steps, stackFigures)) {
                passed = streams;
            } else {
                failed = streams;
                break;
            }
        }
        while (failed != null && failed - passed > Math.max(5, passed / 10)) {
            int mid = (passed + failed) / 2;
            if (capacityStep(stack, load, tokens, mid, steps, stackFigures)) {
                passed = mid;
            } else {
                failed = mid;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chunks_per_s_per_stream", Latencies.round(1000.0 / Math.max(1, o.chunkMs())));
        out.put("fluent_streams", passed);
        out.put("fluent_streams_is_a_lower_bound", failed == null);
        out.put("first_failing_streams", failed);
        out.put("largest_step_without_errors_old_rule", steps.stream().filter(FluencyRule::passesOldRule)
                .mapToInt(st -> (int) st.get("streams")).max().orElse(0));
        out.put("steps", steps);
        return out;
    }

    private boolean capacityStep(StackUnderTest stack, ChatLoad load, List<String> tokens, int streams,
                                 List<Map<String, Object>> steps, Map<String, Object> stackFigures) throws Exception {
        log("capacity: " + streams + " concurrent streams at " + (1000 / Math.max(1, o.chunkMs())) + " chunks/s ...");
        Map<String, Object> rssAtLoad = new LinkedHashMap<>();
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("streams", streams);
        step.putAll(measured(stack, () -> {
            CompletableFuture<Void> sample = CompletableFuture.runAsync(() -> {
                sleep(o.phase().toMillis() / 2);
                rssAtLoad.putAll(ProcStats.rssByProcess(stack.launcherPid()));
            });
            LoadResult r = load.run(ChatLoad.Path.STACK, tokens, streams, o.phase(), prompt(o.capacityChunks(), "capacity"),
                    o.firstTokenMs(), o.capacityChunks());
            sample.join();
            return r;
        }));
        List<String> failures = o.fluency().failures(step);
        step.put("fluent", failures.isEmpty());
        step.put("why_not", failures);
        step.put("rss_mib_at_load", rssAtLoad);
        steps.add(step);
        stackFigures.put("rss_mib_at_load", rssAtLoad);
        stackFigures.put("rss_at_load_streams", streams);
        log("  " + (failures.isEmpty() ? "fluent" : "not fluent: " + String.join("; ", failures)));
        return failures.isEmpty();
    }

    /** Submit throughput, and the product's CPU per accepted submit (what the cores would allow unshared). */
    private Map<String, Object> submits(StackUnderTest stack, ChatClient client, List<String> tokens) throws Exception {
        CpuSample before = CpuSample.take(stack.launcherPid(), stack.simulatorPid());
        Map<String, Object> r = new SubmitLoad(client).run(tokens, o.submitConcurrency(), o.phase());
        CpuSample after = CpuSample.take(stack.launcherPid(), stack.simulatorPid());
        long used = after.productMillisSince(before);
        long accepted = (long) r.get("accepted");
        r.put("product_cpu_s", Latencies.round(used / 1000.0));
        if (accepted > 0) {
            double perSubmit = (double) used / accepted;
            r.put("product_cpu_ms_per_submit", Latencies.round(perSubmit));
            r.put("submits_per_s_the_cores_allow", Latencies.round(cores() * 1000.0 / perSubmit));
        }
        r.putAll(after.describeSince(before));
        r.put("load_average", Machine.loadAverage());
        return r;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private interface Scenario {
        Map<String, Object> run() throws Exception;
    }

    /**
     * The selected scenarios of one build; a failure is recorded in the report and the next scenario still
     * runs. A repeated scenario keeps each run under {@code repetitions}.
     */
    private final class Scenarios {
        private final Map<String, Object> results;

        Scenarios(Map<String, Object> results) {
            this.results = results;
        }

        void once(String name, String description, Scenario scenario) {
            if (o.runs(name)) {
                results.put(name, attempt(name, description, scenario));
            }
        }

        @SuppressWarnings("unchecked")
        void repeated(String name, String description, Scenario scenario) {
            if (o.runs(name)) {
                Map<String, Object> entry = (Map<String, Object>) results.computeIfAbsent(name,
                        k -> new LinkedHashMap<>(Map.of("repetitions", new ArrayList<>())));
                ((List<Object>) entry.get("repetitions")).add(attempt(name, description, scenario));
            }
        }

        private Map<String, Object> attempt(String name, String description, Scenario scenario) {
            log(description + " ...");
            try {
                return scenario.run();
            } catch (Exception | AssertionError e) {
                log(name + " failed: " + e);
                return Map.of("failed", String.valueOf(e));
            }
        }
    }

    private interface Phase {
        LoadResult run() throws Exception;
    }

    /**
     * Runs a phase and adds CPU by group (product, load client, simulator, other), the machine's busy and
     * steal shares, and the product's CPU per delivered chunk (per-turn work included; see the cost scenario).
     */
    private Map<String, Object> measured(StackUnderTest stack, Phase phase) throws Exception {
        CpuSample before = CpuSample.take(stack.launcherPid(), stack.simulatorPid());
        LoadResult r = phase.run();
        CpuSample after = CpuSample.take(stack.launcherPid(), stack.simulatorPid());
        Map<String, Object> s = r.summary();
        long tokens = r.tokens.sum();
        long product = after.productMillisSince(before);
        s.put("product_cpu_us_per_delivered_chunk", tokens == 0 ? null : Latencies.round(product * 1e3 / tokens));
        s.putAll(after.describeSince(before));
        s.put("cpu_s_by_process", after.secondsByProcessSince(before));
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
        s.put("service_jvm_opts", o.serviceJvmOpts() != null ? o.serviceJvmOpts() : "each build's launcher default");
        s.put("jfr", o.jfr());
        s.put("repetitions", o.repetitions());
        s.put("compare_home", o.compareHome() == null ? null : o.compareHome().toString());
        s.put("cost_chunks", o.costChunks());
        s.put("cost_prompts_per_s", o.costRate());
        s.put("fluent_min_delivered_share", o.fluency().minDeliveredShare());
        s.put("fluent_max_emit_to_receive_p99_ms", o.fluency().maxEmitToReceiveP99Ms());
        s.put("worker_answer_slots", StackUnderTest.WORKER_ANSWER_SLOTS);
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
