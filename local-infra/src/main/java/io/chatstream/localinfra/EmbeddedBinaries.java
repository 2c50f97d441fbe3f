package io.chatstream.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Server binaries shipped inside Maven artifacts, copied out once into a state directory so they
 * run as ordinary child processes (watched, killed and restarted like the Debian packages' ones).
 */
final class EmbeddedBinaries {

    private EmbeddedBinaries() {
    }

    /** The Redis 6.2 binary of the embedded-redis artifact for this machine, as {@code dir/redis-server}. */
    static Path redisServer(Path dir) {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String resource;
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            resource = "redis-server-6.2.6-v5-linux-amd64";
        } else if (os.contains("linux") && arch.equals("aarch64")) {
            resource = "redis-server-6.2.7-linux-arm64";
        } else if (os.contains("mac") && arch.equals("aarch64")) {
            resource = "redis-server-6.2.6-v5-darwin-arm64";
        } else if (os.contains("mac")) {
            resource = "redis-server-6.2.6-v5-darwin-amd64";
        } else {
            throw new IllegalStateException("no embedded Redis for " + os + "/" + arch
                    + "; install redis-server (e.g. apt-get install redis-server)");
        }
        return copyOut(resource, dir.resolve("redis-server"));
    }

    /** Copies the resource to {@code target} unless an earlier start did (the copy is atomic, so a file there is whole). */
    private static Path copyOut(String resource, Path target) {
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = EmbeddedBinaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (the embedded-redis artifact)");
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (!tmp.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("cannot make " + tmp + " executable");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + target, e);
        }
    }
}
