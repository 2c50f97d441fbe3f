package io.chatstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as {@code ./run.sh} runs it: {@code local-stack.jar} of one build on free ports with its own
 * state dir, and the simulator in a process of its own (from this benchmark's jar, the same for every
 * build), so its CPU is not counted as the product's. The stack reaches the simulator as it would reach
 * Bailian ({@code DASHSCOPE_BASE_URL} with a dummy key). Stopped by pid (SIGTERM to the launcher, which
 * stops its children; anything left is killed by its pid).
 */
final class StackUnderTest implements AutoCloseable {

    private static final String[] PORTS = {"gateway-port", "command-port", "command-grpc-port", "worker-port",
        "query-port", "query-grpc-port", "simulator-port", "kafka-port", "redis-port", "mariadb-port", "identity-port"};

    private final Process launcher;
    private final Process simulator;
    private final JsonNode manifest;
    private final int simulatorPort;
    private final List<Long> children;
    /** Stops this stack if the benchmark itself is stopped (Ctrl-C, SIGTERM) before it ends. */
    private final Thread stopOnExit;

    private StackUnderTest(Process launcher, Process simulator, JsonNode manifest, int simulatorPort, Thread stopOnExit) {
        this.launcher = launcher;
        this.simulator = simulator;
        this.manifest = manifest;
        this.simulatorPort = simulatorPort;
        this.children = ProcStats.tree(launcher.pid());
        this.stopOnExit = stopOnExit;
    }

