package io.chatstream.localstack;

import io.chatstream.localinfra.TerminalInterrupt;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/** One service of the product running as its own JVM from its executable jar. */
final class ServiceProcess implements Supervised {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final String name;
    private final int httpPort;
    private final Path log;
    private final ProcessBuilder builder;
    private final Duration readyTimeout;
    private final Duration stopGrace;
    private volatile Process process;

    private ServiceProcess(String service, String name, int httpPort, Path log, ProcessBuilder builder,
                           Duration readyTimeout, Duration stopGrace) {
        this.service = service;
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.builder = builder;
        this.readyTimeout = readyTimeout;
        this.stopGrace = stopGrace;
        this.process = launch(builder, name);
    }

    /** {@code name} is the instance's ({@code worker-2}); {@code service} what it runs ({@code worker}). */
    static ServiceProcess start(String service, String name, Path jar, int httpPort, List<String> jvmOptions, List<String> args,
                                Map<String, String> environment, Path log, Duration readyTimeout, Duration stopGrace) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(TerminalInterrupt.ignoredBy(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only the worker needs the model key; no other process gets it.
        builder.environment().remove("DASHSCOPE_API_KEY");
        builder.environment().putAll(environment);
        return new ServiceProcess(service, name, httpPort, log, builder, readyTimeout, stopGrace);
    }

    private static Process launch(ProcessBuilder builder, String name) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    String service() {
        return service;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The same command, port, environment and log (appended to) as the first start; waits until ready. */
    @Override
    public void restart() {
        process = launch(builder, name);
        awaitReady(readyTimeout);
    }

    int httpPort() {
        return httpPort;
    }

    Path log() {
        return log;
    }

    /** Waits until the service's readiness health check answers UP. */
    void awaitReady(Duration timeout) {
        URI health = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
            }
            sleep(250);
        }
    }

    /** Whether this run writes its class-data-sharing archive as it exits, which makes its stop slower. */
    boolean recordsClassArchive() {
        return builder.command().stream().anyMatch(ClassDataSharing::recordsArchive);
    }

    /** SIGTERM, so Spring shuts down gracefully; kill after the stop grace given at start. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
