package io.chatstream.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ctrl-C in a terminal sends SIGINT to every process of the foreground job at once: Kafka, MariaDB
 * and the services would all stop together, the services would hang on a broker that is already
 * gone, and the launcher would have to kill them. Children therefore start with SIGINT ignored (an
 * ignored signal stays ignored across exec, and the JVM keeps it so), stay in the launcher's
 * process group (so {@code kill -9 -- -PGID} still ends them all), and are stopped by the launcher
 * in order, services first, with SIGTERM.
 */
public final class TerminalInterrupt {

    private static final Path SH = Path.of("/bin/sh");

    private TerminalInterrupt() {
    }

    /** {@code command} run with SIGINT ignored, where a POSIX shell exists; else as it is. */
    public static List<String> ignoredBy(List<String> command) {
        if (!Files.isExecutable(SH)) {
            return command;
        }
        List<String> shielded = new ArrayList<>(List.of(SH.toString(), "-c", "trap '' INT; exec \"$0\" \"$@\""));
        shielded.addAll(command);
        return shielded;
    }
}
