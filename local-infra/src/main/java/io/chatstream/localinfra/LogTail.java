package io.chatstream.localinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The last lines of a child's log, quoted in a start failure so a person sees the cause without digging. */
final class LogTail {

    private static final int LINES = 6;
    private static final int MAX_LINE = 300;

    private LogTail() {
    }

    /** "; LOG ends with:" and its last non-blank lines, or only "; see LOG" when it cannot be read. */
    static String of(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("\tat "))
                    .collect(Collectors.toList());
            if (lines.isEmpty()) {
                return "; see " + log;
            }
            List<String> last = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
            return "; " + log + " ends with:\n    " + last.stream()
                    .map(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …" : line)
                    .collect(Collectors.joining("\n    "));
        } catch (IOException | RuntimeException e) {
            return "; see " + log;
        }
    }
}
