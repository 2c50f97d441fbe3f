package io.chatstream.localstack;

import io.chatstream.localinfra.Ports;
import io.chatstream.localinfra.TerminalInterrupt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx as the one front door of several gateways ({@code --scale} with more than one): plain HTTP on
 * the gateway port, with the project's own edge settings ({@code nginx/chat-http.conf} and
 * {@code nginx/chat-site.conf}: SSE unbuffered, the send rate limit, failover to the next gateway) and
 * an upstream of every gateway instance. TLS stays with the production edge ({@code nginx/nginx.conf}).
 *
 * <p>It runs as a single process ({@code master_process off}): a {@code kill -9} then leaves no worker
 * holding the port, and the supervisor can start it again at once.
 */
final class FrontDoor implements Supervised {

    static final String NAME = "nginx";
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/local/nginx/sbin/nginx"));
    /** A gateway that failed (refused, broke, 502/504) gets no traffic for this long. */
    static final Duration FAIL_TIMEOUT = Duration.ofSeconds(2);

    private final int port;
    private final ProcessBuilder builder;
    private final Path log;
    private volatile Process process;

    private FrontDoor(int port, ProcessBuilder builder, Path log) {
        this.port = port;
        this.builder = builder;
        this.log = log;
    }

    /** Writes the configuration into {@code dir}, starts nginx and waits until it listens. */
    static FrontDoor start(Path home, Path dir, int port, List<Integer> gatewayPorts, int sendRate, Path log) {
        Path nginx = binary().orElseThrow(() -> new IllegalStateException(
                "--scale with more than one gateway needs nginx as the front door, and none was found at "
                        + BINARIES + " or on PATH: install it (Debian: apt-get install nginx) or run one gateway"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("nginx.conf"), configuration(home.resolve("nginx"), port, gatewayPorts, sendRate));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the front door's configuration in " + dir, e);
        }
        ProcessBuilder builder = new ProcessBuilder(TerminalInterrupt.ignoredBy(List.of(nginx.toString(),
                "-p", dir.toAbsolutePath() + "/", "-e", "stderr", "-c", dir.resolve("nginx.conf").toAbsolutePath().toString())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        FrontDoor door = new FrontDoor(port, builder, log);
        door.restart();
        return door;
    }

    /**
     * The front door's own nginx.conf: process settings, the shared includes, the send rate limit
     * ({@code sendRate} per second per client address), the upstream and the listener.
     */
    static String configuration(Path shipped, int port, List<Integer> gatewayPorts, int sendRate) {
        StringBuilder upstream = new StringBuilder();
        for (int gateway : gatewayPorts) {
            upstream.append("        server 127.0.0.1:").append(gateway).append(" max_fails=1 fail_timeout=")
                    .append(FAIL_TIMEOUT.toSeconds()).append("s;\n");
        }
        return """
                # Written by the local stack at every start (edit nginx/chat-http.conf and chat-site.conf instead).
                # One process, in the foreground: the launcher supervises it like every other component.
                master_process off;
                daemon off;
                pid nginx.pid;
                error_log stderr warn;

                events {
                    worker_connections 4096;
                }

                http {
                    include %s;
                    limit_req_zone $chat_send_limit_key zone=chat_send:10m rate=%dr/s;

                    upstream gateway {
                %s        keepalive 32;
                        keepalive_timeout 60s;
                    }

                    server {
                        listen 127.0.0.1:%d default_server;
                        server_name _;
                        include %s;
                    }
                }
                """.formatted(shipped.resolve("chat-http.conf").toAbsolutePath(), sendRate, upstream, port,
                shipped.resolve("chat-site.conf").toAbsolutePath());
    }

    static java.util.Optional<Path> binary() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(d -> !d.isBlank()).map(d -> Path.of(d, "nginx"));
        return Stream.concat(BINARIES.stream(), onPath).filter(Files::isExecutable).findFirst();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    @Override
    public void restart() {
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start nginx", e);
        }
        Ports.awaitListening(port, Duration.ofSeconds(20), "the front door (nginx)", process, log);
    }

    /** SIGTERM: nginx closes its connections and exits at once. */
    void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
