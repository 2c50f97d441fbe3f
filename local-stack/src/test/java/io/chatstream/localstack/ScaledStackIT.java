package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two of every service behind the launcher's nginx front door (issue 16): an answer keeps streaming to
 * its reader while the instance producing it, relaying it or serving the reader is killed with
 * {@code kill -9}, and sends keep working with a command instance gone. Each kill picks the instance
 * that is doing the work right now (read from its own metrics), so the test cannot pass by luck.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaledStackIT {

    /** Worker killed mid-answer, another alive: the reader's next event within this (issue 16). */
    static final Duration WORKER_BUDGET = Duration.ofSeconds(5);
    /** Query instance killed mid-stream: the longest pause the reader may see. */
    static final Duration QUERY_BUDGET = Duration.ofSeconds(2);
    /** A stop sent through one gateway ends the answer for a reader on another within this (issue 16: 500 ms). */
    static final Duration STOP_BUDGET = Duration.ofMillis(500);
    /** 10 ms chunks (RunningStack's simulator pace): several seconds of answer left at every kill. */
    static final String LONG_ANSWER = "[sim:chunks=700] tell me a long story";
    private static final Duration TURN = Duration.ofMinutes(2);
    /** Kills per failover scenario: 1 in the test run; scripts/failover-figures.sh asks for more (-Dscaled.tries). */
    static final int TRIES = Integer.getInteger("scaled.tries", 1);

    private static RunningStack stack;
    private static StackClient client;
    private static HttpClient http;
    private static final AtomicInteger USERS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FrontDoor.binary().isPresent(),
                "nginx is not installed (CI installs it): two gateways need it as the front door");
        stack = RunningStack.start("scaled", "--scale=gateway=2,command=2,query=2,worker=2");
        client = new StackClient(stack.gateway());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("stack.json lists every instance; nginx answers on the gateway port")
    void manifestListsInstances() throws Exception {
        JsonNode manifest = manifest();
        assertThat(manifest.get("scale").asText()).isEqualTo("command=2, query=2, worker=2, gateway=2");
        for (String name : List.of("command", "command-2", "query", "query-2", "worker", "worker-2", "gateway",
                "gateway-2", "nginx")) {
            long pid = manifest.at("/processes/" + name + "/pid").asLong();
            assertThat(ProcessHandle.of(pid)).as(name).isPresent();
        }
        assertThat(manifest.at("/instances/gateway")).hasSize(2);
        assertThat(manifest.at("/instances/command_grpc")).hasSize(2);
        assertThat(stack.gateway()).isEqualTo("http://127.0.0.1:" + stack.port("gateway-port"));
    }

    @Test
    @Order(2)
    @DisplayName("kill -9 of the worker producing an answer: the other worker goes on within 5 s, behind one reset, one answer stored")
    void workerKilledMidAnswer() throws Exception {
        List<Duration> firstTokens = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            Followed answer = startLongAnswer();
            String worker = busiest("worker", "chat_worker_inflight");
            int restarts = restarts(worker);
            long killedAt = kill(worker);

            StackClient.Streamed streamed = answer.stream().get(3, TimeUnit.MINUTES);
            Duration nextToken = streamed.nextAttemptTokenAfter(killedAt).orElseThrow(
                    () -> new AssertionError("no token of a new attempt after the kill: " + streamed.kinds()));
            System.out.printf("worker %s killed: the other worker's first token %d ms later (longest stall %d ms)%n",
                    worker, nextToken.toMillis(), streamed.stallAfter(killedAt).toMillis());
            assertThat(streamed.terminal()).isEqualTo("done");
            assertThat(streamed.gapless()).as("every seq once, in order").isTrue();
            assertThat(streamed.transportErrors()).isZero();
            assertThat(streamed.resets()).isEqualTo(1);
            assertOneCompletedAnswer(answer);
            firstTokens.add(nextToken);
            awaitRestarted(worker, restarts);
        }
        assertWithin("worker killed mid-answer, kill -> the other worker's first token", firstTokens, WORKER_BUDGET);
    }

    @Test
    @Order(3)
    @DisplayName("kill -9 of the query instance relaying a stream: the gateway continues from another, no error, pause ≤ 2 s")
    void queryKilledMidStream() throws Exception {
        List<Duration> stalls = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            Followed answer = startLongAnswer();
            String query = busiest("query", "chat_query_answer_streams_active");
            int restarts = restarts(query);
            long killedAt = kill(query);

            StackClient.Streamed streamed = answer.stream().get(3, TimeUnit.MINUTES);
            System.out.printf("query %s killed: longest stall after it %d ms%n", query,
                    streamed.stallAfter(killedAt).toMillis());
            assertThat(streamed.terminal()).isEqualTo("done");
            assertThat(streamed.gapless()).isTrue();
            assertThat(streamed.transportErrors()).as("no error event reaches the reader").isZero();
            assertThat(streamed.connections()).as("the reader's connection was never broken").isEqualTo(1);
            assertThat(streamed.resets()).isZero();
            assertOneCompletedAnswer(answer);
            stalls.add(streamed.stallAfter(killedAt));
            awaitRestarted(query, restarts);
        }
        assertWithin("query instance killed mid-stream, the reader's longest stall", stalls, QUERY_BUDGET);
    }

    @Test
    @Order(4)
    @DisplayName("kill -9 of the gateway serving a stream: the reader reconnects through nginx with Last-Event-ID, gap-free")
    void gatewayKilledMidStream() throws Exception {
        List<Duration> stalls = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            Followed answer = startLongAnswer();
            String gateway = busiest("gateway", "chat_gateway_sse_active");
            int restarts = restarts(gateway);
            long killedAt = kill(gateway);

            StackClient.Streamed streamed = answer.stream().get(3, TimeUnit.MINUTES);
            System.out.printf("gateway %s killed: longest stall after it %d ms over %d connections%n", gateway,
                    streamed.stallAfter(killedAt).toMillis(), streamed.connections());
            assertThat(streamed.terminal()).isEqualTo("done");
            assertThat(streamed.gapless()).isTrue();
            assertThat(streamed.connections()).as("one reconnect through nginx").isGreaterThanOrEqualTo(2);
            assertThat(streamed.resets()).isZero();
            assertOneCompletedAnswer(answer);
            stalls.add(streamed.stallAfter(killedAt));
            awaitRestarted(gateway, restarts);
        }
        // No budget in issue 16 beyond "gap-free"; the figure (it includes the reader's 0.5 s reconnect pause) is reported.
        assertWithin("gateway killed mid-stream, the reader's longest stall (reconnect through nginx)", stalls,
                Duration.ofSeconds(30));
    }

    /**
     * p50/p99/max of one budget's tries, printed for docs/reliability.md. The budgets are p99s: with enough
     * tries (scripts/failover-figures.sh) the p99 must be within the budget; a single try (the test run, on
     * a busy CI machine) is held to twice the budget, which still catches a failover that waits for a
     * default 45 s session timeout or a reconnect back-off.
     */
    private static void assertWithin(String what, List<Duration> measured, Duration budget) {
        List<Long> ms = measured.stream().map(Duration::toMillis).sorted().toList();
        long p99 = FaultReport.percentile(ms, 99);
        System.out.printf("FAILOVER %s: n=%d p50=%d ms p99=%d ms max=%d ms (budget %d ms)%n", what, ms.size(),
                FaultReport.percentile(ms, 50), p99, ms.get(ms.size() - 1), budget.toMillis());
        if (ms.size() >= 5) {
            assertThat(p99).as(what + ": p99 (ms) of " + ms.size() + " tries").isLessThanOrEqualTo(budget.toMillis());
        } else {
            assertThat(measured).allSatisfy(d -> assertThat(d).as(what).isLessThanOrEqualTo(budget.multipliedBy(2)));
        }
    }

    @Test
    @Order(5)
    @DisplayName("with a command instance killed, sends and stops keep succeeding and every answer is published once")
    void commandKilled() throws Exception {
        String user = "scaled-" + USERS.incrementAndGet();
        String token = client.token(user, deadline());
        int restarts = restarts("command");
        kill("command");
        for (int i = 0; i < 4; i++) {
            StackClient.Sent sent = client.send(token, null, "[sim:chunks=5] after the command kill " + i, deadline());
            assertThat(sent.accepted()).as(sent.refusal()).isTrue();
            assertThat(sent.attempts()).as("the gateway retried on the other instance; the client never had to")
                    .isEqualTo(1);
            StackClient.Streamed streamed = client.follow(token, sent.requestId(), ScaledStackIT::deadline);
            assertThat(streamed.terminal()).isEqualTo("done");
            assertThat(client.history(token, sent.sessionId())).hasSize(2);
        }
        awaitRestarted("command", restarts);
    }

    @Test
    @Order(6)
    @DisplayName("two tabs on different gateways send into one session: exactly one is accepted, the other gets 409 SESSION_BUSY")
    void oneAnswerPerSessionAcrossGateways() throws Exception {
        String user = "scaled-" + USERS.incrementAndGet();
        String token = client.token(user, deadline());
        StackClient.Sent first = client.send(token, null, "[sim:chunks=3] open a session", deadline());
        client.follow(token, first.requestId(), ScaledStackIT::deadline);
        List<String> gateways = List.of(manifest().at("/instances/gateway/0").asText(),
                manifest().at("/instances/gateway/1").asText());
        // The first turn's stream has ended, but the session is free only once the command service has
        // recorded its answer: until then both sends are refused. Race again until one gets through.
        List<List<Integer>> rounds = new ArrayList<>();
        await("one send accepted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<CompletableFuture<Integer>> sends = gateways.stream().map(g -> CompletableFuture.supplyAsync(
                    () -> status(g, token, first.sessionId()))).toList();
            List<Integer> statuses = sends.stream().map(CompletableFuture::join).sorted().toList();
            rounds.add(statuses);
            return statuses.contains(202);
        });
        assertThat(rounds).as("every round: at most one accepted, the rest SESSION_BUSY")
                .allSatisfy(r -> assertThat(r).containsAnyOf(409).doesNotContainSequence(202, 202));
        assertThat(rounds.get(rounds.size() - 1)).containsExactly(202, 409);
    }

    @Test
    @Order(7)
    @DisplayName("a stop sent through one gateway ends an answer that the other gateway relays, whichever worker produces it")
    void stopThroughTheOtherGateway() throws Exception {
        String first = manifest().at("/instances/gateway/0").asText();
        String second = manifest().at("/instances/gateway/1").asText();
        List<Duration> stops = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            Followed answer = startLongAnswer(new StackClient(second));
            long stoppedAt = System.nanoTime();
            HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create(first + "/api/chat/stop"))
                    .header("Authorization", "Bearer " + answer.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"request_id\":\"" + answer.sent().requestId() + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);

            StackClient.Streamed streamed = answer.stream().get(1, TimeUnit.MINUTES);
            Duration stopToEnd = Duration.ofNanos(streamed.endedAtNanos() - stoppedAt);
            System.out.printf("stop through the other gateway: the reader's stream ended %d ms after the stop was sent%n",
                    stopToEnd.toMillis());
            assertThat(streamed.terminal()).isEqualTo("done");
            assertThat(streamed.ids()).as("cut short, not the whole 700-chunk answer").hasSizeLessThan(600);
            stops.add(stopToEnd);
        }
        assertWithin("stop sent through gateway A, answer relayed by gateway B: stop sent -> the reader's stream ends",
                stops, STOP_BUDGET);
    }

    /** A long answer in a new session of a new user, followed in the background until it has begun. */
    private Followed startLongAnswer() throws Exception {
        return startLongAnswer(client);
    }

    /** As {@link #startLongAnswer()}, sent and followed through {@code through} (a gateway or the front door). */
    private Followed startLongAnswer(StackClient through) throws Exception {
        String token = through.token("scaled-" + USERS.incrementAndGet(), deadline());
        StackClient.Sent sent = through.send(token, null, LONG_ANSWER, deadline());
        assertThat(sent.accepted()).as(sent.refusal()).isTrue();
        AtomicInteger events = new AtomicInteger();
        CompletableFuture<StackClient.Streamed> stream = CompletableFuture.supplyAsync(() -> {
            try {
                return through.follow(token, sent.requestId(), ScaledStackIT::deadline, events);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // Mid-answer: the reader has text on screen, with several seconds of the answer left.
        await("the first 30 events read").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> events.get() >= 30 || stream.isDone());
        assertThat(stream).isNotDone();
        return new Followed(token, sent, stream);
    }

    private record Followed(String token, StackClient.Sent sent, CompletableFuture<StackClient.Streamed> stream) {
    }

    private static void assertOneCompletedAnswer(Followed answer) throws Exception {
        List<JsonNode> history = client.history(answer.token(), answer.sent().sessionId());
        assertThat(history).as("the prompt and exactly one answer").hasSize(2);
    }

    /** The instance of {@code service} whose gauge {@code metric} is above 0 right now (the one doing the work). */
    private static String busiest(String service, String metric) throws Exception {
        String[] found = new String[1];
        await(service + " instance with " + metric + " > 0").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    JsonNode processes = manifest().get("processes");
                    for (String name : List.of(service, service + "-2")) {
                        String url = processes.at("/" + name + "/http").asText() + "/actuator/prometheus";
                        try {
                            if (StackClient.metric(http, url, metric, "") > 0) {
                                found[0] = name;
                                return true;
                            }
                        } catch (java.io.IOException e) {
                            // restarting: not this one
                        }
                    }
                    return false;
                });
        return found[0];
    }

    /** kill -9 of one instance; returns when it is gone (System.nanoTime() of the kill). */
    private static long kill(String instance) throws Exception {
        long pid = manifest().at("/processes/" + instance + "/pid").asLong();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        long killedAt = System.nanoTime();
        process.destroyForcibly();
        process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        return killedAt;
    }

    /**
     * The supervisor brought the instance back and its consumer groups took it in again, so the next
     * scenario starts from a full, settled stack (a rejoin moves partitions, which would reset an answer).
     */
    private static void awaitRestarted(String instance, int restartsBefore) throws Exception {
        await(instance + " restarted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> restarts(instance) > restartsBefore
                        && ProcessHandle.of(manifest().at("/processes/" + instance + "/pid").asLong()).isPresent());
        List<String> groups = GROUPS.getOrDefault(instance.replaceAll("-\\d+$", ""), List.of());
        try (KafkaTool kafka = new KafkaTool("127.0.0.1:" + stack.port("kafka-port"))) {
            await(instance + "'s consumer groups stable with both instances").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> groups.stream().allMatch(g -> {
                        try {
                            return kafka.stableWith(g, 2);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
        }
    }

    /** The shared consumer groups of each service (application.yml of each). */
    private static final java.util.Map<String, List<String>> GROUPS = java.util.Map.of(
            "worker", List.of("worker"), "command", List.of("command-answers"),
            "query", List.of("query-prompts", "query-answers", "query-sessions"));

    private static int restarts(String instance) throws Exception {
        return manifest().at("/processes/" + instance + "/restarts").asInt();
    }

    private static int status(String gateway, String token, String sessionId) {
        try {
            String body = "{\"prompt\":\"[sim:chunks=300] race\",\"session_id\":\"" + sessionId + "\",\"request_id\":\""
                    + java.util.UUID.randomUUID() + "\"}";
            return http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/chat/send"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode manifest() throws Exception {
        return StackClient.JSON.readTree(Files.readString(stack.stateDir().resolve("stack.json")));
    }

    private static long deadline() {
        return System.nanoTime() + TURN.toNanos();
    }
}
