package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every documented script in its cheapest mode the way a newcomer's fresh clone would: with a
 * local Maven repository that holds every downloaded dependency but no {@code io.chatstream}
 * artifact (a copy of {@code ~/.m2/repository} made of links, minus {@code io/chatstream}), and with
 * every build forced, so a script whose Maven command would look for this project's modules in
 * the repository instead of building them fails here.
 */
class DocumentedCommandsIT {

    private static Path repository;

    @BeforeAll
    static void repositoryWithoutThisProject() throws IOException {
        Path real = Path.of(System.getProperty("user.home"), ".m2", "repository");
        repository = DocumentedCommandsTest.root().resolve("local-stack/target/repository-without-chatstream");
        linkAllBut(real, repository, "io");
        linkAllBut(real.resolve("io"), repository.resolve("io"), "chatstream");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "./run.sh --help",
            "scripts/fault-suite.sh --dry-run",
            "scripts/failover-figures.sh --help",
            "scripts/benchmark.sh --help",
            "scripts/microbenchmark.sh -l",
            "scripts/validate-routes.sh",
            "scripts/rebuild-read-model.sh --help",
            "scripts/stack-memory.sh --help",
            "scripts/hop-timeline.sh --help"})
    @DisplayName("a documented script runs on a fresh clone")
    void runs(String commandLine) throws Exception {
        Path root = DocumentedCommandsTest.root();
        Path log = root.resolve("local-stack/target/documented-" + commandLine.replaceAll("[^A-Za-z-]", "_") + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MAVEN_ARGS", "-Dmaven.repo.local=" + repository);
        builder.environment().put("JARS_BUILD", "always");
        Process process = builder.start();
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("%s finished", commandLine).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", commandLine, output).isZero();
        assertThat(output).doesNotContain("Could not find artifact io.chatstream");
    }

    /** {@code target} as a directory of links to every entry of {@code source} except {@code excluded}. */
    private static void linkAllBut(Path source, Path target, String excluded) throws IOException {
        Files.createDirectories(target);
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(source)) {
            list.forEach(entries::add);
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            Path link = target.resolve(name);
            if (!name.equals(excluded) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, entry);
            }
        }
    }
}
