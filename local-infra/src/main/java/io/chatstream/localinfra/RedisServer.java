package io.chatstream.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real Redis server: {@code redis-server} from PATH when present, else the Redis 6.2
 * binary shipped in embedded-redis.
 */
public final class RedisServer extends LocalServer {

    private final int port;
    private final Path workDir;
    private final boolean appendOnly;
    private redis.embedded.RedisServer embedded;

    private RedisServer(int port, Path workDir, boolean appendOnly) {
        super(Duration.ofSeconds(10));
        this.port = port;
        this.workDir = workDir;
        this.appendOnly = appendOnly;
    }

    /** Starts Redis without persistence. */
    public static RedisServer start(int port, Path workDir) {
        return start(port, workDir, false);
    }

    /**
     * @param port 0 picks a free one
     * @param appendOnly turn on the append-only file (fsync every second), as in production
     */
    public static RedisServer start(int port, Path workDir, boolean appendOnly) {
        int p = port == 0 ? Ports.free() : Ports.requireFree(port, "Redis");
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisServer server = new RedisServer(p, workDir.toAbsolutePath(), appendOnly);
        server.launch();
        return server;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** "redis-server (PATH)" or "embedded-redis". */
    public String flavour() {
        return embedded != null ? "embedded-redis" : "redis-server (PATH)";
    }

    @Override
    protected void stopEmbedded() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            embedded = null;
        }
    }

    @Override
    protected void launch() {
        Optional<Path> binary = Binaries.onPath("redis-server");
        List<String> settings = settings();
        if (binary.isPresent()) {
            List<String> command = new ArrayList<>();
            command.add(binary.get().toString());
            command.add("--port");
            command.add(Integer.toString(port));
            for (String setting : settings) {
                String[] kv = setting.split(" ", 2);
                command.add("--" + kv[0]);
                command.add("\"\"".equals(kv[1]) ? "" : kv[1]);
            }
            process = ChildProcess.start(command, workDir.resolve("redis.log"));
            Ports.awaitListening(port, Duration.ofSeconds(30), "Redis", process);
        } else {
            try {
                redis.embedded.core.RedisServerBuilder builder = redis.embedded.RedisServer.newRedisServer().port(port);
                settings.forEach(builder::setting);
                embedded = builder.build();
                embedded.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded Redis", e);
            }
            Ports.awaitListening(port, Duration.ofSeconds(30), "Redis", null);
        }
    }

    private List<String> settings() {
        List<String> settings = new ArrayList<>();
        settings.add("bind 127.0.0.1");
        settings.add("dir " + workDir);
        settings.add("save \"\"");
        settings.add("appendonly " + (appendOnly ? "yes" : "no"));
        settings.add("appendfsync everysec");
        settings.add("protected-mode no");
        return settings;
    }
}
