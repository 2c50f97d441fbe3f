package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every Maven command the project documents (READMEs, docs, runbooks, scripts, CI) must work on a
 * fresh clone, whose local Maven repository holds no {@code io.chatstream} artifact: a command that
 * builds part of the reactor with {@code -pl} must also build what that part depends on
 * ({@code -am}), and none may work offline ({@code -o}) only because an earlier build downloaded
 * everything. {@code DocumentedCommandsIT} runs the scripts themselves.
 */
class DocumentedCommandsTest {

    private static final Pattern MAVEN = Pattern.compile("(?:\\./mvnw|\\bmvn)\\s[^`\\n|;]*");

    @Test
    @DisplayName("every documented Maven command that selects modules with -pl also builds their dependencies with -am, and none runs offline")
    void mavenCommandsWorkOnAFreshClone() throws IOException {
        List<String> flawed = new ArrayList<>();
        int checked = 0;
        for (Path file : documentedFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = joinContinuations(lines, i);
                Matcher m = MAVEN.matcher(line);
                while (m.find()) {
                    String command = m.group();
                    checked++;
                    List<String> tokens = List.of(command.trim().split("\\s+"));
                    boolean selects = tokens.contains("-pl") || tokens.contains("--projects");
                    boolean alsoMakes = tokens.contains("-am") || tokens.contains("--also-make");
                    boolean offline = tokens.contains("-o") || tokens.contains("--offline");
                    if (selects && !alsoMakes || offline) {
                        flawed.add(root().relativize(file) + ":" + (i + 1) + ": " + command.trim());
                    }
                }
            }
        }
        assertThat(checked).as("Maven commands found in the docs and scripts").isGreaterThan(10);
        assertThat(flawed).as("commands that fail on a fresh clone").isEmpty();
    }

    /** A shell line continued with a trailing backslash, joined with the lines after it. */
    private static String joinContinuations(List<String> lines, int start) {
        StringBuilder line = new StringBuilder(lines.get(start));
        int i = start;
        while (line.toString().endsWith("\\") && i + 1 < lines.size()) {
            line.setLength(line.length() - 1);
            line.append(' ').append(lines.get(++i).trim());
        }
        return line.toString();
    }

    static List<Path> documentedFiles() throws IOException {
        Path root = root();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.run/")
                            && !p.toString().contains("/.git/") && !p.toString().contains("/node_modules/"))
                    .filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".sh")
                            || p.equals(root.resolve("run.sh")) || p.equals(root.resolve(".ci/run")))
                    .forEach(files::add);
        }
        return files;
    }

    static Path root() {
        Path fromModule = Path.of("..").toAbsolutePath().normalize();
        return Path.of(System.getProperty("chat.project.root", fromModule.toString())).toAbsolutePath().normalize();
    }
}
