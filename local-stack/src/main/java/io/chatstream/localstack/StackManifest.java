package io.chatstream.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <state-dir>/stack.json}: every component's address, for people and tools
 * (tests, benchmarks). Written once the stack is ready; removed when it stops.
 */
final class StackManifest {

    private final Map<String, Object> content = new LinkedHashMap<>();
    private final Path file;

    StackManifest(StackOptions o, String model, String redisFlavour, String mariadbFlavour,
                  List<Supervised> components, Duration startup) {
        this.file = o.stateDir().resolve("stack.json");
        content.put("status", "ready");
        content.put("started_at", Instant.now().toString());
        content.put("startup_ms", startup.toMillis());
        content.put("url", "http://127.0.0.1:" + o.port(StackOptions.GATEWAY) + "/");
        content.put("gateway", "http://127.0.0.1:" + o.port(StackOptions.GATEWAY));
        content.put("command_grpc", "127.0.0.1:" + o.port(StackOptions.COMMAND_GRPC));
        content.put("query_grpc", "127.0.0.1:" + o.port(StackOptions.QUERY_GRPC));
        content.put("kafka", "127.0.0.1:" + o.port(StackOptions.KAFKA));
        content.put("redis", "127.0.0.1:" + o.port(StackOptions.REDIS) + " (" + redisFlavour + ")");
        content.put("mariadb", "jdbc:mariadb://127.0.0.1:" + o.port(StackOptions.MARIADB) + " (" + mariadbFlavour + ")");
        content.put("identity", LocalStack.identityIssuer(o) + " (sign in as alice / alice-password, bob, carol; or register)");
        content.put("model", model);
        content.put("supervision", o.restart() ? "on" : "off");
        content.put("scale", o.scale().describe());
        content.put("front_door", o.scale().frontDoor() ? "nginx (logs/nginx.log)" : "none (one gateway)");
        content.put("instances", instances(o));
        content.put("logs", o.stateDir().resolve("logs").toString());
        processes(components, Map.of());
    }

    /** Every instance's address per service: HTTP for all four, gRPC for command and query. */
    private static Map<String, List<String>> instances(StackOptions o) {
        Map<String, List<String>> instances = new LinkedHashMap<>();
        StackOptions.SERVICE_PORTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (String option : e.getValue()) {
                String key = option.replace("-port", "").replace('-', '_');
                String scheme = option.contains("grpc") ? "" : "http://";
                List<String> addresses = new java.util.ArrayList<>();
                for (int n = 1; n <= o.scale().of(e.getKey()); n++) {
                    addresses.add(scheme + "127.0.0.1:" + o.port(e.getKey(), option, n));
                }
                instances.put(key, addresses);
            }
        });
        return instances;
    }

    /**
     * Every process's current pid (a restart changes it), its address and log, and how many
     * times the supervisor restarted it; kill tests read the pids from here.
     */
    synchronized void processes(List<Supervised> components, Map<String, Integer> restarts) {
        Map<String, Object> processes = new LinkedHashMap<>();
        processes.put("local-stack", Map.of("pid", ProcessHandle.current().pid()));
        for (Supervised c : components) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pid", c.pid());
            if (c instanceof ServiceProcess s) {
                p.put("http", "http://127.0.0.1:" + s.httpPort());
                p.put("log", s.log().toString());
            } else if (c instanceof FrontDoor f) {
                p.put("http", "http://127.0.0.1:" + f.port());
                p.put("log", f.log().toString());
            }
            p.put("restarts", restarts.getOrDefault(c.name(), 0));
            processes.put(c.name(), p);
        }
        content.put("processes", processes);
        content.put("updated_at", Instant.now().toString());
    }

    synchronized void write() {
        try {
            Path tmp = file.resolveSibling("stack.json.tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing useful to do while shutting down
        }
    }

    String banner() {
        StringBuilder b = new StringBuilder("\n  chatstream is ready in ")
                .append(content.get("startup_ms")).append(" ms\n\n")
                .append("  Open  ").append(content.get("url")).append("\n\n");
        for (String key : List.of("gateway", "identity", "command_grpc", "query_grpc", "kafka", "redis", "mariadb", "model",
                "scale", "front_door", "logs")) {
            b.append(String.format("  %-13s %s%n", key, content.get(key)));
        }
        b.append(String.format("  %-13s %s%n", "addresses", file));
        b.append("\n  Ctrl-C stops everything.\n");
        return b.toString();
    }
}
