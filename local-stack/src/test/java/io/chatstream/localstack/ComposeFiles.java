package io.chatstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Reading the static deployment files (compose, service application.yml) the way their real
 * consumers do: compose's variable defaults, Spring Boot's environment-variable binding.
 */
final class ComposeFiles {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");
    private static final Pattern PLACEHOLDER_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private ComposeFiles() {
    }

    /** The repository root: {@code -Dchat.project.root}, else the parent of the module directory. */
    static Path projectRoot() {
        String configured = System.getProperty("chat.project.root");
        List<Path> candidates = configured != null && !configured.isBlank()
                ? List.of(Path.of(configured)) : List.of(Path.of(".."), Path.of("."));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("docker-compose.yml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no docker-compose.yml in " + candidates + " (set -Dchat.project.root)");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All documents of a YAML file merged (later documents win), as nested maps. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Object document : new Yaml().loadAll(read(file))) {
            if (document instanceof Map<?, ?> map) {
                merged.putAll((Map<String, Object>) map);
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Dotted leaf keys of a YAML tree with their values (null for an empty key). */
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> flat) {
        tree.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(name, map(value), flat);
            } else {
                flat.put(name, value);
            }
        });
    }

    /**
     * The environment variable names Spring Boot binds to a property: upper case, dots to
     * underscores, dashes removed (canonical) or turned into underscores (legacy form).
     */
    static Set<String> environmentNames(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return Set.copyOf(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    /** The property of {@code properties} that an environment variable sets, if any. */
    static Optional<String> propertyFor(String variable, Set<String> properties) {
        return properties.stream().filter(p -> environmentNames(p).contains(variable)).findFirst();
    }

    /** Environment variables a YAML text reads through {@code ${NAME:default}} placeholders. */
    static Set<String> referencedVariables(String yamlText) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER_ENV.matcher(yamlText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Compose interpolation with an empty environment: defaults apply, required values become "". */
    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String operator = m.group(2);
            String replacement = operator != null && operator.endsWith("-") ? m.group(3) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    /** A service's environment (map or KEY=VALUE list form), interpolated. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object node = service.get("environment");
        if (node instanceof Map<?, ?>) {
            map(node).forEach((k, v) -> env.put(k, v == null ? "" : interpolate(String.valueOf(v))));
        } else {
            for (Object entry : list(node)) {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
            }
        }
        return env;
    }

    /** The healthcheck test of a compose service as one command line. */
    static String healthcheck(Map<String, Object> service) {
        Object test = map(service.get("healthcheck")).get("test");
        List<String> parts = new ArrayList<>();
        if (test instanceof List<?>) {
            list(test).forEach(p -> parts.add(String.valueOf(p)));
        } else if (test != null) {
            parts.add(String.valueOf(test));
        }
        return String.join(" ", parts);
    }

    static int integer(Object value) {
        return Integer.parseInt(String.valueOf(value).trim());
    }
}
