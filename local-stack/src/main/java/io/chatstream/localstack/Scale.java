package io.chatstream.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many instances of each service the stack runs ({@code --scale}), what each instance is called
 * and where it listens. Instance 1 keeps the service's own name and ports, so a stack of one of each
 * looks exactly as before; instance n is called {@code <service>-n} and listens on every port of the
 * service plus 100·(n−1). With more than one gateway the configured gateway port belongs to the front
 * door (nginx), and gateway n listens on the gateway port plus 100·n.
 */
record Scale(Map<String, Integer> instances) {

    /** The services that scale, in start order. */
    static final List<String> SERVICES = List.of("command", "query", "worker", "gateway");
    /** Instances per service at most: the port scheme leaves room for nine. */
    static final int MAX_INSTANCES = 9;
    private static final int PORT_STEP = 100;

    static final Scale ONE_OF_EACH = new Scale(Map.of("command", 1, "query", 1, "worker", 1, "gateway", 1));

    /**
     * {@code gateway=2,command=2,query=2,worker=3} (services left out run once), or one number for
     * every service ({@code 2}).
     */
    static Scale parse(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>(ONE_OF_EACH.instances());
        String trimmed = text.trim();
        if (trimmed.matches("\\d+")) {
            int n = count("every service", trimmed);
            SERVICES.forEach(s -> counts.put(s, n));
            return new Scale(Map.copyOf(counts));
        }
        for (String part : trimmed.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2 || !SERVICES.contains(kv[0].trim())) {
                throw new IllegalArgumentException("--scale takes service=count pairs such as"
                        + " gateway=2,command=2,query=2,worker=3 (services: " + String.join(", ", SERVICES)
                        + "), or one count for all; was '" + text + "'");
            }
            counts.put(kv[0].trim(), count(kv[0].trim(), kv[1].trim()));
        }
        return new Scale(Map.copyOf(counts));
    }

    private static int count(String service, String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_INSTANCES) {
            throw new IllegalArgumentException("--scale: " + service + " needs 1 to " + MAX_INSTANCES
                    + " instances, was '" + value + "'");
        }
        return n;
    }

    int of(String service) {
        return instances.getOrDefault(service, 1);
    }

    /** More than one gateway: nginx answers on the gateway port and spreads requests over them. */
    boolean frontDoor() {
        return of("gateway") > 1;
    }

    /** {@code worker} for the first instance, {@code worker-2} for the second, ... */
    static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    /** Where instance {@code instance} (from 1) of {@code service} listens on a port whose base is {@code base}. */
    int port(String service, int base, int instance) {
        int offset = "gateway".equals(service) && frontDoor() ? instance : instance - 1;
        return base + PORT_STEP * offset;
    }

    /** For the banner and stack.json: {@code gateway=2, command=1, ...}. */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (String s : SERVICES) {
            b.append(b.isEmpty() ? "" : ", ").append(s).append('=').append(of(s));
        }
        return b.toString();
    }
}
