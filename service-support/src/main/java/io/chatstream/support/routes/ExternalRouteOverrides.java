package io.chatstream.support.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * Ops overrides of shipped routes (docs/routes.md): a file in the routes folder
 * ({@code chat.routes.dir}) with the same name as a shipped {@code classpath:camel/*.camel.yaml}
 * replaces it; so does a file there that declares a route id of a shipped file (logged). The shipped
 * wildcard is expanded into the shipped files minus the overridden ones
 * (camel.main.routes-include-pattern), so the same route ids are never loaded twice; at run time
 * the watcher replaces routes by id anyway. A missing folder is left out of the include pattern
 * and turns the watcher off (Camel would fail the start-up on a missing folder in either).
 * Identical in every service (a test checks it), except for the package.
 */
public final class ExternalRouteOverrides implements EnvironmentPostProcessor {

    private final Log log;

    public ExternalRouteOverrides(DeferredLogFactory logs) {
        this.log = logs.getLog(ExternalRouteOverrides.class);
    }

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
        Map<String, Set<String>> ops = routeFiles(folder);
        if (!ops.isEmpty()) {
            PathMatchingResourcePatternResolver cp = new PathMatchingResourcePatternResolver(application.getClassLoader());
            environment.getPropertySources().addFirst(new MapPropertySource("chatRouteOverrides",
                    Map.of(INCLUDE, withoutOverridden(include, ops, cp, log))));
        }
    }

    /** The include pattern without its entries for {@code dir}. */
    public static String withoutFolder(String include, String dir) {
        StringJoiner kept = new StringJoiner(",");
        for (String part : include.split(",")) {
            if (!part.strip().startsWith("file:" + dir)) {
                kept.add(part.strip());
            }
        }
        return kept.toString();
    }

    /**
     * Each classpath wildcard becomes its files, except those named like an ops file ({@code ops}:
     * file name to its route ids) or declaring one of the ops files' route ids.
     */
    public static String withoutOverridden(String include, Map<String, Set<String>> ops,
            PathMatchingResourcePatternResolver cp, Log log) {
        Set<String> opsIds = new LinkedHashSet<>();
        ops.values().forEach(opsIds::addAll);
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
                    String name = r.getFilename();
                    if (!names.add(name) || ops.containsKey(name)) {
                        continue;
                    }
                    Set<String> clash = new LinkedHashSet<>(routeIds(r.getInputStream().readAllBytes()));
                    clash.retainAll(opsIds);
                    if (clash.isEmpty()) {
                        kept.add("classpath:" + folder + name);
                    } else if (log != null) {
                        log.warn("the routes folder declares route ids " + clash + " of the shipped " + name
                                + ": the shipped file is not loaded");
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + part + ": " + e.getMessage(), e);
            }
        }
        return kept.toString();
    }

    /** The ids of the routes, route configurations and REST blocks of a YAML route file (none if unreadable). */
    public static Set<String> routeIds(byte[] yaml) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            Object doc = new Yaml().load(new String(yaml, StandardCharsets.UTF_8));
            if (doc instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> entry) {
                        for (Object body : entry.values()) {
                            if (body instanceof Map<?, ?> fields && fields.get("id") != null) {
                                ids.add(fields.get("id").toString());
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // a broken file clashes with nothing here; Camel reports it when loading
        }
        return ids;
    }

    /** File name to route ids of every route file in the folder. */
    private static Map<String, Set<String>> routeFiles(Path folder) {
        Map<String, Set<String>> files = new LinkedHashMap<>();
        try (var found = Files.newDirectoryStream(folder, "*.camel.yaml")) {
            for (Path f : found) {
                files.put(f.getFileName().toString(), routeIds(Files.readAllBytes(f)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the routes folder " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }
}
