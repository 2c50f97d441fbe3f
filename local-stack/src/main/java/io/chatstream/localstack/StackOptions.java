package io.chatstream.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the local stack; every port can be moved. */
record StackOptions(
        Path home,
        Path stateDir,
        boolean fresh,
        boolean embedded,
        Map<String, Integer> ports,
        List<String> serviceJvmOptions,
        List<String> gatewayJvmOptions,
        String model,
        long simulatorFirstTokenMs,
        long simulatorChunkMs,
        int simulatorChunks,
        boolean restart,
        long restartBackoffMs,
        boolean rebuildReadModel,
        long readyTimeoutSeconds,
        boolean classDataSharing,
        Scale scale,
        int frontDoorSendRate,
        boolean help) {

    static final String GATEWAY = "gateway-port";
    static final String COMMAND = "command-port";
    static final String COMMAND_GRPC = "command-grpc-port";
    static final String WORKER = "worker-port";
    static final String QUERY = "query-port";
    static final String QUERY_GRPC = "query-grpc-port";
    static final String SIMULATOR = "simulator-port";
    static final String KAFKA = "kafka-port";
    static final String REDIS = "redis-port";
    static final String MARIADB = "mariadb-port";
    /** The port options of each scalable service (each instance gets all of them, shifted: {@link Scale}). */
    static final Map<String, List<String>> SERVICE_PORTS = servicePorts();

    static final String USAGE = """
            Usage: java -jar local-stack/target/local-stack.jar [options]
              --home=DIR               project root holding the module jars (default: current directory)
              --state-dir=DIR          data, logs and stack.json (default: HOME/.run)
              --fresh                  wipe the state dir first (all stored conversations)
              --embedded               ignore redis-server/mariadbd on PATH; use the embedded jars
              --model=NAME             Qwen model name (default: qwen-plus)
              --service-jvm-opts="…"   JVM options of each service (default: -Xms64m -Xmx512m -XX:+UseSerialGC)
              --gateway-jvm-opts="…"   added after them for the gateway only (default: -Xmx1536m: room for
                                       10,000 open SSE streams at ~80 KiB each; the heap grows only as used)
              --sim-first-token-ms=N   simulator first-token delay (default 150)
              --sim-chunk-ms=N         simulator delay between chunks (default 30)
              --sim-chunks=N           simulator answer length in chunks (default 24)
              --restart=on|off         restart a component that dies unexpectedly, on the same port and
                                       data (default on; like compose's restart: unless-stopped)
              --restart-backoff-ms=N   first pause before a restart, doubled on each quick re-death up to
                                       30 s, reset after 60 s up (default 1000)
              --ready-timeout-s=N      how long each service may take to become ready (default 240; raise
                                       it on a busy machine)
              --cds=on|off             class data sharing: a service's first run records the classes it
                                       loads (in STATE-DIR/cds/, per build of its jar) and later runs map
                                       them instead of loading them again: a faster restart (default on)
              --scale=SPEC             instances per service, e.g. gateway=2,command=2,query=2,worker=3
                                       (1 to 9 each; a single number sets every service; default 1 each).
                                       Instance n listens on the service's ports + 100·(n−1). With more
                                       than one gateway, nginx (apt-get install nginx) is the front door on
                                       the gateway port, gateway n on the gateway port + 100·n
              --front-door-send-rate=N sends per second per client address the front door lets through
                                       (default 5, as the production edge; load tests from one address
                                       raise it)
              --rebuild-read-model     before the services start, clear the query read model and rewind
                                       its projections, which then replay the Kafka topics
                                       (docs/runbooks/rebuild-read-model.md)
              --gateway-port=8080 --command-port=8081 --command-grpc-port=9091 --worker-port=8082
              --query-port=8083 --query-grpc-port=9093 --simulator-port=18080
              --kafka-port=19092 --redis-port=16379 --mariadb-port=13306
            Environment: DASHSCOPE_API_KEY set → the real Bailian endpoint instead of the simulator
                         (DASHSCOPE_BASE_URL optionally overrides the endpoint).
            """;

    static StackOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
            String[] kv = arg.substring(2).split("=", 2);
            given.put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(GATEWAY, 8080);
        ports.put(COMMAND, 8081);
        ports.put(COMMAND_GRPC, 9091);
        ports.put(WORKER, 8082);
        ports.put(QUERY, 8083);
        ports.put(QUERY_GRPC, 9093);
        ports.put(SIMULATOR, 18080);
        ports.put(KAFKA, 19092);
        ports.put(REDIS, 16379);
        ports.put(MARIADB, 13306);
        for (String name : List.copyOf(ports.keySet())) {
            if (given.containsKey(name)) {
                ports.put(name, parsePort(name, given.remove(name)));
            }
        }
        Scale scale = given.containsKey("scale") ? Scale.parse(given.get("scale")) : Scale.ONE_OF_EACH;
        Map<Integer, String> byPort = new HashMap<>();
        listeners(ports, scale).forEach((name, port) -> {
            String other = byPort.putIfAbsent(port, name);
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + name + " would both listen on " + port
                        + "; every component needs a port of its own (move one with --<component>-port=N)");
            }
        });
        Path home = Path.of(given.getOrDefault("home", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path stateDir = given.containsKey("state-dir")
                ? Path.of(given.get("state-dir")).toAbsolutePath().normalize() : home.resolve(".run");
        StackOptions options = new StackOptions(home, stateDir,
                Boolean.parseBoolean(given.getOrDefault("fresh", "false")),
                Boolean.parseBoolean(given.getOrDefault("embedded", "false")),
                Map.copyOf(ports),
                Arrays.asList(given.getOrDefault("service-jvm-opts", "-Xms64m -Xmx512m -XX:+UseSerialGC").trim().split("\\s+")),
                words(given.getOrDefault("gateway-jvm-opts", "-Xmx1536m")),
                given.getOrDefault("model", "qwen-plus"),
                Long.parseLong(given.getOrDefault("sim-first-token-ms", "150")),
                Long.parseLong(given.getOrDefault("sim-chunk-ms", "30")),
                Integer.parseInt(given.getOrDefault("sim-chunks", "24")),
                parseSwitch("restart", given.getOrDefault("restart", "on")),
                Long.parseLong(given.getOrDefault("restart-backoff-ms", "1000")),
                Boolean.parseBoolean(given.getOrDefault("rebuild-read-model", "false")),
                Long.parseLong(given.getOrDefault("ready-timeout-s", "240")),
                parseSwitch("cds", given.getOrDefault("cds", "on")),
                scale,
                positive("front-door-send-rate", given.getOrDefault("front-door-send-rate", "5")),
                given.containsKey("help"));
        given.keySet().removeAll(List.of("home", "state-dir", "fresh", "embedded", "service-jvm-opts",
                "gateway-jvm-opts", "model",
                "sim-first-token-ms", "sim-chunk-ms", "sim-chunks", "restart", "restart-backoff-ms", "rebuild-read-model",
                "ready-timeout-s", "cds", "scale", "front-door-send-rate", "help"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + USAGE);
        }
        return options;
    }

    private static Map<String, List<String>> servicePorts() {
        Map<String, List<String>> ports = new LinkedHashMap<>();
        ports.put("command", List.of(COMMAND, COMMAND_GRPC));
        ports.put("query", List.of(QUERY, QUERY_GRPC));
        ports.put("worker", List.of(WORKER));
        ports.put("gateway", List.of(GATEWAY));
        return java.util.Collections.unmodifiableMap(ports);
    }

    /** JVM options of one service: the common ones, then the gateway's own (the JVM takes the last -Xmx). */
    List<String> jvmOptions(String service) {
        if (!"gateway".equals(service)) {
            return serviceJvmOptions;
        }
        List<String> all = new java.util.ArrayList<>(serviceJvmOptions);
        all.addAll(gatewayJvmOptions);
        return List.copyOf(all);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    int port(String name) {
        return ports.get(name);
    }

    /** Where instance {@code instance} of the service owning port option {@code portOption} listens. */
    int port(String service, String portOption, int instance) {
        return scale.port(service, ports.get(portOption), instance);
    }

    /** Everything that will listen, by a name a person recognises ({@code worker-2 worker-port}), with its port. */
    Map<String, Integer> listeners() {
        return listeners(ports, scale);
    }

    private static Map<String, Integer> listeners(Map<String, Integer> ports, Scale scale) {
        Map<String, Integer> listeners = new LinkedHashMap<>();
        ports.forEach((option, port) -> {
            if (SERVICE_PORTS.values().stream().noneMatch(o -> o.contains(option))) {
                listeners.put("--" + option, port);
            }
        });
        SERVICE_PORTS.forEach((service, options) -> {
            for (int n = 1; n <= scale.of(service); n++) {
                for (String option : options) {
                    listeners.put(Scale.instanceName(service, n) + " (--" + option + ")",
                            scale.port(service, ports.get(option), n));
                }
            }
        });
        if (scale.frontDoor()) {
            listeners.put("the front door nginx (--" + GATEWAY + ")", ports.get(GATEWAY));
        }
        return listeners;
    }

    private static boolean parseSwitch(String name, String value) {
        return switch (value) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, was " + value);
        };
    }

    private static int positive(String name, String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be a whole number >= 1, was " + value);
        }
        return n;
    }

    private static int parsePort(String name, String value) {
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be a port number, was " + value);
        }
        return port;
    }
}