    /**
     * Starts the stack, trying again (up to {@code attempts} times) when it is not ready in time: the
     * launcher gives each service four minutes, which a heavily shared machine can exceed.
     */
    static StackUnderTest start(BenchmarkOptions o, Path build, Path stateDir, Path log, int attempts)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(o, build, stateDir, log);
            } catch (IllegalStateException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                Benchmark.log(e.getMessage() + "; trying again (" + (attempt + 1) + "/" + attempts + ")");
                Files.move(log, log.resolveSibling("stack-attempt-" + attempt + ".log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static StackUnderTest startOnce(BenchmarkOptions o, Path build, Path stateDir, Path log)
            throws IOException, InterruptedException {
        Path jar = build.resolve("local-stack/target/local-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build that checkout first (scripts/benchmark.sh"
                    + " builds this one's jars)");
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : PORTS) {
            ports.put(name, freePort());
        }
        Process simulator = startSimulator(o, ports.get("simulator-port"), log.resolveSibling("simulator.log"));
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar.toString(), "--home=" + build,
                "--state-dir=" + stateDir, "--fresh", "--cds=off"));
        if (o.serviceJvmOpts() != null) {
            cmd.add("--service-jvm-opts=" + o.serviceJvmOpts());
        }
        ports.forEach((name, port) -> cmd.add("--" + name + "=" + port));
        Files.createDirectories(stateDir);
        Files.deleteIfExists(stateDir.resolve("stack.json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // --cds=off: a fresh state dir would make every service record its class-data-sharing archive
        // (-XX:ArchiveClassesAtExit), which is a first run's cost, not the steady state measured here.
        // The benchmark measures the pipeline against the simulator, never a real (billed) model: the
        // stack is pointed at the simulator's process with a dummy key.
        pb.environment().put("DASHSCOPE_API_KEY", "sk-benchmark-simulator");
        pb.environment().put("DASHSCOPE_BASE_URL", "http://127.0.0.1:" + ports.get("simulator-port") + "/api/v1");
        // A capacity step must not be capped by the worker's answer slots (256 by default): the cap is
        // raised so that a failing step shows what the pipeline itself could not carry.
        pb.environment().put("CHAT_WORKER_MAXCONCURRENTANSWERS", Integer.toString(WORKER_ANSWER_SLOTS));
        // A closed-loop user sends about one prompt a second, far past the per-user send limit (20 a
        // minute). The limiter stays on, so its Redis round trip per send is measured, but with a
        // bucket no benchmark user empties; the services inherit the launcher's environment.
        pb.environment().put("CHAT_RATELIMIT_CAPACITY", "1000000");
        pb.environment().put("CHAT_RATELIMIT_REFILLTOKENS", "1000000");
        // The idle scenario holds 10,000 SSE connections from this one address, 100 readers per answer of
        // one user: far past the per-address (200) and per-user (20) stream limits, which stay on.
        pb.environment().put("CHAT_SSE_MAXSTREAMSPERUSER", "1000000");
        pb.environment().put("CHAT_SSE_MAXSTREAMSPERADDRESS", "1000000");
        Process launcher = pb.start();
        Thread stopOnExit = new Thread(() -> stopAll(launcher, List.of(), simulator), "stop-stack-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Path manifestFile = stateDir.resolve("stack.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (!Files.exists(manifestFile)) {
            if (!launcher.isAlive()) {
                simulator.destroy();
                forget(stopOnExit);
                throw new IllegalStateException("the local stack exited with " + launcher.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                stopAll(launcher, List.of(), simulator);
                forget(stopOnExit);
                throw new IllegalStateException("the local stack was not ready within 6 minutes; see " + log);
            }
            Thread.sleep(500);
        }
        JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
        return new StackUnderTest(launcher, simulator, manifest, ports.get("simulator-port"), stopOnExit);
    }

    /** Answer slots of each worker during a benchmark ({@code chat.worker.max-concurrent-answers}). */
    static final int WORKER_ANSWER_SLOTS = 4096;

    /**
     * The simulator from this benchmark's own jar (it carries bailian-simulator), at the run's delays,
     * with a thread per open stream allowed for every stream a capacity step opens.
     */
    private static Process startSimulator(BenchmarkOptions o, int port, Path log) throws IOException, InterruptedException {
        Path jar = o.home().resolve("benchmarks/target/benchmarks.jar");
        Process p = new ProcessBuilder(java(), "-Xms128m", "-Xmx512m", "-XX:+UseParallelGC", "-cp", jar.toString(),
                "-Dloader.main=io.chatstream.simulator.BailianSimulator",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--port=" + port, "--first-token-delay-ms=" + o.firstTokenMs(), "--chunk-delay-ms=" + o.chunkMs(),
                "--chunks=" + o.chunks(), "--max-threads=" + (WORKER_ANSWER_SLOTS + 256))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!listening(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("the simulator did not start; see " + log);
            }
            Thread.sleep(200);
        }
        return p;
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    URI gateway() {
        return URI.create(manifest.path("gateway").asText());
    }

    URI simulatorBaseUrl() {
        return URI.create("http://127.0.0.1:" + simulatorPort + "/api/v1/");
    }

    long startupMillis() {
        return manifest.path("startup_ms").asLong();
    }

    long launcherPid() {
        return launcher.pid();
    }

    long simulatorPid() {
        return simulator.pid();
    }

    /** pid of a service ("gateway", "command", "worker", "query"). */
    long pid(String service) {
        return manifest.path("processes").path(service).path("pid").asLong();
    }

    URI http(String service) {
        return URI.create(manifest.path("processes").path(service).path("http").asText());
    }

    @Override
    public void close() {
        stopAll(launcher, children, simulator);
        forget(stopOnExit);
    }

    /** Stops the launcher with its services (and any {@code children} by pid), then the simulator. */
    private static void stopAll(Process launcher, List<Long> children, Process simulator) {
        stop(launcher, children);
        terminate(simulator, 20);
    }

    /** The stack is stopped (or never started): nothing left for the exit hook to do. */
    private static void forget(Thread stopOnExit) {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already exiting and runs the hook, which stops what is still running.
        }
    }

    /** SIGTERM, then SIGKILL when {@code process} has not exited after {@code graceSeconds}. */
    private static void terminate(Process process, int graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void stop(Process launcher, List<Long> children) {
        List<Long> everything = new ArrayList<>(ProcStats.tree(launcher.pid()));
        everything.addAll(children);
        terminate(launcher, 90);
        // Anything the launcher could not stop goes by its own pid, never by name.
        for (long pid : everything) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroy();
                try {
                    p.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        }
    }

    Duration uptime() {
        return launcher.info().startInstant().map(s -> Duration.between(s, java.time.Instant.now())).orElse(Duration.ZERO);
    }
}
