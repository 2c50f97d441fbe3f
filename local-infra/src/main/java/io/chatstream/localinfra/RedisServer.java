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
    private final String password;

    private RedisServer(int port, Path workDir, boolean appendOnly, ServerBuild build, Path binary, String password) {
        super(Duration.ofSeconds(10));
        this.port = port;
        this.workDir = workDir;
        this.appendOnly = appendOnly;
        this.build = build;
        this.binary = binary;
        this.password = password;
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
        return start(port, workDir, appendOnly, null);
    }

    /**
     * Starts Redis without persistence that answers only clients that authenticate with {@code password}
     * ({@code requirepass}: the {@code default} user's password; AUTH with no user name or as {@code default}).
     *
     * @param password not empty; never printed (it is passed on the command line of the child process)
     */
    public static RedisServer startWithPassword(int port, Path workDir, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        return start(port, workDir, false, password);
    }

    private static RedisServer start(int port, Path workDir, boolean appendOnly, String password) {
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
        RedisServer server = new RedisServer(p, dir, appendOnly, build, binary, password);
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
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
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
