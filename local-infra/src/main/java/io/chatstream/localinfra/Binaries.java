package io.chatstream.localinfra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds server binaries on PATH unless embedded servers are forced. */
final class Binaries {

    /** Set to true (system property or environment) to ignore binaries on PATH. */
    static final String FORCE_EMBEDDED_PROPERTY = "chat.infra.embedded";
    static final String FORCE_EMBEDDED_ENV = "CHAT_INFRA_EMBEDDED";

    private Binaries() {
    }

    static boolean embeddedForced() {
        return Boolean.parseBoolean(System.getProperty(FORCE_EMBEDDED_PROPERTY,
                System.getenv().getOrDefault(FORCE_EMBEDDED_ENV, "false")));
    }

    static Optional<Path> onPath(String name) {
        if (embeddedForced()) {
            return Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/usr/local/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
