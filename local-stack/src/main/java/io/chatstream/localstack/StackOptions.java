package io.chatstream.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher starts and where: the typed result of its command line ({@link StackCommand}
 * reads it), and the ports every component and instance listens on. Every port can be moved.
 */
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
        int frontDoorSendRate) {

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
    static final String IDENTITY = "identity-port";
    /** The port options of each scalable service (each instance gets all of them, shifted: {@link Scale}). */
    static final Map<String, List<String>> SERVICE_PORTS = servicePorts();

    /**
     * Refuses options under which two components would listen on one port (an instance port of a
     * scaled service included).
     */
    StackOptions {
        Map<Integer, String> byPort = new HashMap<>();
        listeners(ports, scale).forEach((name, port) -> {
            String other = byPort.putIfAbsent(port, name);
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + name + " would both listen on " + port
                        + "; every component needs a port of its own (move one with --<component>-port=N)");
            }
        });
        ports = Map.copyOf(ports);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        gatewayJvmOptions = List.copyOf(gatewayJvmOptions);
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
}
