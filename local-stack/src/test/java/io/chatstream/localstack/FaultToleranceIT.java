package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatstream.simulator.AnswerText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite against the whole stack started as {@code ./run.sh} starts it, with the
 * launcher's supervision on: poison records on every consumed topic, provider faults under load,
 * and {@code kill -9} of components during concurrent conversations. The default run is the short
 * version of {@code ./mvnw verify}; {@code scripts/fault-suite.sh} runs the long one through
 * system properties ({@code fault.conversations}, {@code fault.components}, {@code fault.storm}).
 * Figures go to {@code local-stack/target/fault-report.md} (see docs/reliability.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final List<String> ALL_COMPONENTS = List.of("worker", "query", "command", "gateway", "kafka", "redis", "mariadb");
    /** Kinds only a scaled stack has: its front door, and a rolling restart of every service instance. */
    static final List<String> SCALED_KINDS = List.of("nginx", "rolling");
    private static final String SHORT_COMPONENTS = "worker,redis,mariadb,kafka";
    private static final String SCALED_COMPONENTS = "worker,query,command,gateway,nginx,rolling";
    private static final List<String> SERVICES = List.of("command", "query", "worker", "gateway");

    /** -Dfault.scale=gateway=2,... runs the suite on a scaled stack (the launcher's --scale); empty = one of each. */
    private final String scale = System.getProperty("fault.scale", "");

    private final int conversations = Integer.getInteger("fault.conversations", 6);
    /**
     * -Dfault.chunk-ms: the pause between two chunks of a load answer (20 chunks each). One instance of each: 80 ms.
     * Scaled: 400 ms, to leave room for a killed instance's cold start among eight busy JVMs; at 80 ms, 200
     * conversations ask for 2,500 chunks/s, more than a 2-core machine delivers (docs/benchmarks.md). On 2 cores
     * the scaled suite runs with fewer conversations (docs/reliability.md has the figures and why).
     */
    private final int chunkMs = Integer.getInteger("fault.chunk-ms", scale.isEmpty() ? 80 : 400);
    private final int storm = Integer.getInteger("fault.storm", 1);
    private final List<String> components = components(System.getProperty("fault.components",
            scale.isEmpty() ? SHORT_COMPONENTS : SCALED_COMPONENTS), !scale.isEmpty());
    private final Map<String, List<Long>> killedAt = new java.util.LinkedHashMap<>();
    private final FaultReport report = new FaultReport();
    private RunningStack stack;
    private java.nio.file.Path stateDir;
    private StackClient client;
    private KafkaTool kafka;
    /** Every worker instance's Prometheus endpoint (one, or more on a scaled stack). */
    private List<String> workerMetrics;
    private final String runId = Long.toString(System.currentTimeMillis() % 100000);

    @BeforeAll
    void startStack() throws Exception {
        // -Dfault.attach=<state dir> runs against a stack already running (while developing the suite).
        String attach = System.getProperty("fault.attach");
        if (attach == null) {
            // Every load client sends from 127.0.0.1: the front door's per-address send limit is lifted.
            stack = scale.isEmpty() ? RunningStack.start("faults")
                    : RunningStack.start("faults", "--scale=" + scale, "--front-door-send-rate=10000");
            stateDir = stack.stateDir();
        } else {
            stateDir = java.nio.file.Path.of(attach);
        }
        JsonNode manifest = manifest();
        client = new StackClient(manifest.get("gateway").asText());
        kafka = new KafkaTool(manifest.get("kafka").asText());
        workerMetrics = new ArrayList<>();
        manifest.at("/instances/worker").forEach(url -> workerMetrics.add(url.asText() + "/actuator/prometheus"));
        report.machine();
    }

    @AfterAll
    void stopStack() throws Exception {
        report.write(RunningStack.projectRoot().resolve("local-stack/target"));
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("poison records on every consumed topic are dead-lettered or skipped, consumers keep going, lag returns to 0")
    void poisonMessages() throws Exception {
        Map<String, List<byte[]>> poison = new LinkedHashMap<>();
        for (String topic : List.of("chat.prompt.submitted", "chat.prompt.cancelled", "chat.answer.completed", "chat.session.changed",
                "chat.session.titles")) {
            poison.put(topic, poisonRecords());
        }
        int dlqBefore = kafka.readAll("chat.answer.dlq").size();
        for (Map.Entry<String, List<byte[]>> e : poison.entrySet()) {
            kafka.produce(e.getKey(), e.getValue());
        }

        String token = client.token("poison-" + runId, deadline(Duration.ofMinutes(1)));
        assertChatWorks(token, "After the poison " + runId);

        Map<String, String> groups = Map.of("worker", "chat.prompt.submitted", "query-prompts", "chat.prompt.submitted",
                "query-answers", "chat.answer.completed", "query-sessions", "chat.session.changed",
                "command-answers", "chat.answer.completed", "command-titles", "chat.session.titles",
                "worker-titles", "chat.answer.completed");
        await("every consumer group past the poison").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (Map.Entry<String, String> g : groups.entrySet()) {
                        assertThat(kafka.uncommittedRecords(g.getKey(), g.getValue())).as("lag of %s", g.getKey()).isZero();
                    }
                    // Each worker instance reads cancels in its own group; a restarted worker's old group is abandoned.
                    for (String cancelGroup : kafka.activeGroups("worker-cancel-")) {
                        assertThat(kafka.lag(cancelGroup)).as("lag of %s", cancelGroup).isZero();
                    }
                });
        List<ConsumerRecord<byte[], byte[]>> dlq = kafka.readAll("chat.answer.dlq");
        int deadLettered = dlq.size() - dlqBefore;
        assertThat(deadLettered).as("every poison prompt dead-lettered by the worker")
                .isEqualTo(poison.get("chat.prompt.submitted").size());
        report.poison(poison.values().stream().mapToInt(List::size).sum(), poison.size(), deadLettered);
    }

    @Test
    @Order(2)
    @DisplayName("provider faults under load: retries within max-attempts, the breaker opens and recovers, the DLQ holds exactly the failed")
    void providerFaults() throws Exception {
        String token = client.token("provider-" + runId, deadline(Duration.ofMinutes(1)));

        // A: a few provider failures among successes; the breaker stays closed, every retry succeeds.
        double retriesBefore = workers("chat_worker_retries_total");
        List<String> recoverable = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recoverable.add("fail twice " + runId + "/" + i + " [sim:fail-first=2][sim:chunks=5]");
        }
        for (int i = 0; i < 8; i++) {
            recoverable.add("fine " + runId + "/" + i + " [sim:chunks=5]");
        }
        ExecutorService phaseA = Executors.newFixedThreadPool(recoverable.size());
        List<Future<StackClient.Streamed>> answers = new ArrayList<>();
        for (String prompt : recoverable) {
            answers.add(phaseA.submit(() -> {
                StackClient.Sent sent = client.send(token, null, prompt, deadline(Duration.ofMinutes(2)));
                return client.follow(token, sent.requestId(), () -> deadline(Duration.ofMinutes(3)));
            }));
        }
        for (int i = 0; i < recoverable.size(); i++) {
            StackClient.Streamed s = answers.get(i).get();
            assertThat(s.terminal()).as(recoverable.get(i)).isEqualTo("done");
            assertThat(s.text()).isEqualTo(AnswerText.text(recoverable.get(i), 5));
            assertThat(s.gapless()).isTrue();
        }
        phaseA.shutdown();
        double retriesA = workers("chat_worker_retries_total") - retriesBefore;
        assertThat(retriesA).as("two retries for each fail-first=2 prompt, none for the others").isEqualTo(6.0);

        // B: a storm of failures with everything else mixed in.
        retriesBefore = workers("chat_worker_retries_total");
        List<String> prompts = new ArrayList<>();
        // One user per storm round: a round (28 sends at once) fits the per-user send limit (a burst of 20,
        // then 20 a minute); three rounds from one user would be refused with 429 until the sends gave up.
        Map<String, String> tokenOf = new HashMap<>();
        for (int round = 0; round < storm; round++) {
            String roundToken = round == 0 ? token : client.token("provider-" + runId + "-" + round,
                    deadline(Duration.ofMinutes(1)));
            int firstOfRound = prompts.size();
            for (int i = 0; i < 4; i++) {
                prompts.add("fail first " + runId + "/" + round + "/" + i + " [sim:fail-first=2][sim:chunks=5]");
                prompts.add("normal " + runId + "/" + round + "/" + i + " [sim:chunks=5]");
                prompts.add("throttled " + runId + "/" + round + "/" + i + " [sim:throttle]");
            }
            for (int i = 0; i < 10; i++) {
                prompts.add("storm " + runId + "/" + round + "/" + i + " [sim:error500]");
            }
            for (int i = 0; i < 3; i++) {
                prompts.add("cut " + runId + "/" + round + "/" + i + " [sim:cut][sim:chunks=10]");
                prompts.add("stall " + runId + "/" + round + "/" + i + " [sim:stall=1000][sim:chunks=10]");
            }
            prompts.subList(firstOfRound, prompts.size()).forEach(p -> tokenOf.put(p, roundToken));
        }
        AtomicInteger breakerMax = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(prompts.size() + 1);
        Future<?> watcher = pool.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    double state = workers("chat_worker_breaker_state");
                    breakerMax.accumulateAndGet((int) state, Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // keep watching
                }
            }
        });
        long began = System.nanoTime();
        List<Future<String[]>> outcomes = new ArrayList<>();
        for (String prompt : prompts) {
            outcomes.add(pool.submit(() -> {
                String promptToken = tokenOf.get(prompt);
                StackClient.Sent sent = client.send(promptToken, null, prompt, deadline(Duration.ofMinutes(2)));
                assertThat(sent.accepted()).as("accepted: %s", prompt).isTrue();
                StackClient.Streamed s = client.follow(promptToken, sent.requestId(),
                        () -> began + Duration.ofMinutes(4).toNanos());
                return new String[] {prompt, sent.requestId(), s.terminal(), s.errorCode(), s.text(),
                        Boolean.toString(s.gapless())};
            }));
        }
        Set<String> failed = new HashSet<>();
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        for (Future<String[]> f : outcomes) {
            String[] o = f.get();
            String prompt = o[0];
            assertThat(o[2]).as("%s ended with an event", prompt).isNotNull();
            assertThat(o[5]).as("%s: gapless ids", prompt).isEqualTo("true");
            byOutcome.merge(o[2] + (o[3] == null ? "" : " " + o[3]), 1, Integer::sum);
            boolean alwaysFails = prompt.contains("[sim:throttle]") || prompt.contains("[sim:error500]")
                    || prompt.contains("[sim:cut]") || prompt.contains("[sim:stall");
            if (alwaysFails) {
                assertThat(o[2]).as("%s", prompt).isEqualTo("error");
            } else if (o[2].equals("done")) {
                assertThat(o[4]).as("%s: the simulator's answer", prompt).isEqualTo(AnswerText.text(prompt, 5));
            } else if (prompt.contains("[sim:fail-first")) {
                // An attempt the open breaker refused never reached the simulator, so its fail-first
                // count did not advance: the last attempt can then be one of the simulator's 500s.
                assertThat(o[3]).as("%s: only the breaker may fail a recoverable prompt", prompt)
                        .isIn("CIRCUIT_OPEN", "InternalError");
            } else {
                assertThat(o[3]).as("%s: only an open breaker may fail a recoverable prompt", prompt).isEqualTo("CIRCUIT_OPEN");
            }
            if (o[2].equals("error")) {
                failed.add(o[1]);
            }
        }
        double retries = workers("chat_worker_retries_total") - retriesBefore;
        assertThat(retries).as("retries at most max-attempts - 1 = 2 per prompt").isLessThanOrEqualTo(2.0 * prompts.size());
        assertThat(breakerMax.get()).as("the breaker opened during the storm").isGreaterThanOrEqualTo(1);

        long recoveryStart = System.nanoTime();
        String[] recovered = new String[1];
        await("the breaker closes again and a chat completes").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                    List<Future<StackClient.Streamed>> trials = new ArrayList<>();
                    // A user per try: three sends every few seconds would exceed one user's send limit.
                    String recoveryToken = client.token("recovery-" + runId + "-" + System.nanoTime(),
                            deadline(Duration.ofMinutes(1)));
                    for (int i = 0; i < 3; i++) {
                        String prompt = "after the storm " + runId + " " + System.nanoTime() + " [sim:chunks=3]";
                        trials.add(pool.submit(() -> {
                            StackClient.Sent sent = client.send(recoveryToken, null, prompt,
                                    deadline(Duration.ofMinutes(1)));
                            return client.follow(recoveryToken, sent.requestId(), () -> deadline(Duration.ofMinutes(1)));
                        }));
                    }
                    for (Future<StackClient.Streamed> t : trials) {
                        assertThat(t.get().terminal()).isEqualTo("done");
                    }
                    assertThat(workers("chat_worker_breaker_state")).isZero();
                    recovered[0] = "yes";
                });
        watcher.cancel(true);
        pool.shutdownNow();
        long breakerRecoveryMs = Duration.ofNanos(System.nanoTime() - recoveryStart).toMillis();

        Set<String> ids = new HashSet<>();
        outcomes.forEach(f -> {
            try {
                ids.add(f.get()[1]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, Integer> dead = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll("chat.answer.dlq")) {
            String payload = new String(r.value(), StandardCharsets.UTF_8);
            ids.stream().filter(payload::contains).forEach(id -> dead.merge(id, 1, Integer::sum));
        }
        assertThat(dead.values()).as("each failed prompt dead-lettered once").allMatch(n -> n == 1);
        assertThat(dead.keySet()).as("the DLQ holds exactly the prompts that failed").isEqualTo(failed);
        report.provider(recoverable.size(), retriesA, prompts.size(), byOutcome, failed.size(), dead.size(), retries, breakerMax.get(), breakerRecoveryMs);
    }

    @Test
    @Order(3)
    @DisplayName("kill -9 of each component during concurrent conversations: restarted, nothing lost or duplicated, streams resume without gaps")
    void killTests() throws Exception {
        try (ChatLoad load = new ChatLoad(client, conversations, 20, 300, chunkMs, runId)) {
            load.start();
            await("the conversations under way").atMost(Duration.ofMinutes(3))
                    .until(() -> load.acceptedSoFar() >= conversations);
            String probeToken = client.token("probe-" + runId, deadline(Duration.ofMinutes(1)));
            for (String component : components) {
                int before = load.acceptedSoFar();
                await("answers streaming before killing " + component).atMost(Duration.ofMinutes(3))
                        .until(() -> load.acceptedSoFar() >= before + Math.max(2, conversations / 2));
                Thread.sleep(1000);
                boolean rolling = component.equals("rolling");
                for (String instance : rolling ? serviceInstances() : List.of(component)) {
                    long[] restart = killAndAwaitRestart(load, instance, rolling);
                    killedAt.computeIfAbsent(component, k -> new ArrayList<>()).add(restart[2]);
                    long recovered = probeChat(probeToken, instance);
                    report.kill(rolling ? instance + " (SIGTERM, rolling)" : instance, restart[0], restart[1],
                            ms(restart[3] - restart[2]), ms(recovered - restart[2]), load.acceptedSoFar() - before);
                }
            }
            load.finish(Duration.ofMinutes(5));
            killedAt.forEach((kind, times) -> report.stalls(kind, times.size(),
                    times.stream().flatMap(t -> load.stallsAt(t).stream()).toList()));
            ChatLoad.Verdict verdict = load.verify(Duration.ofMinutes(2));
            report.load(conversations, chunkMs, verdict);
            if (!scale.isEmpty() && components.stream().noneMatch(List.of("kafka", "redis", "mariadb")::contains)) {
                // With a second instance of everything killed, no reader may see an answer fail.
                assertThat(load.transportErrors()).as("error events readers saw").isZero();
            }
            assertThat(verdict.problems()).as("problems").isEmpty();
            assertThat(verdict.lost()).as("lost accepted prompts").isZero();
            assertThat(verdict.duplicated()).as("duplicated messages").isZero();
            assertThat(verdict.streamGaps()).as("streams with gaps or repeats").isZero();
            assertThat(verdict.accepted()).isEqualTo(verdict.completed() + verdict.failedExplicitly());
        }
    }

    /** A worker metric summed over every worker instance (for a gauge such as the breaker state: > 0 if any). */
    private double workers(String metric) throws Exception {
        double sum = 0;
        for (String url : workerMetrics) {
            sum += StackClient.metric(client.http(), url, metric, null);
        }
        return sum;
    }

    /**
     * Ends one instance (kill -9, or SIGTERM in a rolling restart) and waits until the launcher has started
     * it again: {pid, new pid, System.nanoTime() of the kill, of the restart}.
     */
    private long[] killAndAwaitRestart(ChatLoad load, String instance, boolean graceful) throws Exception {
        JsonNode manifest = manifest();
        long pid = manifest.at("/processes/" + instance + "/pid").asLong();
        int restarts = manifest.at("/processes/" + instance + "/restarts").asInt();
        assertThat(ProcessHandle.of(pid)).as("%s pid %d from stack.json", instance, pid).isPresent();
        load.outageBegins();
        long killed = System.nanoTime();
        ProcessHandle.of(pid).ifPresent(graceful ? ProcessHandle::destroy : ProcessHandle::destroyForcibly);
        long[] newPid = new long[1];
        await(instance + " restarted by the launcher").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    JsonNode m = manifest();
                    newPid[0] = m.at("/processes/" + instance + "/pid").asLong();
                    return newPid[0] != pid && m.at("/processes/" + instance + "/restarts").asInt() == restarts + 1;
                });
        long restarted = System.nanoTime();
        load.recovered();
        return new long[] {pid, newPid[0], killed, restarted};
    }

    /**
     * A user whose first chat after the outage ends with an explicit error (e.g. CIRCUIT_OPEN while the
     * breaker still counts the outage) tries again: recovery is the first chat that completes, within three
     * minutes. Returns System.nanoTime() of that.
     */
    private long probeChat(String probeToken, String component) throws Exception {
        long probeDeadline = deadline(Duration.ofMinutes(3));
        StackClient.Streamed answer;
        int probes = 0;
        do {
            String probe = "probe " + component + " " + runId + " #" + (++probes) + " [sim:chunks=3]";
            StackClient.Sent sent = client.send(probeToken, null, probe, probeDeadline);
            answer = client.follow(probeToken, sent.requestId(), () -> probeDeadline);
            if (!"done".equals(answer.terminal())) {
                System.out.printf("probe %d after %s: %s %s%n", probes, component, answer.terminal(), answer.errorCode());
                Thread.sleep(2000);
            }
        } while ("error".equals(answer.terminal()) && System.nanoTime() < probeDeadline);
        assertThat(answer.terminal()).as("a new chat after %s came back", component).isEqualTo("done");
        return System.nanoTime();
    }

    /** Every instance of every service, service by service: the order of a rolling restart. */
    private List<String> serviceInstances() throws Exception {
        List<String> instances = new ArrayList<>();
        JsonNode processes = manifest().get("processes");
        for (String service : SERVICES) {
            processes.fieldNames().forEachRemaining(name -> {
                if (name.equals(service) || name.matches(java.util.regex.Pattern.quote(service) + "-\\d+")) {
                    instances.add(name);
                }
            });
        }
        return instances;
    }

    private void assertChatWorks(String token, String text) throws Exception {
        String prompt = text + " [sim:chunks=4]";
        StackClient.Sent sent = client.send(token, null, prompt, deadline(Duration.ofMinutes(2)));
        assertThat(sent.accepted()).isTrue();
        StackClient.Streamed s = client.follow(token, sent.requestId(), () -> deadline(Duration.ofMinutes(2)));
        assertThat(s.terminal()).isEqualTo("done");
        assertThat(s.text()).isEqualTo(AnswerText.text(prompt, 4));
        await("the answer in the history").atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            List<JsonNode> messages = client.history(token, sent.sessionId());
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).path("content").asText()).isEqualTo(s.text());
        });
    }

    /** Garbage bytes (invalid UTF-8), valid JSON of the wrong shape, an empty record and a ~900 KB one. */
    private static List<byte[]> poisonRecords() {
        byte[] garbage = new byte[512];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xC3;
        garbage[1] = (byte) 0x28;
        char[] huge = new char[900 * 1024];
        Arrays.fill(huge, 'x');
        return List.of(garbage,
                "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8),
                "[1,2,3]".getBytes(StandardCharsets.UTF_8),
                "{\"request_id\":\"not-a-uuid\",\"session_id\":42}".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                ("{\"request_id\":\"" + java.util.UUID.randomUUID() + "\",\"prompt\":\"" + new String(huge) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode manifest() throws Exception {
        return StackClient.JSON.readTree(Files.readString(stateDir.resolve("stack.json")));
    }

    private static List<String> components(String spec, boolean scaled) {
        List<String> known = new ArrayList<>(ALL_COMPONENTS);
        if (scaled) {
            known.addAll(SCALED_KINDS);
        }
        List<String> list = spec.equals("all") ? known : List.of(spec.split(","));
        assertThat(known).as("components this stack has").containsAll(list);
        return list;
    }

    private static long deadline(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
