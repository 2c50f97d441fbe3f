package io.chatstream.worker.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import io.chatstream.localinfra.Ports;

/** A worker process started from the packaged jar against the IT's infrastructure. */
record Worker(int port, Process process, Path log) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Starts a worker with the product's Kafka group settings (session timeout, assignor). */
    static Worker start(int n, WorkerInfra infra) throws IOException {
        return start(n, infra, List.of());
    }

    /** As {@link #start(int, WorkerInfra)}, with more {@code --key=value} arguments that override settings. */
    static Worker start(int n, WorkerInfra infra, List<String> settings) throws IOException {
        int port = Ports.free();
        Path log = Path.of("target/it-worker-" + n + "-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", "target/worker-routes.jar",
                "--server.port=" + port,
                "--chat.kafka.brokers=" + infra.kafka.bootstrapServers(),
                "--spring.data.redis.host=" + infra.redis.host(),
                "--spring.data.redis.port=" + infra.redis.port(),
                "--chat.bailian.base-url=" + infra.simulator.baseUrl()));
        if (settings.stream().noneMatch(s -> s.startsWith("--chat.worker.shutdown-grace="))) {
            command.add("--chat.worker.shutdown-grace=1s");
        }
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DASHSCOPE_API_KEY", WorkerInfra.API_KEY);
        return new Worker(port, builder.start(), log);
    }

    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    double inflight() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(l -> l.startsWith("chat_worker_inflight"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    /** The worker group has this many members, each owning partitions, and no rebalance is under way. */
    static boolean stableGroup(WorkerInfra infra, int members) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafka.bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("worker")).all().get().get("worker");
            return group != null && group.state() == org.apache.kafka.common.ConsumerGroupState.STABLE
                    && group.members().size() == members
                    && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        }
    }
}
