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
 * The product as {@code ./run.sh} runs it: {@code local-stack.jar} on free ports with its own state dir,
 * the simulator at fixed delays. Stopped by pid (SIGTERM to the launcher, which stops its children;
 * anything left is killed by its pid).
 */
final class StackUnderTest implements AutoCloseable {

    private static final String[] PORTS = {"gateway-port", "command-port", "command-grpc-port", "worker-port",
        "query-port", "query-grpc-port", "simulator-port", "kafka-port", "redis-port", "mariadb-port", "identity-port"};

    private final Process launcher;
    private final JsonNode manifest;
    private final int simulatorPort;
    private final List<Long> children;

    private StackUnderTest(Process launcher, JsonNode manifest, int simulatorPort) {
        this.launcher = launcher;
        this.manifest = manifest;
        this.simulatorPort = simulatorPort;
        this.children = ProcStats.tree(launcher.pid());
    }

    /**
     * Starts the stack, trying again (up to {@code attempts} times) when it is not ready in time: the
     * launcher gives each service four minutes, which a heavily shared machine can exceed.
     */
    static StackUnderTest start(BenchmarkOptions o, Path stateDir, Path log, int attempts)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(o, stateDir, log);
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

    private static StackUnderTest startOnce(BenchmarkOptions o, Path stateDir, Path log)
            throws IOException, InterruptedException {
        Path jar = o.home().resolve("local-stack/target/local-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run scripts/benchmark.sh (it builds what is missing)");
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : PORTS) {
            ports.put(name, freePort());
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--home=" + o.home(), "--state-dir=" + stateDir, "--fresh",
                "--sim-first-token-ms=" + o.firstTokenMs(), "--sim-chunk-ms=" + o.chunkMs(),
                "--sim-chunks=" + o.chunks(), "--service-jvm-opts=" + o.serviceJvmOpts()));
        ports.forEach((name, port) -> cmd.add("--" + name + "=" + port));
        Files.createDirectories(stateDir);
        Files.deleteIfExists(stateDir.resolve("stack.json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // The benchmark measures the pipeline against the simulator, never a real (billed) model.
        pb.environment().remove("DASHSCOPE_API_KEY");
        // A closed-loop user sends about one prompt a second, far past the per-user send limit (20 a
        // minute). The limiter stays on, so its Redis round trip per send is measured, but with a
        // bucket no benchmark user empties; the services inherit the launcher's environment.
        pb.environment().put("CHAT_RATELIMIT_CAPACITY", "1000000");
        pb.environment().put("CHAT_RATELIMIT_REFILLTOKENS", "1000000");
        Process launcher = pb.start();
        Path manifestFile = stateDir.resolve("stack.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (!Files.exists(manifestFile)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the local stack exited with " + launcher.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                stop(launcher, List.of());
                throw new IllegalStateException("the local stack was not ready within 6 minutes; see " + log);
            }
            Thread.sleep(500);
        }
        JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
        return new StackUnderTest(launcher, manifest, ports.get("simulator-port"));
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

    /** pid of a service ("gateway", "command", "worker", "query"). */
    long pid(String service) {
        return manifest.path("processes").path(service).path("pid").asLong();
    }

    URI http(String service) {
        return URI.create(manifest.path("processes").path(service).path("http").asText());
    }

    @Override
    public void close() {
        stop(launcher, children);
    }

    private static void stop(Process launcher, List<Long> children) {
        List<Long> everything = new ArrayList<>(ProcStats.tree(launcher.pid()));
        everything.addAll(children);
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
