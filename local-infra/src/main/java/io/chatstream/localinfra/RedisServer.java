package io.chatstream.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Redis server run as a child process: {@code redis-server} from PATH when present, else
 * the Redis 6.2 binary shipped in the embedded-redis artifact. Either way it is the same kind of
 * process, so it is watched, killed and restarted alike; a data directory keeps the build that
 * wrote it ({@link ServerBuild}).
 */
public final class RedisServer extends LocalServer {

    private final int port;
    private final Path workDir;
    private final boolean appendOnly;
    private final ServerBuild build;
    private final Path binary;

    private RedisServer(int port, Path workDir, boolean appendOnly, ServerBuild build, Path binary) {
        super(Duration.ofSeconds(10));
        this.port = port;
        this.workDir = workDir;
        this.appendOnly = appendOnly;
        this.build = build;
        this.binary = binary;
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
        Path dir = workDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerBuild build = ServerBuild.choose("Redis", dir, Binaries.onPath("redis-server"));
        Path binary = build == ServerBuild.PATH
                ? Binaries.onPath("redis-server").orElseThrow()
                : EmbeddedBinaries.redisServer(dir.resolve("bin"));
        RedisServer server = new RedisServer(p, dir, appendOnly, build, binary);
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
        return build == ServerBuild.EMBEDDED ? "embedded-redis" : "redis-server (PATH)";
    }

    @Override
    protected void launch() {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--dir", workDir.toString(),
                "--save", "",
                "--appendonly", appendOnly ? "yes" : "no",
                "--appendfsync", "everysec",
                "--protected-mode", "no"));
        Path log = workDir.resolve("redis.log");
        process = ChildProcess.start(command, log);
        try {
            Ports.awaitListening(port, Duration.ofSeconds(30), "Redis", process, log);
        } catch (RuntimeException e) {
            ChildProcess.kill(process); // never leave a half-started server holding its port and data
            throw e;
        }
    }
}
