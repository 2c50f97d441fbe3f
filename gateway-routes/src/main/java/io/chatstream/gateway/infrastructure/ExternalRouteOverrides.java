package io.chatstream.gateway.infrastructure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Ops overrides of shipped routes (docs/routes.md): a file in the routes folder
 * ({@code chat.routes.dir}) with the same name as a shipped {@code classpath:camel/*.camel.yaml}
 * replaces it. The shipped one is left out at start-up (camel.main.routes-exclude-pattern), so the
 * same route ids are never loaded twice; at run time the watcher replaces routes by id anyway.
 * A missing folder is left out of the include pattern and turns the watcher off (Camel would fail
 * the start-up on a missing folder in either).
 * Identical in every service (a test checks it), except for the package.
 */
public final class ExternalRouteOverrides implements EnvironmentPostProcessor {

    static final String DIR = "chat.routes.dir";
    static final String EXCLUDE = "camel.main.routes-exclude-pattern";
    static final String RELOAD = "camel.main.routes-reload-enabled";
    static final String INCLUDE = "camel.main.routes-include-pattern";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(DIR);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path folder = Path.of(dir);
        if (!Files.isDirectory(folder)) {
            environment.getPropertySources().addFirst(new MapPropertySource("chatRouteOverrides",
                    Map.of(RELOAD, "false", INCLUDE, withoutFolder(environment.getProperty(INCLUDE, ""), dir))));
            return;
        }
        String excludes = excludes(folder, environment.getProperty(EXCLUDE));
        if (excludes != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("chatRouteOverrides",
                    Map.of(EXCLUDE, excludes)));
        }
    }

    /** The include pattern without its entries for {@code dir}. */
    static String withoutFolder(String include, String dir) {
        StringJoiner kept = new StringJoiner(",");
        for (String part : include.split(",")) {
            if (!part.strip().startsWith("file:" + dir)) {
                kept.add(part.strip());
            }
        }
        return kept.toString();
    }

    /** The shipped twin of every route file in {@code dir}, after {@code existing}; null if none. */
    static String excludes(Path dir, String existing) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        StringJoiner patterns = new StringJoiner(",");
        if (existing != null && !existing.isBlank()) {
            patterns.add(existing);
        }
        int found = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.camel.yaml")) {
            for (Path file : files) {
                // In the jar the resolver names it classpath:camel/<name>; from a classes folder
                // (tests, IDE) file:/…/classes/camel/<name>.
                patterns.add("classpath:camel/" + file.getFileName());
                patterns.add("**/classes/camel/" + file.getFileName());
                found++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the routes folder " + dir + ": " + e.getMessage(), e);
        }
        return found == 0 ? null : patterns.toString();
    }
}
