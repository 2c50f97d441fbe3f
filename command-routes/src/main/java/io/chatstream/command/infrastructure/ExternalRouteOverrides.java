package io.chatstream.command.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Ops overrides of shipped routes (docs/routes.md): a file in the routes folder
 * ({@code chat.routes.dir}) with the same name as a shipped {@code classpath:camel/*.camel.yaml}
 * replaces it. The shipped wildcard is expanded into the shipped files minus the overridden ones
 * (camel.main.routes-include-pattern), so the same route ids are never loaded twice; at run time
 * the watcher replaces routes by id anyway. A missing folder is left out of the include pattern
 * and turns the watcher off (Camel would fail the start-up on a missing folder in either).
 * Identical in every service (a test checks it), except for the package.
 */
public final class ExternalRouteOverrides implements EnvironmentPostProcessor {

    static final String DIR = "chat.routes.dir";
    static final String RELOAD = "camel.main.routes-reload-enabled";
    static final String INCLUDE = "camel.main.routes-include-pattern";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(DIR);
        String include = environment.getProperty(INCLUDE);
        if (dir == null || dir.isBlank() || include == null) {
            return;
        }
        Path folder = Path.of(dir);
        if (!Files.isDirectory(folder)) {
            environment.getPropertySources().addFirst(new MapPropertySource("chatRouteOverrides",
                    Map.of(RELOAD, "false", INCLUDE, withoutFolder(include, dir))));
            return;
        }
        Set<String> overridden = routeFiles(folder);
        if (!overridden.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("chatRouteOverrides",
                    Map.of(INCLUDE, withoutOverridden(include, overridden,
                            new PathMatchingResourcePatternResolver(application.getClassLoader())))));
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

    /** Each classpath wildcard becomes its files, except those named in {@code overridden}. */
    static String withoutOverridden(String include, Set<String> overridden, PathMatchingResourcePatternResolver cp) {
        StringJoiner kept = new StringJoiner(",");
        for (String raw : include.split(",")) {
            String part = raw.strip();
            if (!part.startsWith("classpath:") || !part.contains("*")) {
                kept.add(part);
                continue;
            }
            String folder = part.substring("classpath:".length(), part.lastIndexOf('/') + 1);
            try {
                Set<String> names = new LinkedHashSet<>();
                for (Resource r : cp.getResources("classpath*:" + part.substring("classpath:".length()))) {
                    names.add(r.getFilename());
                }
                names.stream().filter(n -> !overridden.contains(n)).forEach(n -> kept.add("classpath:" + folder + n));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + part + ": " + e.getMessage(), e);
            }
        }
        return kept.toString();
    }

    private static Set<String> routeFiles(Path folder) {
        Set<String> names = new LinkedHashSet<>();
        try (var files = Files.newDirectoryStream(folder, "*.camel.yaml")) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the routes folder " + folder + ": " + e.getMessage(), e);
        }
        return names;
    }
}
