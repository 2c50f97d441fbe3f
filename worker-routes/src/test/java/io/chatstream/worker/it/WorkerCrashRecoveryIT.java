package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.localinfra.Ports;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.proto.v1.PromptSubmitted;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two worker processes (the packaged jar) share the prompts; the one answering is killed with
 * SIGKILL mid-answer and the other one completes the answer from the uncommitted record.
 */
class WorkerCrashRecoveryIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WorkerInfra infra;
    private static KafkaProbe probe;
    private static LettuceConnectionFactory redisConnections;
    private static StringRedisTemplate redis;
    private static final List<Worker> workers = new ArrayList<>();

    record Worker(int port, Process process) {
    }

    @BeforeAll
    static void start() throws Exception {
        infra = new WorkerInfra();
        probe = new KafkaProbe(infra.kafka.bootstrapServers());
        redisConnections = new LettuceConnectionFactory(infra.redis.host(), infra.redis.port());
        redisConnections.afterPropertiesSet();
        redis = new StringRedisTemplate(redisConnections);
        for (int i = 1; i <= 2; i++) {
            workers.add(startWorker(i));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Worker w : workers) {
            w.process().destroyForcibly().waitFor();
        }
        probe.close();
        redisConnections.destroy();
        infra.close();
    }

    private static Worker startWorker(int n) throws IOException {
        int port = Ports.free();
        Path log = Path.of("target/it-worker-" + n + "-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", "target/worker-routes.jar",
                "--server.port=" + port,
                "--chat.kafka.brokers=" + infra.kafka.bootstrapServers(),
                "--spring.data.redis.host=" + infra.redis.host(),
                "--spring.data.redis.port=" + infra.redis.port(),
                "--chat.bailian.base-url=" + infra.simulator.baseUrl(),
                // A killed member is noticed after the session timeout (broker minimum 6 s).
                "--camel.component.kafka.session-timeout-ms=6000",
                "--camel.component.kafka.heartbeat-interval-ms=1000",
                "--chat.worker.shutdown-grace=1s"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DASHSCOPE_API_KEY", WorkerInfra.API_KEY);
        return new Worker(port, builder.start());
    }

    @Test
    @DisplayName("kill -9 of the answering worker: the other one answers again behind a reset, one completed outcome")
    void survivesAWorkerCrash() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> workers.stream().allMatch(WorkerCrashRecoveryIT::ready) && stableWithTwoMembers());
        PromptSubmitted prompt = Prompts.prompt("session-crash01", "[sim:chunks=80] [sim:delay=5,100] survive",
                List.of());
        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(prompt).size() >= 5);

        Worker answering = await().atMost(Duration.ofSeconds(10)).until(
                () -> workers.stream().filter(w -> inflight(w) > 0).findFirst(), java.util.Optional::isPresent).get();
        answering.process().destroyForcibly().waitFor();
        int entriesAtCrash = entries(prompt).size();

        AnswerCompleted outcome = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> probe.outcomes.get(prompt.getRequestId()), o -> o != null && !o.isEmpty()).get(0);
        assertThat(outcome.getStatus()).isEqualTo("completed");
        List<AnswerStreamEntry> entries = entries(prompt);
        assertThat(entries.size()).isGreaterThan(entriesAtCrash);
        assertThat(entries).extracting(AnswerStreamEntry::getSeq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries).filteredOn(e -> e.getKind().equals("reset")).hasSize(1);
        assertThat(entries.get(entries.size() - 1).getKind()).isEqualTo("done");
        assertThat(AnswerStreamReader.tokens(entries)).isEqualTo(outcome.getText());
        assertThat(outcome.getText().length()).isGreaterThan(AnswerStreamReader.tokens(entries.subList(0, 4)).length());
        Thread.sleep(1000);
        assertThat(probe.outcomes.get(prompt.getRequestId())).hasSize(1);
        assertThat(redis.opsForHash().get("chat:req:meta:" + prompt.getRequestId(), "status")).isEqualTo("completed");
    }

    private static List<AnswerStreamEntry> entries(PromptSubmitted prompt) {
        return AnswerStreamReader.entries(redis, prompt.getRequestId());
    }

    private static boolean ready(Worker w) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + w.port()
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static double inflight(Worker w) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + w.port()
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(l -> l.startsWith("chat_worker_inflight"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Both workers own partitions and no rebalance is under way: a rebalance during the answer
     * would hand the prompt to the other worker while its first owner still answers (no lease yet).
     */
    private static boolean stableWithTwoMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafka.bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("worker")).all().get().get("worker");
            return group != null && group.state() == org.apache.kafka.common.ConsumerGroupState.STABLE
                    && group.members().size() == 2
                    && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        }
    }
}
