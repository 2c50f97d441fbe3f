package io.chatstream.routesvalidator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks Camel YAML route files before they are deployed (docs/routes.md):
 * {@code java -jar routes-validator.jar [--config=application.yml] <file or folder>…}.
 * Per file: the YAML parses, it matches Camel's YAML DSL schema, Camel's routes loader loads it,
 * route ids are kebab-case, start with the service name and are unique, and every
 * {@code {{placeholder}}} is defined in the service's application.yml ({@code --config}, or the one
 * next to a shipped {@code camel/} folder). Prints {@code OK} or {@code FAIL} with reasons per file;
 * exit 0 when all pass, 1 when any fails, 2 on wrong usage.
 */
public final class RoutesValidator {

    private RoutesValidator() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(List.of(args), System.out));
    }

    static int run(List<String> args, PrintStream out) throws IOException {
        Path configArg = null;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--config=")) {
                configArg = Path.of(arg.substring("--config=".length()));
            } else if (arg.equals("-h") || arg.equals("--help")) {
                usage(out);
                return 0;
            } else if (arg.startsWith("-")) {
                out.println("unknown option " + arg);
                usage(out);
                return 2;
            } else {
                Path path = Path.of(arg);
                if (Files.isDirectory(path)) {
                    try (Stream<Path> found = Files.walk(path)) {
                        found.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).sorted()
                                .forEach(files::add);
                    }
                } else if (Files.isRegularFile(path)) {
                    files.add(path);
                } else {
                    out.println("FAIL " + arg + ": no such file or folder");
                    return 1;
                }
            }
        }
        if (files.isEmpty()) {
            usage(out);
            return 2;
        }
        RouteFileCheck check = checks();
        Map<Path, ServiceConfig> configs = new HashMap<>();
        // route id -> file that declared it, per service; the same file name twice is an ops override
        Map<String, Path> seen = new LinkedHashMap<>();
        int failed = 0;
        for (Path file : files) {
            List<String> problems = new ArrayList<>();
            Path configFile = configArg != null ? configArg : ServiceConfig.nextTo(file);
            ServiceConfig config = null;
            if (configFile != null) {
                try {
                    config = configs.computeIfAbsent(configFile, RoutesValidator::readConfig);
                } catch (IllegalStateException e) {
                    problems.add(e.getMessage());
                }
            }
            JsonNode node = check.parse(file, problems);
            if (node != null) {
                check.schema(node, problems);
                check.load(file, problems);
                String service = config == null ? null : config.service();
                for (String id : check.ids(node, service, problems)) {
                    Path other = seen.putIfAbsent((service == null ? "" : service) + "/" + id, file);
                    if (other != null && !other.getFileName().equals(file.getFileName())) {
                        problems.add("route id '" + id + "' is also declared in " + other);
                    }
                }
            }
            if (config != null) {
                check.placeholders(file, config, problems);
            }
            if (problems.isEmpty()) {
                out.println("OK   " + file + (config == null ? "  (placeholders not checked: no --config)" : ""));
            } else {
                failed++;
                out.println("FAIL " + file);
                problems.forEach(p -> out.println("     - " + p));
            }
        }
        out.println(files.size() - failed + " of " + files.size() + " route files OK");
        return failed == 0 ? 0 : 1;
    }

    private static RouteFileCheck checks;

    /** Loading Camel's schema takes a while: once per JVM. */
    private static synchronized RouteFileCheck checks() throws IOException {
        if (checks == null) {
            checks = new RouteFileCheck();
        }
        return checks;
    }

    private static ServiceConfig readConfig(Path file) {
        try {
            return ServiceConfig.read(file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the config " + file + ": "
                    + RouteFileCheck.oneLine(e.getMessage()), e);
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: validate-routes [--config=<service>/src/main/resources/application.yml] <file or folder>…");
        out.println("  checks *.camel.yaml files: YAML syntax, Camel YAML DSL schema, Camel routes loader,");
        out.println("  route ids (kebab-case, <service>-…, unique) and {{placeholders}} defined in the config;");
        out.println("  without --config a shipped file uses the application.yml next to its camel/ folder.");
    }
}
