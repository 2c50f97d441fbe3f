package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatstream.localinfra.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole product started for an end-to-end test exactly as {@code ./run.sh} starts it: the
 * launcher jar as a child process (Kafka, Redis, MariaDB, simulator, four services) on free ports,
 * with a fast simulator so that only answers asking for {@code [sim:delay=..]} are slow.
 */
final class RunningStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** util-linux's setsid: the launcher leads a process group of its own, as a terminal's job does. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path home;
    private final Path stateDir;
    private final Map<String, Integer> ports;
    private final Process process;
    private final String gateway;

    private RunningStack(Path home, Path stateDir, Map<String, Integer> ports, Process process, String gateway) {
        this.home = home;
        this.stateDir = stateDir;
        this.ports = ports;
        this.process = process;
        this.gateway = gateway;
    }

    /** Starts the stack under {@code local-stack/target/<prefix>-<nanos>} and waits for its ready manifest. */
    static RunningStack start(String prefix) throws Exception {
        return start(prefix, new String[0]);
    }

    /**
     * As {@link #start(String)}, with more launcher options (e.g. {@code --service-jvm-opts=…}).
     * Class data sharing is off: it pays only from a state dir's second run, and these stacks run once.
     */
    static RunningStack start(String prefix, String... launcherOptions) throws Exception {
        Path stateDir = projectRoot().resolve("local-stack/target/" + prefix + "-" + System.nanoTime());
        List<String> options = new ArrayList<>(List.of("--cds=off"));
        options.addAll(List.of(launcherOptions));
        return startOn(stateDir, freePorts(), options.toArray(String[]::new));
    }

    /**
     * A different free port for every component, by launcher option name (the OS may hand out the
     * same free port twice in a row; two components on one port fail the start).
     */
    static Map<String, Integer> freePorts() {
        java.util.Set<Integer> distinct = new java.util.LinkedHashSet<>();
        while (distinct.size() < COMPONENT_PORTS.size()) {
            distinct.add(Ports.free());
        }
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        java.util.Iterator<Integer> free = distinct.iterator();
        COMPONENT_PORTS.forEach(name -> ports.put(name, free.next()));
        return Map.copyOf(ports);
    }

    private static final List<String> COMPONENT_PORTS = List.of("gateway-port", "command-port", "command-grpc-port",
            "worker-port", "query-port", "query-grpc-port", "simulator-port", "kafka-port", "redis-port", "mariadb-port", "identity-port");

    /**
     * Starts the stack on {@code stateDir}, which may hold an earlier run's data (a second
     * {@code ./run.sh}), in a process group of its own, so {@link #killHard()} can end it the way
     * {@code kill -9 -- -PGID} does.
     */
    static RunningStack startOn(Path stateDir, Map<String, Integer> ports, String... launcherOptions) throws Exception {
        Path home = projectRoot();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home.resolve("local-stack/target/local-stack.jar").toString(),
                "--home=" + home, "--state-dir=" + stateDir, "--sim-first-token-ms=20", "--sim-chunk-ms=10"));
        ports.forEach((name, port) -> command.add("--" + name + "=" + port));
        command.addAll(List.of(launcherOptions));
        Files.createDirectories(stateDir);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("local-stack.out").toFile())).start();
        Path manifest = stateDir.resolve("stack.json");
        try {
            await("the stack's ready manifest").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        assertThat(process.isAlive()).as("local stack alive (see %s)", stateDir).isTrue();
                        return writtenBy(manifest, process);
                    });
            JsonNode ready = JSON.readTree(manifest.toFile());
            assertThat(ready.get("status").asText()).isEqualTo("ready");
            RunningStack stack = new RunningStack(home, stateDir, ports, process, ready.get("gateway").asText());
            stack.awaitGatewayReachesBackends();
            return stack;
        } catch (Throwable e) {
            process.destroy();
            process.waitFor(90, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** True once {@code stack.json} exists and was written by this launcher, not left by an earlier, killed one. */
    private static boolean writtenBy(Path manifest, Process launcher) {
        try {
            return Files.exists(manifest)
                    && JSON.readTree(manifest.toFile()).at("/processes/local-stack/pid").asLong() == launcher.pid();
        } catch (java.io.IOException e) {
            return false; // being replaced right now
        }
    }

    /**
     * "Ready" means every service's health is UP, but the gateway dials command and query eagerly
     * when it starts; if it starts first, its gRPC channels sit in connect back-off (up to a minute)
     * and fail fast with UNAVAILABLE (HTTP 503) meanwhile. Wait until both answer through the gateway,
     * so tests do not depend on where the back-off timer happens to be.
     */
    private void awaitGatewayReachesBackends() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long began = System.nanoTime();
        await("the gateway reaches command and query").atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/dev-token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"stack-probe\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String bearer = "Bearer " + JSON.readTree(token.body()).get("token").asText();
                    int query = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/chat/sessions"))
                            .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    int command = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/chat/stop"))
                            .header("Authorization", bearer).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"request_id\":\"" + UUID.randomUUID() + "\"}")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    return query != 503 && command != 503;
                });
        System.out.printf("gateway reached command and query %d ms after the stack was ready%n",
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    /** The project root: failsafe passes it; from the module directory it is the parent. */
    static Path projectRoot() {
        return Path.of(System.getProperty("chat.project.root", "..")).toAbsolutePath().normalize();
    }

    /** The gateway's base URL, e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    String gateway() {
        return gateway;
    }

    Path home() {
        return home;
    }

    Path stateDir() {
        return stateDir;
    }

    /** A port the stack was started with, by its launcher option name, e.g. {@code worker-port}. */
    int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port named " + name);
        }
        return port;
    }

    /** The launcher process and everything it started (Kafka, Redis, MariaDB, the services, ...). */
    ProcessHandle launcher() {
        return process.toHandle();
    }

    /** A service's log, e.g. {@code logs/worker.log} under the state directory. */
    Path log(String service) {
        return stateDir.resolve("logs").resolve(service + ".log");
    }

    /** Every port the stack was started with, by launcher option name. */
    Map<String, Integer> ports() {
        return ports;
    }

    /** The startup time the launcher recorded in its manifest (launch to ready). */
    Duration startup() throws Exception {
        return Duration.ofMillis(JSON.readTree(stateDir.resolve("stack.json").toFile()).get("startup_ms").asLong());
    }

    /**
     * Kills the launcher and everything it started at once, without shutdown hooks: the process group
     * with SIGKILL where the launcher leads one, else every descendant. Waits until the ports are free.
     */
    void killHard() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        if (Files.isExecutable(SETSID)) {
            new ProcessBuilder("kill", "-9", "--", "-" + process.pid()).inheritIO().start().waitFor();
        }
        all.forEach(ProcessHandle::destroyForcibly);
        await("every process of the killed stack gone").atMost(Duration.ofSeconds(30))
                .until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
        await("the killed stack's ports free").atMost(Duration.ofSeconds(30))
                .until(() -> ports.values().stream().noneMatch(Ports::isListening));
    }

    /** Stops the stack with SIGTERM, as Ctrl-C would, and checks that it cleaned up after itself. */
    @Override
    public void close() throws Exception {
        process.destroy();
        // Up to a minute per service while it records its class archive (the first stop after a build), then the infrastructure.
        assertThat(process.waitFor(150, TimeUnit.SECONDS)).as("the stack stops on SIGTERM").isTrue();
        assertThat(ports.values()).as("nothing left listening").noneMatch(Ports::isListening);
        assertThat(stateDir.resolve("stack.json")).doesNotExist();
    }
}
